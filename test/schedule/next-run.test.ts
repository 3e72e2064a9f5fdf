/** Next runs of runtime subscriptions, and which occurrence a due one delivers (missed ones: the latest, once). */
import { describe, expect, it } from 'vitest';
import { dueOccurrence, MAX_SKIPPED_COUNT, nextRunAfter } from '../../src/schedule/next-run.ts';

describe('nextRunAfter', () => {
  it('is the first occurrence strictly after, in the time zone, across DST', () => {
    // Monday 09:00 in Paris: UTC+1 in winter, UTC+2 in summer.
    expect(nextRunAfter('0 9 * * MON', 'Europe/Paris', new Date('2026-11-19T10:00:00Z'))).toBe('2026-11-23T08:00:00.000Z');
    expect(nextRunAfter('0 9 * * MON', 'Europe/Paris', new Date('2026-11-23T08:00:00Z'))).toBe('2026-11-30T08:00:00.000Z');
    expect(nextRunAfter('0 9 * * MON', 'Europe/Paris', new Date('2026-03-24T00:00:00Z'))).toBe('2026-03-30T07:00:00.000Z');
    // 02:30 does not exist in New York on 8 March 2026: it runs at 03:00 local (07:00 UTC).
    expect(nextRunAfter('30 2 * * *', 'America/New_York', new Date('2026-03-08T05:00:00Z'))).toBe('2026-03-08T07:00:00.000Z');
    // 30 February never comes.
    expect(nextRunAfter('0 9 30 2 *', 'UTC', new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('dueOccurrence', () => {
  const weekly = { schedule: '0 9 * * MON', timeZone: 'Europe/Paris' };

  it('is undefined before the next run, and that run at or after it', () => {
    const sub = { ...weekly, nextRunAt: '2026-11-23T08:00:00.000Z' };
    expect(dueOccurrence(sub, new Date('2026-11-23T07:59:59.999Z'))).toBeUndefined();
    expect(dueOccurrence(sub, new Date('2026-11-23T08:00:00.000Z'))).toEqual({
      scheduledFor: '2026-11-23T08:00:00.000Z',
      skipped: 0,
      next: '2026-11-30T08:00:00.000Z',
    });
    // A late tick: the same occurrence, the same next run.
    expect(dueOccurrence(sub, new Date('2026-11-23T08:03:41.000Z'))).toEqual({
      scheduledFor: '2026-11-23T08:00:00.000Z',
      skipped: 0,
      next: '2026-11-30T08:00:00.000Z',
    });
  });

  it('after an outage delivers the latest missed occurrence once and counts the older ones', () => {
    const sub = { ...weekly, nextRunAt: '2026-11-02T08:00:00.000Z' };
    // Down from 1 to 24 November: 2, 9 and 16 November are skipped, 23 November is delivered.
    expect(dueOccurrence(sub, new Date('2026-11-24T12:00:00.000Z'))).toEqual({
      scheduledFor: '2026-11-23T08:00:00.000Z',
      skipped: 3,
      next: '2026-11-30T08:00:00.000Z',
    });
    // An every-minute cron down for a week: the count is capped.
    const everyMinute = { schedule: '* * * * *', timeZone: 'UTC', nextRunAt: '2026-11-01T00:00:00.000Z' };
    const caught = dueOccurrence(everyMinute, new Date('2026-11-08T00:00:30.000Z'));
    // Stored before the cron minimum: it runs again an hour later at the earliest (see below).
    expect(caught).toEqual({
      scheduledFor: '2026-11-08T00:00:00.000Z',
      skipped: MAX_SKIPPED_COUNT,
      next: '2026-11-08T01:00:00.000Z',
      spaced: { cronNext: '2026-11-08T00:01:00.000Z', count: 59 },
    });
  });

  it('runs a stored cron that fires more than hourly (written before the cron minimum) at most hourly', () => {
    // Every 15 minutes from 09:00 to 09:45 on weekdays: 09:00, then 10:00 (not 09:15), then the next weekday.
    const quarterly = { schedule: '*/15 9,10 * * 1-5', timeZone: 'Europe/Paris', nextRunAt: '2026-11-23T08:00:00.000Z' };
    const first = dueOccurrence(quarterly, new Date('2026-11-23T08:00:10.000Z'));
    // It says what it holds back: 09:15, 09:30 and 09:45 Paris.
    expect(first).toEqual({
      scheduledFor: '2026-11-23T08:00:00.000Z',
      skipped: 0,
      next: '2026-11-23T09:00:00.000Z',
      spaced: { cronNext: '2026-11-23T08:15:00.000Z', count: 3 },
    });
    const second = dueOccurrence({ ...quarterly, nextRunAt: first!.next! }, new Date('2026-11-23T09:00:05.000Z'));
    expect(second).toEqual({
      scheduledFor: '2026-11-23T09:00:00.000Z',
      skipped: 0,
      next: '2026-11-24T08:00:00.000Z',
      spaced: { cronNext: '2026-11-23T09:15:00.000Z', count: 3 },
    });
    // Every 20 minutes: the first occurrence an hour or more later is exactly an hour later.
    const thrice = { schedule: '0,20,40 * * * *', timeZone: 'UTC', nextRunAt: '2026-11-23T08:40:00.000Z' };
    expect(dueOccurrence(thrice, new Date('2026-11-23T08:40:00.000Z'))).toMatchObject({
      next: '2026-11-23T09:40:00.000Z',
      spaced: { cronNext: '2026-11-23T09:00:00.000Z', count: 2 },
    });
    // An hourly cron is unchanged: the next hour.
    const hourly = { schedule: '5 * * * *', timeZone: 'UTC', nextRunAt: '2026-11-23T08:05:00.000Z' };
    expect(dueOccurrence(hourly, new Date('2026-11-23T08:05:00.000Z'))).toEqual({
      scheduledFor: '2026-11-23T08:05:00.000Z',
      skipped: 0,
      next: '2026-11-23T09:05:00.000Z',
    });
  });

  it('keeps the stored next run when it is not an occurrence of the cron (settings changed by hand)', () => {
    const odd = { ...weekly, nextRunAt: '2026-11-25T10:17:00.000Z' };
    expect(dueOccurrence(odd, new Date('2026-11-25T10:20:00.000Z'))?.scheduledFor).toBe('2026-11-25T10:17:00.000Z');
  });
});
