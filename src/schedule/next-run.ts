/**
 * Next runs of a runtime subscription's cron (croner, 5 fields, in its time zone, DST as `due.ts` describes), and
 * which occurrence a due subscription delivers. Pure: the clock comes in as arguments.
 *
 * Missed occurrences (the tick was down, or a run was due while a deploy was under way): a due subscription
 * delivers its **latest** occurrence at or before now, once, covering the period that occurrence would have
 * covered; older missed ones are skipped (and counted, for the log). A weekly digest three hours late is still
 * wanted; seven stale daily digests in a row are not. The next run is then the first occurrence after now, and at
 * least `MIN_RUN_GAP_MS` after the one delivered: digests run at most hourly. The subscribe modal and the
 * configuration refuse crons that fire more often (`firesMoreThanHourly`), but a subscription stored before that rule
 * keeps its cron (reads never fail on it): the tick runs it hourly at most, on its cron's first occurrence an hour or
 * more after the last run, rather than pause it (it goes on posting, as its owner asked, just not more often). Each such
 * run says which of its cron's occurrences it holds back (`spaced`), for the tick's log.
 */
import { Cron } from 'croner';

/** Counting skipped occurrences stops here (an every-minute cron after a long outage). */
export const MAX_SKIPPED_COUNT = 1000;

/** Two runs of a subscription are at least this far apart, whatever its cron (the cron minimum: hourly). */
export const MIN_RUN_GAP_MS = 60 * 60 * 1000;

function cron(schedule: string, timeZone: string): Cron {
  return new Cron(schedule, { mode: '5-part', timezone: timeZone });
}

/** The first occurrence strictly after `after`, as an ISO instant; undefined for a cron that never runs again. */
export function nextRunAfter(schedule: string, timeZone: string, after: Date): string | undefined {
  return cron(schedule, timeZone).nextRun(after)?.toISOString();
}

export interface DueOccurrence {
  /** The occurrence to deliver: the latest one at or before now. */
  scheduledFor: string;
  /** Occurrences between the stored next run and `scheduledFor` that are skipped (at most MAX_SKIPPED_COUNT). */
  skipped: number;
  /** The next run: after now and at least `MIN_RUN_GAP_MS` after `scheduledFor` (undefined: the cron never runs again). */
  next: string | undefined;
  /**
   * Present only when the cron fires more than hourly: its occurrences after now that don't run because they come
   * less than `MIN_RUN_GAP_MS` after `scheduledFor` (`cronNext`, the first of them; `count` of them, before `next`).
   */
  spaced?: { cronNext: string; count: number };
}

/**
 * What a subscription whose next run (`nextRunAt`) is at or before `now` delivers; undefined when it is not due.
 */
export function dueOccurrence(
  subscription: { schedule: string; timeZone: string; nextRunAt: string },
  now: Date,
): DueOccurrence | undefined {
  const nextRunAt = new Date(subscription.nextRunAt);
  if (Number.isNaN(nextRunAt.getTime()) || nextRunAt.getTime() > now.getTime()) return undefined;
  const c = cron(subscription.schedule, subscription.timeZone);
  // croner's previousRuns is strictly before its reference: 1 ms later includes an occurrence exactly at `now`.
  const latest = c.previousRuns(1, new Date(now.getTime() + 1))[0];
  const scheduledFor = latest && latest.getTime() >= nextRunAt.getTime() ? latest : nextRunAt;
  let skipped = 0;
  let cursor = new Date(nextRunAt.getTime() - 1);
  while (skipped < MAX_SKIPPED_COUNT) {
    const occurrence = c.nextRun(cursor);
    if (!occurrence || occurrence.getTime() >= scheduledFor.getTime()) break;
    skipped++;
    cursor = occurrence;
  }
  // croner's nextRun is strictly after its argument: 1 ms less lets an occurrence exactly an hour later run.
  const earliest = new Date(Math.max(now.getTime(), scheduledFor.getTime() + MIN_RUN_GAP_MS - 1));
  const next = c.nextRun(earliest);
  const spaced = spacedOut(c, now, next);
  return { scheduledFor: scheduledFor.toISOString(), skipped, next: next?.toISOString(), ...(spaced ? { spaced } : {}) };
}

/** The cron's occurrences after `now` and before `next` (none unless the minimum gap held `next` back). */
function spacedOut(c: Cron, now: Date, next: Date | null): DueOccurrence['spaced'] {
  let count = 0;
  let first: Date | undefined;
  let cursor = now;
  while (count < MAX_SKIPPED_COUNT) {
    const occurrence = c.nextRun(cursor);
    if (!occurrence || (next && occurrence.getTime() >= next.getTime())) break;
    first ??= occurrence;
    count++;
    cursor = occurrence;
  }
  return first ? { cronNext: first.toISOString(), count } : undefined;
}
