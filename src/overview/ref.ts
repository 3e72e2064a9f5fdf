/**
 * What an overview button carries, as its `value` (JSON, ≤ 2000 chars), coming back in the click's payload as
 * untrusted input: one project's full stats (`o: "p"`), or a list of projects left out of the message (`o: "l"`).
 *
 * A list names its projects by position in the configuration (a bit mask, base64url: 1,000 projects take 168
 * characters) together with a fingerprint of the configuration's project keys, so a button from before a
 * redeploy that changed the projects is recognised as stale instead of listing the wrong ones.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { PeriodSchema, periodFields } from '../digest/drilldown-ref.ts';
import { SLACK_LIMITS } from '../digest/limits.ts';
import { parseJsonAs } from '../json.ts';

const formatting = {
  locale: z.optional(z.string().check(z.maxLength(35))),
  currencyDisplay: z.optional(z.enum(['symbol', 'narrowSymbol', 'code', 'name'])),
};

export const ProjectRef = z.object({
  v: z.literal(1),
  o: z.literal('p'),
  project: z.string().check(z.minLength(1), z.maxLength(256)),
  period: PeriodSchema,
  ...formatting,
});
export type ProjectRef = z.infer<typeof ProjectRef>;

export const ListRef = z.object({
  v: z.literal(1),
  o: z.literal('l'),
  which: z.enum(['more', 'quiet']),
  /** Bit i set: the configuration's i-th project is listed. */
  mask: z.string().check(z.maxLength(1700), z.regex(/^[A-Za-z0-9_-]*$/)),
  /** `projectsFingerprint` of the configuration the mask was made with. */
  fp: z.string().check(z.maxLength(32)),
  period: PeriodSchema,
  ...formatting,
});
export type ListRef = z.infer<typeof ListRef>;

export const OverviewRef = z.discriminatedUnion('o', [ProjectRef, ListRef]);
export type OverviewRef = z.infer<typeof OverviewRef>;

/** JSON for a button value; undefined when it would not fit Slack's limit (the renderer then leaves the button out). */
export function encodeOverviewRef(ref: OverviewRef): string | undefined {
  const json = JSON.stringify({ ...ref, period: periodFields(ref.period) });
  return json.length <= SLACK_LIMITS.buttonValue ? json : undefined;
}

export function decodeOverviewRef(value: string): OverviewRef | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return undefined;
  return parseJsonAs(OverviewRef, value);
}

/** A short digest of the configuration's project keys, in order. */
export function projectsFingerprint(keys: readonly string[]): string {
  return createHash('sha256').update(keys.join('\n')).digest('base64url').slice(0, 12);
}

/** The positions of `chosen` keys among `keys`, as a bit mask in base64url. */
export function encodeMask(keys: readonly string[], chosen: Iterable<string>): string {
  const wanted = new Set(chosen);
  const bytes = Buffer.alloc(Math.ceil(keys.length / 8));
  keys.forEach((key, i) => {
    if (wanted.has(key)) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return bytes.toString('base64url');
}

/** The keys a mask selects, in configuration order. */
export function decodeMask(keys: readonly string[], mask: string): string[] {
  const bytes = Buffer.from(mask, 'base64url');
  return keys.filter((_, i) => ((bytes[i >> 3] ?? 0) & (1 << (i & 7))) !== 0);
}
