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
    expect(caught).toEqual({ scheduledFor: '2026-11-08T00:00:00.000Z', skipped: MAX_SKIPPED_COUNT, next: '2026-11-08T00:01:00.000Z' });
  });

  it('keeps the stored next run when it is not an occurrence of the cron (settings changed by hand)', () => {
    const odd = { ...weekly, nextRunAt: '2026-11-25T10:17:00.000Z' };
    expect(dueOccurrence(odd, new Date('2026-11-25T10:20:00.000Z'))?.scheduledFor).toBe('2026-11-25T10:17:00.000Z');
  });
});
