import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/periods/index.ts';
import { parsePeriod } from '../../src/periods/index.ts';

/** Parse and insist on success, so each test reads as expectations on the period. */
function period(text: string, now: string, timeZone = 'Europe/Paris', maxDays?: number): Period {
  const result = parsePeriod(text, { now: new Date(now), timeZone, ...(maxDays === undefined ? {} : { maxDays }) });
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error}`);
  return result.period;
}

// Wednesday 18 November 2026, 14:30 in Paris (CET, UTC+1).
const NOW = '2026-11-18T13:30:00.000Z';

describe('parsePeriod: each form (Europe/Paris, Wed 2026-11-18 14:30)', () => {
  it('today runs from local midnight until now and compares with yesterday up to the same time', () => {
    expect(period('today', NOW)).toEqual({
      start: '2026-11-17T23:00:00.000Z',
      end: NOW,
      previous: { start: '2026-11-16T23:00:00.000Z', end: '2026-11-17T13:30:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 1,
      label: 'Today',
    });
  });

  it('yesterday is the whole previous local day', () => {
    expect(period('yesterday', NOW)).toEqual({
      start: '2026-11-16T23:00:00.000Z',
      end: '2026-11-17T23:00:00.000Z',
      previous: { start: '2026-11-15T23:00:00.000Z', end: '2026-11-16T23:00:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 1,
      label: 'Yesterday',
    });
  });

  it('7d, "7 days", "last 7 days" and "last-7-days" are the 7 full days before today', () => {
    const expected = {
      start: '2026-11-10T23:00:00.000Z',
      end: '2026-11-17T23:00:00.000Z',
      previous: { start: '2026-11-03T23:00:00.000Z', end: '2026-11-10T23:00:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 7,
      label: 'Last 7 days',
    };
    for (const text of ['7d', '7 days', 'last 7 days', 'last-7-days', '  Last   7   Days ', '7D', 'past 7 days']) {
      expect(period(text, NOW), text).toEqual(expected);
    }
  });

  it('30d crosses the end of October DST and still starts at a local midnight', () => {
    const p = period('30d', NOW);
    expect(p.start).toBe('2026-10-18T22:00:00.000Z'); // 19 Oct 00:00 CEST
    expect(p.end).toBe('2026-11-17T23:00:00.000Z');
    expect(p.days).toBe(30);
    expect(p.label).toBe('Last 30 days');
    expect(p.previous).toEqual({ start: '2026-09-18T22:00:00.000Z', end: '2026-10-18T22:00:00.000Z' });
  });

  it('1d is yesterday', () => {
    const p = period('1d', NOW);
    expect(p).toEqual({ ...period('yesterday', NOW), label: 'Yesterday' });
  });

  it('empty text means 7d', () => {
    expect(period('', NOW)).toEqual(period('7d', NOW));
    expect(period('   ', NOW)).toEqual(period('7d', NOW));
  });

  it('this week starts on Monday and runs until now; previous is the same number of days earlier', () => {
    expect(period('this week', NOW)).toEqual({
      start: '2026-11-15T23:00:00.000Z', // Mon 16 Nov 00:00
      end: NOW,
      previous: { start: '2026-11-08T23:00:00.000Z', end: '2026-11-11T13:30:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 3,
      label: 'This week',
    });
  });

  it('this week on a Sunday evening still starts on the Monday before', () => {
    const p = period('this week', '2026-11-22T20:00:00.000Z');
    expect(p.start).toBe('2026-11-15T23:00:00.000Z');
    expect(p.days).toBe(7);
  });

  it('last week is Monday to Monday, with config-file spelling', () => {
    const expected = {
      start: '2026-11-08T23:00:00.000Z',
      end: '2026-11-15T23:00:00.000Z',
      previous: { start: '2026-11-01T23:00:00.000Z', end: '2026-11-08T23:00:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 7,
      label: 'Last week',
    };
    for (const text of ['last week', 'last-week', 'LAST_WEEK', 'Last  Week']) expect(period(text, NOW), text).toEqual(expected);
  });

  it('this month runs from the 1st until now', () => {
    expect(period('this-month', NOW)).toEqual({
      start: '2026-10-31T23:00:00.000Z',
      end: NOW,
      previous: { start: '2026-09-30T22:00:00.000Z', end: '2026-10-18T12:30:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 18,
      label: 'This month',
    });
  });

  it('last month is the whole previous calendar month; previous has equal length in days', () => {
    expect(period('last month', NOW)).toEqual({
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
      previous: { start: '2026-08-30T22:00:00.000Z', end: '2026-09-30T22:00:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 31,
      label: 'Last month',
    });
  });

  it('a date range includes both dates', () => {
    expect(period('2026-11-01..2026-11-15', NOW)).toEqual({
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-15T23:00:00.000Z',
      previous: { start: '2026-10-16T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 15,
      label: 'Nov 1 – 15, 2026',
    });
    expect(period(' 2026-11-01 .. 2026-11-15 ', NOW).days).toBe(15);
  });

  it('a one-day range is that day', () => {
    const p = period('2026-11-17..2026-11-17', NOW);
    expect(p).toMatchObject({ start: '2026-11-16T23:00:00.000Z', end: '2026-11-17T23:00:00.000Z', days: 1, label: 'Nov 17, 2026' });
  });

  it('a range across months and years is labelled with both ends', () => {
    expect(period('2026-10-28..2026-11-03', NOW).label).toBe('Oct 28 – Nov 3, 2026');
    expect(period('2025-12-29..2026-01-04', NOW).label).toBe('Dec 29, 2025 – Jan 4, 2026');
  });

  it('a range ending today or later is clamped to now and labelled "so far"', () => {
    const p = period('2026-11-01..2026-11-30', NOW);
    expect(p).toEqual({
      start: '2026-10-31T23:00:00.000Z',
      end: NOW,
      previous: { start: '2026-10-13T22:00:00.000Z', end: '2026-10-31T13:30:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 18,
      label: 'Nov 1 – 30, 2026 (so far)',
    });
    const endingToday = period('2026-11-16..2026-11-18', NOW);
    expect(endingToday.end).toBe(NOW);
    expect(endingToday.label).toBe('Nov 16 – 18, 2026 (so far)');
    expect(endingToday.days).toBe(3);
  });

  it('since a date runs until now', () => {
    expect(period('since 2026-10-03', NOW)).toEqual({
      start: '2026-10-02T22:00:00.000Z',
      end: NOW,
      previous: { start: '2026-08-16T22:00:00.000Z', end: '2026-10-02T12:30:00.000Z' },
      timeZone: 'Europe/Paris',
      days: 47,
      label: 'Since Oct 3, 2026',
    });
    expect(period('SINCE-2026-10-03', NOW)).toEqual(period('since 2026-10-03', NOW));
    expect(period('2026-10-03..', NOW)).toEqual(period('since 2026-10-03', NOW));
  });

  it('since today is today so far', () => {
    const p = period('since 2026-11-18', NOW);
    expect(p).toMatchObject({ start: '2026-11-17T23:00:00.000Z', end: NOW, days: 1 });
  });

  it('keeps the sub-second precision of now', () => {
    expect(period('today', '2026-11-18T13:30:15.123Z').end).toBe('2026-11-18T13:30:15.123Z');
  });
});

describe('parsePeriod: month and year ends', () => {
  it('last month on Jan 1 is December of the previous year', () => {
    const p = period('last month', '2027-01-01T10:00:00.000Z');
    expect(p).toMatchObject({ start: '2026-11-30T23:00:00.000Z', end: '2026-12-31T23:00:00.000Z', days: 31 });
    expect(p.previous).toEqual({ start: '2026-10-30T23:00:00.000Z', end: '2026-11-30T23:00:00.000Z' });
  });

  it('last month on March 1 is February (28 days, 29 in 2028)', () => {
    const p2026 = period('last month', '2026-03-01T00:30:00.000Z', 'UTC');
    expect(p2026).toMatchObject({ start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z', days: 28 });
    expect(p2026.previous).toEqual({ start: '2026-01-04T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' });
    const p2028 = period('last month', '2028-03-01T12:00:00.000Z', 'UTC');
    expect(p2028).toMatchObject({ start: '2028-02-01T00:00:00.000Z', end: '2028-03-01T00:00:00.000Z', days: 29 });
  });

  it('March 1 at 00:30 in Paris is still February in UTC but March locally', () => {
    const p = period('last month', '2026-02-28T23:30:00.000Z');
    expect(p).toMatchObject({ start: '2026-01-31T23:00:00.000Z', end: '2026-02-28T23:00:00.000Z', days: 28 });
  });

  it('last month on Mar 31 is February, not a clamped "Feb 31"', () => {
    const p = period('last month', '2026-03-31T12:00:00.000Z', 'UTC');
    expect(p).toMatchObject({ start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z', days: 28 });
  });

  it('Jan 31 to February: this month, ranges and yesterday', () => {
    expect(period('this month', '2026-01-31T12:00:00.000Z', 'UTC')).toMatchObject({ start: '2026-01-01T00:00:00.000Z', days: 31 });
    const feb1 = period('yesterday', '2026-02-01T12:00:00.000Z', 'UTC');
    expect(feb1).toMatchObject({ start: '2026-01-31T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' });
    const across = period('2026-01-31..2026-02-01', '2026-03-01T12:00:00.000Z', 'UTC');
    expect(across).toMatchObject({
      start: '2026-01-31T00:00:00.000Z',
      end: '2026-02-02T00:00:00.000Z',
      days: 2,
      label: 'Jan 31 – Feb 1, 2026',
    });
    expect(across.previous).toEqual({ start: '2026-01-29T00:00:00.000Z', end: '2026-01-31T00:00:00.000Z' });
  });

  it('leap day 2028-02-29 is a date; yesterday on 2028-03-01 is Feb 29', () => {
    expect(period('2028-02-28..2028-03-01', '2028-03-10T12:00:00.000Z', 'UTC')).toMatchObject({
      start: '2028-02-28T00:00:00.000Z',
      end: '2028-03-02T00:00:00.000Z',
      days: 3,
    });
    expect(period('yesterday', '2028-03-01T12:00:00.000Z', 'UTC')).toMatchObject({
      start: '2028-02-29T00:00:00.000Z',
      end: '2028-03-01T00:00:00.000Z',
    });
    expect(period('since 2028-02-29', '2028-03-01T12:00:00.000Z', 'UTC').days).toBe(2);
  });

  it('7d and this week across the year end', () => {
    const sevenDays = period('7d', '2027-01-03T12:00:00.000Z', 'UTC');
    expect(sevenDays).toMatchObject({ start: '2026-12-27T00:00:00.000Z', end: '2027-01-03T00:00:00.000Z', days: 7 });
    // Friday 1 January 2027: the week began on Monday 28 December 2026.
    const week = period('this week', '2027-01-01T12:00:00.000Z', 'UTC');
    expect(week).toMatchObject({ start: '2026-12-28T00:00:00.000Z', end: '2027-01-01T12:00:00.000Z', days: 5 });
    expect(week.previous).toEqual({ start: '2026-12-21T00:00:00.000Z', end: '2026-12-25T12:00:00.000Z' });
  });
});

describe('parsePeriod: zones far from UTC', () => {
  // 12:00 UTC on 18 Nov is already 02:00 on 19 Nov in Kiritimati (UTC+14).
  const KIRITIMATI_NOW = '2026-11-18T12:00:00.000Z';

  it('Pacific/Kiritimati: today and yesterday follow the local date, a day ahead of UTC', () => {
    const today = period('today', KIRITIMATI_NOW, 'Pacific/Kiritimati');
    expect(today).toMatchObject({ start: '2026-11-18T10:00:00.000Z', end: KIRITIMATI_NOW, days: 1 });
    expect(today.previous).toEqual({ start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T12:00:00.000Z' });
    expect(period('yesterday', KIRITIMATI_NOW, 'Pacific/Kiritimati')).toMatchObject({
      start: '2026-11-17T10:00:00.000Z',
      end: '2026-11-18T10:00:00.000Z',
    });
  });

  it('Pacific/Kiritimati: a start on the local date is not in the future even though UTC is a day behind', () => {
    const p = period('since 2026-11-19', KIRITIMATI_NOW, 'Pacific/Kiritimati');
    expect(p).toMatchObject({ start: '2026-11-18T10:00:00.000Z', end: KIRITIMATI_NOW, label: 'Since Nov 19, 2026' });
    expect(parsePeriod('since 2026-11-20', { now: new Date(KIRITIMATI_NOW), timeZone: 'Pacific/Kiritimati' }).ok).toBe(false);
  });

  it('Pacific/Pago_Pago (UTC-11): a UTC date that is tomorrow locally is in the future', () => {
    const now = '2026-11-18T05:00:00.000Z'; // 17 Nov 18:00 local
    expect(period('today', now, 'Pacific/Pago_Pago')).toMatchObject({ start: '2026-11-17T11:00:00.000Z', end: now });
    const result = parsePeriod('2026-11-18..2026-11-18', { now: new Date(now), timeZone: 'Pacific/Pago_Pago' });
    expect(result).toEqual({
      ok: false,
      error:
        '2026-11-18 is in the future (today is 2026-11-17 in Pacific/Pago_Pago): pick a start date up to today, for example since 2026-11-10.',
    });
  });

  it('Pacific/Pago_Pago: on 1 December UTC it is still November locally', () => {
    const p = period('this month', '2026-12-01T05:00:00.000Z', 'Pacific/Pago_Pago');
    expect(p).toMatchObject({ start: '2026-11-01T11:00:00.000Z', days: 30 });
    expect(period('last month', '2026-12-01T05:00:00.000Z', 'Pacific/Pago_Pago')).toMatchObject({
      start: '2026-10-01T11:00:00.000Z',
      end: '2026-11-01T11:00:00.000Z',
      days: 31,
    });
  });
});
