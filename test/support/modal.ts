/**
 * Filling in a modal as a person would: the `view.state.values` Slack sends for a view (each input's current value:
 * its initial one unless answered), and reading what a modal or an App Home shows (input block ids, buttons).
 */
import type { OpenView, StateValues } from './payloads.ts';

type Json = Record<string, unknown>;
type Option = { text: Json; value: string };

/** An answer per input block: a menu's value, a multi-select's or checkboxes' values, a time (`HH:mm`) or typed text. */
export type Answers = Record<string, string | string[] | null>;

function inputs(view: Json): Json[] {
  return ((view.blocks ?? []) as Json[]).filter((b) => b.type === 'input');
}

/** The input blocks' ids, in order. */
export function inputBlockIds(open: OpenView): string[] {
  return inputs(open.view).map((b) => String(b.block_id));
}

/** `view.state.values` for this view, with `answers` (by block id) over the initial values. */
export function formState(open: OpenView, answers: Answers = {}): StateValues {
  const values: StateValues = {};
  for (const block of inputs(open.view)) {
    const blockId = String(block.block_id);
    const element = block.element as Json;
    const actionId = String(element.action_id);
    const options = (element.options ?? []) as Option[];
    const answered = Object.hasOwn(answers, blockId);
    const answer = answers[blockId];
    const pick = (value: string) => options.find((o) => o.value === value) ?? { text: { type: 'plain_text', text: value }, value };
    let state: Json;
    switch (element.type) {
      case 'static_select': {
        const selected = answered ? (answer === null ? null : pick(String(answer))) : (element.initial_option ?? null);
        state = { type: 'static_select', selected_option: selected };
        break;
      }
      case 'multi_static_select':
      case 'checkboxes': {
        const selected = answered ? ((answer ?? []) as string[]).map(pick) : ((element.initial_options ?? []) as Option[]);
        state = { type: element.type, selected_options: selected };
        break;
      }
      case 'timepicker':
        state = { type: 'timepicker', selected_time: answered ? answer : (element.initial_time ?? null) };
        break;
      default:
        state = { type: element.type, value: answered ? answer : (element.initial_value ?? null) };
    }
    values[blockId] = { [actionId]: state };
  }
  return values;
}

/** Every button of a view or message: action id, value and text. */
export function viewButtons(view: Json): Array<{ action_id: string; value: string; text: string; confirm?: Json }> {
  return ((view.blocks ?? []) as Json[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Json[])
    .filter((e) => e.type === 'button')
    .map((e) => ({
      action_id: String(e.action_id),
      value: String(e.value ?? ''),
      text: String((e.text as Json).text),
      ...(e.confirm ? { confirm: e.confirm as Json } : {}),
    }));
}
