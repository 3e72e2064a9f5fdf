/**
 * Block Kit input builders the modals share (the subscribe modal, the alert modal): plain text within its limit,
 * options, a static select that keeps its chosen value, an input block with a hint, and the time zone field. Pure.
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { VIEW_LIMITS } from '../digest/limits.ts';
import { plainLabel, truncate } from '../digest/mrkdwn.ts';

/** The `action_id` of a modal element that only holds a value (no listener). */
export const VALUE_ACTION = 'value';

export const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: plainLabel(text, max), emoji: true });

export const option = (value: string, text: string): PlainTextOption & { value: string } => ({
  text: plain(text, VIEW_LIMITS.optionText),
  value: value.slice(0, VIEW_LIMITS.optionValue),
});

export function input(block: string, label: string, element: InputBlock['element'], extra: Partial<InputBlock> = {}): InputBlock {
  return { type: 'input', block_id: block, label: plain(label, VIEW_LIMITS.inputLabel), element, ...extra };
}

export function hint(text: string): Pick<InputBlock, 'hint'> {
  return { hint: plain(text, VIEW_LIMITS.inputHint) };
}

/** Options of a static select, the chosen one among them (added if the list doesn't have it), and at most 100. */
export function select(
  actionId: string,
  choices: ReadonlyArray<readonly [string, string]>,
  chosen: string | undefined,
  placeholder?: string,
): InputBlock['element'] {
  const list = [...choices];
  if (chosen !== undefined && !list.some(([value]) => value === chosen)) list.unshift([chosen, chosen]);
  const options = list.slice(0, VIEW_LIMITS.selectOptions).map(([value, text]) => option(value, text));
  const initial = options.find((o) => o.value === chosen);
  return {
    type: 'static_select',
    action_id: actionId,
    options,
    ...(initial ? { initial_option: initial } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, VIEW_LIMITS.placeholder) } : {}),
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text put back into a field (what was typed, when a modal is rebuilt): broken characters (a lone surrogate, which
 * only a forged state can hold) replaced, then cut to `max` between characters.
 */
export function typedValue(text: string, max: number): string {
  return truncate(text.replace(LONE_SURROGATE, '\uFFFD'), max);
}

/** The time zone field: an IANA name typed in, prefilled (with the person's own for something new). */
export function timeZoneInput(block: string, timeZone: string): InputBlock {
  return input(
    block,
    'Time zone',
    { type: 'plain_text_input', action_id: VALUE_ACTION, initial_value: typedValue(timeZone, 64), max_length: 64 },
    hint('An IANA time zone, like Europe/Paris, America/New_York or UTC. Yours by default.'),
  );
}

/** A form modal: its callback id, title, submit label, blocks, and `private_metadata` (dropped if too long for Slack). */
export function formModal(spec: { callbackId: string; title: string; submit: string; metadata: string; blocks: KnownBlock[] }): ModalView {
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    title: plain(spec.title, VIEW_LIMITS.modalTitle),
    submit: plain(spec.submit, VIEW_LIMITS.modalButton),
    close: plain('Cancel', VIEW_LIMITS.modalButton),
    private_metadata: spec.metadata.length <= VIEW_LIMITS.privateMetadata ? spec.metadata : '',
    blocks: spec.blocks,
  };
}
