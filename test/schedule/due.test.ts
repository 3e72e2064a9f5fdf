import { describe, expect, it } from 'vitest';
import type { SubscriptionConfig } from '../../src/config/schema.ts';
import { dueSubscriptions, nextRuns } from '../../src/schedule/due.ts';

function sub(name: string, schedule: string, timeZone?: string): SubscriptionConfig {
  return { name, project: 'acme', channel: 'C0ACME', schedule, period: 'last week', ...(timeZone ? { timeZone } : {}) };
}

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const MINUTE = 60_000;

/** Run a one-minute scheduler from `start` to `end` (each tick's window starts where the last one ended). */
function tickEveryMinute(subs: SubscriptionConfig[], start: string, end: string, defaultTz = 'UTC', jitterMs = 0) {
  const fired: Array<{ name: string; scheduledFor: string; tickUntil: string }> = [];
  let after = at(start);
  const stop = at(end).getTime();
  while (after.getTime() < stop) {
    const until = new Date(after.getTime() + MINUTE + jitterMs);
    for (const d of dueSubscriptions(subs, { after, until }, defaultTz)) {
      fired.push({ name: d.subscription.name, scheduledFor: iso(d.scheduledFor), tickUntil: iso(until) });
    }
    after = until;
  }
  return fired;
}

describe('dueSubscriptions: time zones', () => {
  // Monday 23 November 2026: Paris is UTC+1, New York UTC-5, Tokyo UTC+9 (no DST in Tokyo).
  const paris = sub('paris', '0 9 * * MON', 'Europe/Paris');
  const newYork = sub('new-york', '0 9 * * MON', 'America/New_York');
  const tokyo = sub('tokyo', '0 9 * * MON', 'Asia/Tokyo');

  it('fires 09:00 Monday in each subscription\u2019s own time zone', () => {
    const due = dueSubscriptions([paris, newYork, tokyo], { after: at('2026-11-22T12:00:00Z'), until: at('2026-11-24T00:00:00Z') }, 'UTC');
    expect(due.map((d) => [d.subscription.name, iso(d.scheduledFor)])).toEqual([
      ['tokyo', '2026-11-23T00:00:00.000Z'],
      ['paris', '2026-11-23T08:00:00.000Z'],
      ['new-york', '2026-11-23T14:00:00.000Z'],
    ]);
  });

  it('follows summer time: 09:00 Paris is 07:00 UTC in June', () => {
    const due = dueSubscriptions([paris], { after: at('2026-06-15T00:00:00Z'), until: at('2026-06-15T12:00:00Z') }, 'UTC');
    expect(due.map((d) => iso(d.scheduledFor))).toEqual(['2026-06-15T07:00:00.000Z']);
  });

  it('uses the default time zone when the subscription has none', () => {
    const noZone = sub('no-zone', '0 9 * * MON');
    const window = { after: at('2026-11-23T00:00:00Z'), until: at('2026-11-23T23:59:00Z') };
    expect(dueSubscriptions([noZone], window, 'America/New_York').map((d) => iso(d.scheduledFor))).toEqual(['2026-11-23T14:00:00.000Z']);
    expect(dueSubscriptions([noZone], window, 'Europe/Paris').map((d) => iso(d.scheduledFor))).toEqual(['2026-11-23T08:00:00.000Z']);
  });

  it('returns nothing on other days', () => {
    const due = dueSubscriptions([paris, newYork, tokyo], { after: at('2026-11-24T00:00:00Z'), until: at('2026-11-29T12:00:00Z') }, 'UTC');
    expect(due).toEqual([]);
  });
});

describe('dueSubscriptions: a one-minute scheduler tick', () => {
  const paris = sub('paris', '0 9 * * MON', 'Europe/Paris');
  const newYork = sub('new-york', '0 9 * * MON', 'America/New_York');

  it('fires each subscription exactly once, in the tick whose window ends at the occurrence', () => {
    const fired = tickEveryMinute([paris, newYork], '2026-11-23T07:00:00Z', '2026-11-23T15:00:00Z');
    expect(fired).toEqual([
      { name: 'paris', scheduledFor: '2026-11-23T08:00:00.000Z', tickUntil: '2026-11-23T08:00:00.000Z' },
      { name: 'new-york', scheduledFor: '2026-11-23T14:00:00.000Z', tickUntil: '2026-11-23T14:00:00.000Z' },
    ]);
  });

  it('still fires exactly once when ticks drift by a few hundred milliseconds', () => {
    const fired = tickEveryMinute([paris], '2026-11-23T07:30:00.000Z', '2026-11-23T08:30:00Z', 'UTC', 250);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.scheduledFor).toBe('2026-11-23T08:00:00.000Z');
    expect(at(fired[0]!.tickUntil).getTime()).toBeGreaterThan(at('2026-11-23T08:00:00Z').getTime());
  });
});

describe('dueSubscriptions: window boundaries', () => {
  const paris = sub('paris', '0 9 * * MON', 'Europe/Paris');
  const occurrence = at('2026-11-23T08:00:00Z');

  it('excludes an occurrence exactly at `after`', () => {
    expect(dueSubscriptions([paris], { after: occurrence, until: at('2026-11-23T08:01:00Z') }, 'UTC')).toEqual([]);
  });

  it('includes an occurrence exactly at `until`', () => {
    const due = dueSubscriptions([paris], { after: at('2026-11-23T07:59:00Z'), until: occurrence }, 'UTC');
    expect(due.map((d) => iso(d.scheduledFor))).toEqual([iso(occurrence)]);
  });

  it('excludes an occurrence a millisecond after `until` and includes one a millisecond after `after`', () => {
    expect(dueSubscriptions([paris], { after: at('2026-11-23T07:59:00Z'), until: new Date(occurrence.getTime() - 1) }, 'UTC')).toEqual([]);
    const due = dueSubscriptions([paris], { after: new Date(occurrence.getTime() - 1), until: at('2026-11-23T08:01:00Z') }, 'UTC');
    expect(due).toHaveLength(1);
  });

  it('returns nothing for an empty or reversed window', () => {
    expect(dueSubscriptions([paris], { after: occurrence, until: occurrence }, 'UTC')).toEqual([]);
    expect(dueSubscriptions([paris], { after: at('2026-11-24T00:00:00Z'), until: at('2026-11-22T00:00:00Z') }, 'UTC')).toEqual([]);
  });

  it('returns every occurrence of a window that spans several (e.g. after an outage)', () => {
    const daily = sub('daily', '15 7 * * *', 'Europe/Paris');
    const due = dueSubscriptions([paris, daily], { after: at('2026-11-22T12:00:00Z'), until: at('2026-11-30T08:00:00Z') }, 'UTC');
    expect(due.map((d) => [d.subscription.name, iso(d.scheduledFor)])).toEqual([
      ['daily', '2026-11-23T06:15:00.000Z'],
      ['paris', '2026-11-23T08:00:00.000Z'],
      ['daily', '2026-11-24T06:15:00.000Z'],
      ['daily', '2026-11-25T06:15:00.000Z'],
      ['daily', '2026-11-26T06:15:00.000Z'],
      ['daily', '2026-11-27T06:15:00.000Z'],
      ['daily', '2026-11-28T06:15:00.000Z'],
      ['daily', '2026-11-29T06:15:00.000Z'],
      ['daily', '2026-11-30T06:15:00.000Z'],
      ['paris', '2026-11-30T08:00:00.000Z'],
    ]);
  });
});

describe('dueSubscriptions: daylight saving time (croner\u2019s fixed-time rule)', () => {
  // Europe/Paris, Sunday 29 March 2026: clocks jump from 02:00 CET to 03:00 CEST, so 02:30 does not exist.
  it('spring forward: a 02:30 schedule runs once, at 03:00 local (the first valid time after the gap)', () => {
    const nightly = sub('nightly', '30 2 * * *', 'Europe/Paris');
    const fired = tickEveryMinute([nightly], '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'); // the whole local day
    expect(fired.map((f) => f.scheduledFor)).toEqual(['2026-03-29T01:00:00.000Z']); // 03:00 CEST
    // The days either side are ordinary.
    const around = dueSubscriptions([nightly], { after: at('2026-03-27T23:00:00Z'), until: at('2026-03-30T22:00:00Z') }, 'UTC');
    expect(around.map((d) => iso(d.scheduledFor))).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST, in place of the missing 02:30
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('spring forward in New York too (Sunday 8 March 2026)', () => {
    const nightly = sub('nightly', '30 2 * * *', 'America/New_York');
    const fired = tickEveryMinute([nightly], '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z');
    expect(fired.map((f) => f.scheduledFor)).toEqual(['2026-03-08T07:00:00.000Z']); // 03:00 EDT
  });

  // America/New_York, Sunday 1 November 2026: clocks go back from 02:00 EDT to 01:00 EST, so 01:30 happens twice.
  it('fall back: a 01:30 schedule runs exactly once, at the first (daylight-time) 01:30', () => {
    const nightly = sub('nightly', '30 1 * * *', 'America/New_York');
    const fired = tickEveryMinute([nightly], '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'); // the whole local day
    expect(fired.map((f) => f.scheduledFor)).toEqual(['2026-11-01T05:30:00.000Z']); // 01:30 EDT, not 06:30Z (01:30 EST)
    // Asking from between the two 01:30s does not produce the second one.
    const between = dueSubscriptions([nightly], { after: at('2026-11-01T05:45:00Z'), until: at('2026-11-01T07:00:00Z') }, 'UTC');
    expect(between).toEqual([]);
  });

  it('fall back in Paris (Sunday 25 October 2026): 02:30 runs once', () => {
    const nightly = sub('nightly', '30 2 * * *', 'Europe/Paris');
    const fired = tickEveryMinute([nightly], '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z');
    expect(fired.map((f) => f.scheduledFor)).toEqual(['2026-10-25T00:30:00.000Z']); // 02:30 CEST
  });

  it('interval schedules (wildcard hour) follow the clock instead: both 01:30s run, none in the gap', () => {
    const halfHourly = sub('half-hourly', '*/30 * * * *', 'America/New_York');
    const fallBack = dueSubscriptions([halfHourly], { after: at('2026-11-01T04:45:00Z'), until: at('2026-11-01T07:00:00Z') }, 'UTC');
    expect(fallBack.map((d) => iso(d.scheduledFor))).toEqual([
      '2026-11-01T05:00:00.000Z', // 01:00 EDT
      '2026-11-01T05:30:00.000Z', // 01:30 EDT
      '2026-11-01T06:00:00.000Z', // 01:00 EST
      '2026-11-01T06:30:00.000Z', // 01:30 EST
      '2026-11-01T07:00:00.000Z', // 02:00 EST
    ]);
  });
});

describe('nextRuns', () => {
  it('lists the next occurrences strictly after `from`', () => {
    const weekly = sub('weekly', '0 9 * * MON', 'Europe/Paris');
    expect(nextRuns(weekly, at('2026-11-23T08:00:00Z'), 3, 'UTC').map(iso)).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
      '2026-12-14T08:00:00.000Z',
    ]);
  });

  it('crosses DST: 09:00 Paris moves from 07:00 to 08:00 UTC in late October', () => {
    const weekly = sub('weekly', '0 9 * * MON', 'Europe/Paris');
    expect(nextRuns(weekly, at('2026-10-18T00:00:00Z'), 2, 'UTC').map(iso)).toEqual([
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('returns nothing for a count of 0', () => {
    expect(nextRuns(sub('w', '0 9 * * MON'), at('2026-11-23T08:00:00Z'), 0, 'UTC')).toEqual([]);
  });
});
