/**
 * Reading a modal's `view.state.values` (untrusted: it comes back through Slack): each input block read on its own
 * with a schema (one in a shape we don't read leaves the others readable), every string cut, every list capped.
 * Shared by the subscribe and alert modals. Pure and light (zod/mini).
 */
import * as z from 'zod/mini';

/** Longest text read from any field: far above anything valid, so nothing is cut that could have been right. */
export const MAX_FIELD = 500;
/** Most options read from a multi-select or checkboxes. */
const MAX_PICKED = 200;

const Option = z.object({ value: z.string() });
const Element = z.object({
  type: z.optional(z.string()),
  selected_option: z.optional(z.nullable(Option)),
  selected_options: z.optional(z.nullable(z.array(Option))),
  selected_time: z.optional(z.nullable(z.string())),
  value: z.optional(z.nullable(z.string())),
});
type Element = z.infer<typeof Element>;

export interface StateReader {
  /** The block's element as sent, or undefined when absent or unreadable. */
  element(block: string): Element | undefined;
  /** A static select's value (undefined: not sent; a cleared one too). */
  selected(block: string): string | undefined;
  /** A multi-select's or checkboxes' values (undefined: not sent). */
  picked(block: string): string[] | undefined;
  /** A text input's value ('' when emptied; undefined: not sent). */
  text(block: string): string | undefined;
  /** A timepicker's `HH:mm` ('' when cleared; undefined: not sent). */
  time(block: string): string | undefined;
}

export function stateReader(stateValues: unknown): StateReader {
  const state = typeof stateValues === 'object' && stateValues !== null ? (stateValues as Record<string, unknown>) : {};
  const element = (block: string): Element | undefined => {
    const actions = Object.hasOwn(state, block) ? state[block] : undefined;
    if (typeof actions !== 'object' || actions === null) return undefined;
    const parsed = z.safeParse(Element, Object.values(actions)[0]);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    element,
    selected: (block) => element(block)?.selected_option?.value?.slice(0, MAX_FIELD),
    picked: (block) =>
      element(block)
        ?.selected_options?.slice(0, MAX_PICKED)
        .map((o) => o.value.slice(0, MAX_FIELD)),
    text: (block) => {
      const value = element(block)?.value;
      return value === undefined ? undefined : (value ?? '').slice(0, MAX_FIELD);
    },
    time: (block) => {
      const time = element(block)?.selected_time;
      return time === undefined ? undefined : (time ?? '').slice(0, 10);
    },
  };
}
