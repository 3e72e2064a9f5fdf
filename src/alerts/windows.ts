/**
 * Check windows in an alert's time zone (pure: the clock comes in). An hourly alert checks whole local hours, a
 * daily one whole local days (23 or 25 hours across DST); each window is compared with the same local hours of the
 * same weekday in the weeks before. A check runs a little after its window ends (`settleMs`), so ChatDash has the
 * whole window, and each project gets its own offset in the first quarter hour, so checks don't all start at :00.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { TimeRange } from '../periods/period.ts';
import type { Frequency, QuietHours } from './model.ts';

const MINUTE = 60_000;
/** Every check waits at least this long after its window ends. */
export const BASE_SETTLE_MS = 5 * MINUTE;
/** Plus a per-project offset below this, spreading checks over minutes 5–14 of the hour. */
export const SETTLE_SPREAD_MS = 10 * MINUTE;
/** How many past weeks the baseline looks at. */
export const BASELINE_WEEKS = 4;

/** How long after a window's end the project's checks run: 5 min plus 0–9 whole minutes depending on the project. */
export function settleMs(project: string): number {
  return BASE_SETTLE_MS + (createHash('sha256').update(project).digest().readUInt32BE(0) % (SETTLE_SPREAD_MS / MINUTE)) * MINUTE;
}

function local(ms: number, timeZone: string): DateTime {
  return DateTime.fromMillis(ms, { zone: timeZone });
}

function range(start: DateTime, end: DateTime): TimeRange {
  return { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! };
}

/** The window (local hour or local day) containing the instant. */
export function windowContaining(frequency: Frequency, timeZone: string, atMs: number): TimeRange {
  const unit = frequency === 'hourly' ? 'hour' : 'day';
  const start = local(atMs, timeZone).startOf(unit);
  return range(start, frequency === 'hourly' ? start.plus({ hours: 1 }) : start.plus({ days: 1 }));
}

/** The latest window that ended at least `settle` before `now`: what a check at `now` looks at. */
export function latestCompleteWindow(frequency: Frequency, timeZone: string, now: Date, settle: number): TimeRange {
  const current = windowContaining(frequency, timeZone, now.getTime() - settle);
  return windowContaining(frequency, timeZone, Date.parse(current.start) - 1);
}

/** When the check of the window after `window` is due. */
export function nextCheckAfter(frequency: Frequency, timeZone: string, window: TimeRange, settle: number): Date {
  const next = windowContaining(frequency, timeZone, Date.parse(window.end));
  return new Date(Date.parse(next.end) + settle);
}

/**
 * The same local hours (or day) of the same weekday, 1…`weeks` weeks before: the baseline windows, most recent
 * first. Local wall-clock time is kept across DST changes (14:00–15:00 stays 14:00–15:00).
 */
export function baselineWindows(frequency: Frequency, timeZone: string, window: TimeRange, weeks = BASELINE_WEEKS): TimeRange[] {
  const start = DateTime.fromISO(window.start, { zone: timeZone });
  const out: TimeRange[] = [];
  for (let k = 1; k <= weeks; k += 1) {
    out.push(windowContaining(frequency, timeZone, start.minus({ weeks: k }).toMillis()));
  }
  return out;
}

/** Minutes since local midnight of an `HH:MM`. */
function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` falls in the quiet hours (local to `timeZone`; a range like 22:00–07:00 wraps midnight). */
export function inQuietHours(quiet: QuietHours | undefined, timeZone: string, now: Date): boolean {
  if (!quiet) return false;
  const t = local(now.getTime(), timeZone);
  const minute = t.hour * 60 + t.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether posts are held back now: quiet hours, or muted until later. */
export function isSilenced(
  options: { quietHours?: QuietHours | undefined; mutedUntil?: string | undefined; timeZone: string },
  now: Date,
): boolean {
  if (options.mutedUntil !== undefined && Date.parse(options.mutedUntil) > now.getTime()) return true;
  return inQuietHours(options.quietHours, options.timeZone, now);
}
