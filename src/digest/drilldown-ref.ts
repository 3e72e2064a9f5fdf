/**
 * What a drill-down button carries: which project, view and period to show. Travels as the button's
 * `value` (JSON, ≤ 2000 chars) and comes back in the interaction payload, where it is untrusted input.
 */
import * as z from 'zod/mini';
import { DRILLDOWN_VIEWS } from '../insights/views.ts';
import { parseJsonAs } from '../json.ts';
import type { Period } from '../periods/period.ts';
import { SLACK_LIMITS } from './limits.ts';

const instant = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 instant'),
);
const TimeRangeSchema = z.object({ start: instant, end: instant });
export const PeriodSchema = z.object({
  start: instant,
  end: instant,
  previous: TimeRangeSchema,
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  days: z.int().check(z.positive(), z.lte(3700)),
  label: z.string().check(z.maxLength(300)),
});

export const DrilldownRef = z.object({
  v: z.literal(1),
  project: z.string().check(z.minLength(1), z.maxLength(256)),
  view: z.enum(DRILLDOWN_VIEWS),
  period: PeriodSchema,
  /** How the digest formatted numbers, so its drill-downs read the same. */
  locale: z.optional(z.string().check(z.maxLength(35))),
  currencyDisplay: z.optional(z.enum(['symbol', 'narrowSymbol', 'code', 'name'])),
});
export type DrilldownRef = z.infer<typeof DrilldownRef>;

/** Keep only the fields of a Period (a caller's object may carry more). */
export function periodFields(p: Period): Period {
  return {
    start: p.start,
    end: p.end,
    previous: { start: p.previous.start, end: p.previous.end },
    timeZone: p.timeZone,
    days: p.days,
    label: p.label,
  };
}

/**
 * JSON for a button value. The period label is shortened if needed to fit Slack's 2000-char limit;
 * throws RangeError when even that is not enough (an absurd project id) — renderers then leave the button out.
 */
export function encodeDrilldownRef(ref: DrilldownRef): string {
  const base = {
    v: 1 as const,
    project: ref.project,
    view: ref.view,
    period: periodFields(ref.period),
    ...(ref.locale ? { locale: ref.locale } : {}),
    ...(ref.currencyDisplay ? { currencyDisplay: ref.currencyDisplay } : {}),
  };
  let json = JSON.stringify(base);
  if (json.length <= SLACK_LIMITS.buttonValue) return json;
  const over = json.length - SLACK_LIMITS.buttonValue;
  // Labels are ours and short; a long one loses its tail (JSON escaping can make a char cost up to 6).
  const label = Array.from(base.period.label);
  let keep = Math.max(0, label.length - over);
  while (keep >= 0) {
    json = JSON.stringify({ ...base, period: { ...base.period, label: label.slice(0, keep).join('') } });
    if (json.length <= SLACK_LIMITS.buttonValue) return json;
    if (keep === 0) break;
    keep = Math.max(0, keep - Math.max(1, Math.ceil((json.length - SLACK_LIMITS.buttonValue) / 6)));
  }
  throw new RangeError('drill-down reference does not fit in a button value');
}

/** Parse a button value back; undefined for anything that is not a valid reference. */
export function decodeDrilldownRef(value: string): DrilldownRef | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return undefined;
  return parseJsonAs(DrilldownRef, value);
}
