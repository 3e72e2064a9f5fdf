/**
 * Which scheduled digests are due: cron occurrences (croner, 5-field, in each subscription's time zone) inside a
 * scheduler tick's window. Pure: the clock comes in as the window.
 *
 * The window is half-open, (after, until]: a scheduler that ticks every minute and passes the previous tick's
 * `until` as the next `after` sees every occurrence exactly once, however late or irregular the ticks are.
 *
 * Daylight saving time follows croner's rules for fixed-time schedules (a single minute and hour, like `30 2 * * *`):
 * - spring forward: a local time that does not exist that day (02:30 when clocks jump from 02:00 to 03:00) runs
 *   once, at the first valid time after the gap (03:00 local);
 * - fall back: a local time that occurs twice (01:30 when clocks go from 02:00 back to 01:00) runs once, at the
 *   first occurrence (the daylight-time one).
 * Schedules with wildcards or steps in the minute/hour fields are interval schedules: croner skips times in the gap
 * and runs both occurrences of a repeated time.
 */
import { Cron } from 'croner';
import type { SubscriptionConfig } from '../config/schema.ts';

export interface DueWindow {
  /** Exclusive: an occurrence exactly at `after` belongs to the previous window. */
  after: Date;
  /** Inclusive. */
  until: Date;
}

export interface DueDigest {
  subscription: SubscriptionConfig;
  /** The cron occurrence, as a UTC instant (whole minutes). */
  scheduledFor: Date;
}

/** Safety cap on occurrences returned per subscription for one window (a cron every minute over a long outage). */
export const MAX_OCCURRENCES_PER_WINDOW = 10_000;

function cronFor(subscription: SubscriptionConfig, defaultTimeZone: string): Cron {
  return new Cron(subscription.schedule, { mode: '5-part', timezone: subscription.timeZone ?? defaultTimeZone });
}

/**
 * Every occurrence of every subscription's schedule in (after, until], sorted by time, then subscription name.
 * A window that spans several occurrences of one subscription returns each of them.
 */
export function dueSubscriptions(subscriptions: readonly SubscriptionConfig[], window: DueWindow, defaultTimeZone: string): DueDigest[] {
  const { after, until } = window;
  if (Number.isNaN(after.getTime()) || Number.isNaN(until.getTime())) throw new RangeError('window has an invalid date');
  const due: DueDigest[] = [];
  if (until.getTime() <= after.getTime()) return due;
  for (const subscription of subscriptions) {
    const cron = cronFor(subscription, defaultTimeZone);
    let previous = after;
    for (let n = 0; n < MAX_OCCURRENCES_PER_WINDOW; n++) {
      const next = cron.nextRun(previous);
      if (!next || next.getTime() > until.getTime()) break;
      // croner's nextRun is strictly after its argument; guard anyway so `after` itself is never included.
      if (next.getTime() > after.getTime()) due.push({ subscription, scheduledFor: next });
      previous = next;
    }
  }
  return due.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime() || a.subscription.name.localeCompare(b.subscription.name));
}

/** The next `count` occurrences strictly after `from`. */
export function nextRuns(subscription: SubscriptionConfig, from: Date, count: number, defaultTimeZone: string): Date[] {
  if (count <= 0) return [];
  return cronFor(subscription, defaultTimeZone).nextRuns(count, from);
}
