/** The daily conversation series, mapped to calendar dates in the period's time zone when possible. */
import type { Period } from '../periods/period.ts';
import type { Trend, TrendDay } from './types.ts';

/** `YYYY-MM-DD` of an instant in a time zone, or null if either is invalid. */
export function localDate(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  } catch {
    return null;
  }
  const get = (type: string): string | undefined => parts.find((p) => p.type === type)?.value;
  const y = get('year');
  const m = get('month');
  const d = get('day');
  return y && m && d ? `${y}-${m}-${d}` : null;
}

/** A calendar date plus `days` days (pure calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * Build the trend from the conversation counts. ChatDash does not document the bucket size: when there is
 * exactly one bucket per day of the period, buckets get dates; otherwise they stay undated.
 */
export function buildTrend(counts: readonly number[] | undefined, period: Period): Trend | null {
  if (!counts || counts.length === 0) return null;
  const clean = counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
  const first = clean.length === period.days ? localDate(period.start, period.timeZone) : null;
  const days: TrendDay[] = clean.map((count, i) => ({ date: first === null ? null : addDays(first, i), count }));
  let peak = days[0] as TrendDay;
  let min = peak.count;
  for (const day of days) {
    if (day.count > peak.count) peak = day;
    if (day.count < min) min = day.count;
  }
  return { days, min, max: peak.count, peak };
}
