/** parsePeriod: every form, DST in several time zones, the rejections and their messages, and looksLikePeriod. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/periods/index.ts';
import { DEFAULT_MAX_DAYS, looksLikePeriod, parsePeriod } from '../../src/periods/index.ts';

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

const hours = (r: { start: string; end: string }) => (Date.parse(r.end) - Date.parse(r.start)) / 3_600_000;

describe('Europe/Paris DST (last Sunday of March and of October)', () => {
  const PARIS = 'Europe/Paris';

  it('Sunday 29 March 2026 is a 23-hour day', () => {
    const p = period('yesterday', '2026-03-30T10:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', days: 1 });
    expect(hours(p)).toBe(23);
    expect(p.previous).toEqual({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-28T23:00:00.000Z' });
    expect(hours(p.previous)).toBe(24);
  });

  it('Sunday 25 October 2026 is a 25-hour day', () => {
    const p = period('yesterday', '2026-10-26T10:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', days: 1 });
    expect(hours(p)).toBe(25);
  });

  it('today on the spring-forward day compares with yesterday at the same wall-clock time, not 24h earlier', () => {
    // 14:00 CEST on 29 March; the previous period ends at 14:00 CET on 28 March (13:00Z, 23 hours earlier).
    const p = period('today', '2026-03-29T12:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T12:00:00.000Z' });
    expect(p.previous).toEqual({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-28T13:00:00.000Z' });
  });

  it('last week across the March change is 7 days of 167 hours', () => {
    const p = period('last week', '2026-04-01T10:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-03-22T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', days: 7 });
    expect(hours(p)).toBe(167);
    expect(p.previous).toEqual({ start: '2026-03-15T23:00:00.000Z', end: '2026-03-22T23:00:00.000Z' });
  });

  it('7d across the October change is 7 days of 169 hours', () => {
    const p = period('7d', '2026-10-28T09:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-10-20T22:00:00.000Z', end: '2026-10-27T23:00:00.000Z', days: 7 });
    expect(hours(p)).toBe(169);
    expect(p.previous).toEqual({ start: '2026-10-13T22:00:00.000Z', end: '2026-10-20T22:00:00.000Z' });
  });

  it('this month in March ends in summer time; previous shifts both ends by 31 calendar days', () => {
    const p = period('this month', '2026-03-31T08:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T08:00:00.000Z', days: 31 });
    // 10:00 CEST on 31 March minus 31 days = 10:00 CET on 28 February.
    expect(p.previous).toEqual({ start: '2026-01-28T23:00:00.000Z', end: '2026-02-28T09:00:00.000Z' });
  });

  it('last month containing the October change starts and ends at local midnights with different offsets', () => {
    const p = period('last month', '2026-11-05T12:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-09-30T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z', days: 31 });
    expect(hours(p)).toBe(31 * 24 + 1);
  });

  it('a date range over the March change', () => {
    const p = period('2026-03-28..2026-03-30', '2026-04-10T12:00:00.000Z', PARIS);
    expect(p).toMatchObject({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-30T22:00:00.000Z', days: 3 });
    expect(hours(p)).toBe(71);
  });
});

describe('America/New_York DST (2nd Sunday of March, 1st Sunday of November)', () => {
  const NY = 'America/New_York';

  it('Sunday 8 March 2026 is a 23-hour day', () => {
    const p = period('yesterday', '2026-03-09T15:00:00.000Z', NY);
    expect(p).toMatchObject({ start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
    expect(hours(p)).toBe(23);
  });

  it('Sunday 1 November 2026 is a 25-hour day', () => {
    const p = period('yesterday', '2026-11-02T15:00:00.000Z', NY);
    expect(p).toMatchObject({ start: '2026-11-01T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z' });
    expect(hours(p)).toBe(25);
  });

  it('this week just after the March change; previous starts in winter time', () => {
    const p = period('this week', '2026-03-11T16:00:00.000Z', NY); // Wed 12:00 EDT
    expect(p).toMatchObject({ start: '2026-03-09T04:00:00.000Z', end: '2026-03-11T16:00:00.000Z', days: 3 });
    expect(p.previous).toEqual({ start: '2026-03-02T05:00:00.000Z', end: '2026-03-04T17:00:00.000Z' });
  });

  it('last week across the November change is 169 hours', () => {
    const p = period('last week', '2026-11-04T15:00:00.000Z', NY);
    expect(p).toMatchObject({ start: '2026-10-26T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z', days: 7 });
    expect(hours(p)).toBe(169);
    expect(p.previous).toEqual({ start: '2026-10-19T04:00:00.000Z', end: '2026-10-26T04:00:00.000Z' });
  });

  it('this month on 2 November: previous ends at the same wall-clock time in summer time', () => {
    const p = period('this month', '2026-11-02T15:00:00.000Z', NY); // 10:00 EST
    expect(p).toMatchObject({ start: '2026-11-01T04:00:00.000Z', days: 2 });
    expect(p.previous).toEqual({ start: '2026-10-01T04:00:00.000Z', end: '2026-10-02T14:00:00.000Z' });
  });
});

describe('America/Santiago: DST starts at midnight, so 6 September 2026 begins at 01:00', () => {
  const SANTIAGO = 'America/Santiago';

  it('the skipped midnight day starts at its first instant and the day before is 23 hours', () => {
    const p = period('2026-09-05..2026-09-06', '2026-09-10T12:00:00.000Z', SANTIAGO);
    expect(p).toMatchObject({ start: '2026-09-05T04:00:00.000Z', end: '2026-09-07T03:00:00.000Z', days: 2 });
    expect(hours(p)).toBe(47);
  });

  it('days counted back from the short day start at real midnights, not at 01:00', () => {
    const p = period('7d', '2026-09-06T15:00:00.000Z', SANTIAGO); // 12:00 on the short day
    expect(p).toMatchObject({ start: '2026-08-30T04:00:00.000Z', end: '2026-09-06T04:00:00.000Z', days: 7 });
    expect(p.previous).toEqual({ start: '2026-08-23T04:00:00.000Z', end: '2026-08-30T04:00:00.000Z' });
    const today = period('today', '2026-09-06T15:00:00.000Z', SANTIAGO);
    expect(today).toMatchObject({ start: '2026-09-06T04:00:00.000Z', days: 1 });
    expect(today.previous).toEqual({ start: '2026-09-05T04:00:00.000Z', end: '2026-09-05T16:00:00.000Z' });
  });
});

/** The first instant of its local day: midnight, or the end of a DST gap that swallowed midnight. */
function isDayStart(dt: DateTime): boolean {
  return dt.toMillis() === dt.startOf('day').toMillis() && dt.minus({ milliseconds: 1 }).day !== dt.day;
}

const dayNumber = (dt: DateTime) => Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;

describe('invariants over a whole year', () => {
  const forms = ['today', 'yesterday', '7d', '30d', 'this week', 'last week', 'this month', 'last month', 'since 2026-01-01'];
  // Santiago and Beirut skip midnight itself when DST starts (00:00 → 01:00); Lord Howe shifts by 30 minutes.
  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Beirut',
  ];

  it('boundaries are local midnights, previous is as long in calendar days and never overlaps', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const zone of zones) {
      // A 53-hour step through 2026 lands on every hour of the day and every weekday, DST days included.
      for (let t = Date.parse('2026-01-02T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 53 * 3_600_000) {
        const now = new Date(t).toISOString();
        for (const form of forms) {
          const p = period(form, now, zone);
          const start = DateTime.fromISO(p.start, { zone });
          const prevStart = DateTime.fromISO(p.previous.start, { zone });
          const where = `${form} at ${now} in ${zone}`;
          if (!isDayStart(start)) problems.push(`${where}: start ${start.toISO()}`);
          if (!isDayStart(prevStart)) problems.push(`${where}: previous start ${prevStart.toISO()}`);
          if (Date.parse(p.start) > Date.parse(p.end) || Date.parse(p.end) > t) problems.push(`${where}: bad range ${p.start}..${p.end}`);
          if (Date.parse(p.previous.end) > Date.parse(p.start)) problems.push(`${where}: previous overlaps`);
          // Previous covers as many calendar days as the period.
          const prevLast = DateTime.fromISO(p.previous.end, { zone }).minus({ milliseconds: 1 });
          if (Math.max(1, dayNumber(prevLast) - dayNumber(prevStart) + 1) !== p.days)
            problems.push(`${where}: previous is not ${p.days} days long`);
          // "This week" compares with the same weekdays of last week; "this month" with the same days of last month when they fit.
          const expectedGap =
            form === 'this week' ? 7 : form === 'this month' ? Math.max(p.days, start.minus({ months: 1 }).daysInMonth ?? 0) : p.days;
          if (dayNumber(start) - dayNumber(prevStart) !== expectedGap)
            problems.push(`${where}: previous is not ${expectedGap} days earlier`);
          checked++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(zones.length * 160 * forms.length);
  });
});

// Wednesday 18 November 2026, 14:30 in Paris.
const now = new Date('2026-11-18T13:30:00.000Z');
const options = { now, timeZone: 'Europe/Paris' };

function error(text: string, opts: Parameters<typeof parsePeriod>[1] = options): string {
  const result = parsePeriod(text, opts);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${JSON.stringify(result.period)}`);
  return result.error;
}

describe('parsePeriod rejections', () => {
  it('unknown text lists the accepted forms', () => {
    expect(error('fortnight')).toBe(
      'I don\'t understand the period "fortnight". Try one of: today, yesterday, 7d (or 30d, last 14 days), this week, ' +
        'last week, this month, last month, 2026-10-01..2026-10-31 (both dates included), since 2026-10-19.',
    );
    for (const text of ['next week', 'last year', 'd7', 'lastweek', 'since', 'this', '7 weeks']) {
      expect(error(text), text).toMatch(/^I don't understand the period ".*"\. Try one of: today, yesterday, 7d/);
    }
  });

  it('quotes at most 40 characters of unknown text and drops control characters', () => {
    const message = error(`${'x'.repeat(100)}\n`);
    expect(message).toContain(`"${'x'.repeat(40)}…"`);
    expect(message).not.toContain('x'.repeat(41));
    expect(error('bad\u0007word')).toContain('"bad word"');
  });

  it('impossible dates say why', () => {
    expect(error('2026-02-30..2026-03-02')).toBe('2026-02-30 is not a date: February 2026 has 28 days.');
    expect(error('2026-02-01..2026-02-29')).toBe('2026-02-29 is not a date: February 2026 has 28 days.');
    expect(error('since 2026-04-31')).toBe('2026-04-31 is not a date: April 2026 has 30 days.');
    expect(error('2026-13-01..2026-13-05')).toBe('2026-13-01 is not a date: there is no month 13 (months are 01 to 12).');
    expect(error('2026-11-00..2026-11-05')).toBe('2026-11-00 is not a date: November 2026 has 30 days.');
  });

  it('dates not written YYYY-MM-DD are rejected with the expected format', () => {
    expect(error('2026-1-5..2026-1-9')).toBe('"2026-1-5" is not a date: write dates as YYYY-MM-DD, for example 2026-11-18.');
    expect(error('since 11/01/2026')).toBe('"11/01/2026" is not a date: write dates as YYYY-MM-DD, for example 2026-11-18.');
    expect(error('11/01/2026')).toBe(
      '"11/01/2026" is not a date I can read: write dates as YYYY-MM-DD, for example 2026-11-18..2026-11-18 or since 2026-11-18.',
    );
  });

  it('a single date is not a period, and the message shows both ways to write it', () => {
    expect(error('2026-11-01')).toBe(
      '2026-11-01 is a single date, not a period. For that day type 2026-11-01..2026-11-01; ' +
        'for everything from that day on type since 2026-11-01.',
    );
    expect(error('2026-02-30')).toBe('2026-02-30 is not a date: February 2026 has 28 days.');
  });

  it('a reversed range suggests the right order', () => {
    expect(error('2026-11-15..2026-11-01')).toBe(
      'The range 2026-11-15..2026-11-01 ends before it starts: did you mean 2026-11-01..2026-11-15?',
    );
  });

  it('a start in the future is rejected, for ranges and since', () => {
    const expected =
      '2026-11-19 is in the future (today is 2026-11-18 in Europe/Paris): pick a start date up to today, for example since 2026-11-11.';
    expect(error('2026-11-19..2026-11-20')).toBe(expected);
    expect(error('since 2026-11-19')).toBe(expected);
    expect(error('2026-11-19..')).toBe(expected);
  });

  it('0 days is empty', () => {
    expect(error('0d')).toBe('A period of 0 days is empty: use today for today so far, or 1d for yesterday.');
    expect(error('last 000 days')).toBe('A period of 0 days is empty: use today for today so far, or 1d for yesterday.');
  });

  it('longer than the cap (366 days by default) says how long and what to type', () => {
    expect(DEFAULT_MAX_DAYS).toBe(366);
    expect(error('400d')).toBe('400d is 400 days; the longest range is 366 days. Try 366d.');
    expect(error('last 367 days')).toBe('367d is 367 days; the longest range is 366 days. Try 366d.');
    expect(error('2025-01-01..2026-02-04')).toBe(
      '2025-01-01..2026-02-04 is 400 days; the longest range is 366 days. Try 2025-02-04..2026-02-04.',
    );
    expect(error('since 2025-01-01')).toBe('since 2025-01-01 is 687 days; the longest range is 366 days. Try since 2025-11-18.');
    expect(error('99999999999999999999d')).toBe('That is more than 9999999 days; the longest range is 366 days. Try 366d.');
  });

  it('the suggested replacements are accepted and exactly at the cap', () => {
    for (const text of ['366d', '2025-02-04..2026-02-04', 'since 2025-11-18']) {
      const result = parsePeriod(text, options);
      expect(result.ok && result.period.days, text).toBe(366);
    }
  });

  it('a clamped range is measured up to now', () => {
    // Requested 2025-11-18..2026-12-31 but clamped at now: 366 days so far, accepted.
    const ok = parsePeriod('2025-11-18..2026-12-31', options);
    expect(ok.ok && ok.period.days).toBe(366);
    expect(error('2025-11-17..2026-12-31')).toBe(
      '2025-11-17..2026-12-31 is 367 days; the longest range is 366 days. Try 2025-11-18..2026-12-31.',
    );
  });

  it('the cap is configurable', () => {
    const week = { ...options, maxDays: 7 };
    expect(parsePeriod('7d', week).ok).toBe(true);
    expect(parsePeriod('last week', week).ok).toBe(true);
    expect(error('8d', week)).toBe('8d is 8 days; the longest range is 7 days. Try 7d.');
    expect(error('this month', week)).toBe('This month is 18 days; the longest range is 7 days. Try 7d.');
    expect(error('last month', week)).toBe('Last month is 31 days; the longest range is 7 days. Try 7d.');
    expect(error('since 2026-11-01', week)).toBe('since 2026-11-01 is 18 days; the longest range is 7 days. Try since 2026-11-12.');
    const long = { ...options, maxDays: 1000 };
    const result = parsePeriod('400d', long);
    expect(result.ok && result.period.days).toBe(400);
  });

  it('an unknown time zone is named', () => {
    expect(error('7d', { now, timeZone: 'Europe/Pariss' })).toBe(
      'Unknown time zone "Europe/Pariss": use an IANA time zone name such as Europe/Paris, America/New_York or UTC.',
    );
    expect(error('7d', { now, timeZone: '' })).toMatch(/^Unknown time zone "": /);
    expect(error('7d', { now, timeZone: 'UTC+3' })).toMatch(/^Unknown time zone "UTC\+3": /);
  });

  it('caller bugs throw instead of returning a user-facing error', () => {
    expect(() => parsePeriod('7d', { ...options, maxDays: 0 })).toThrow(RangeError);
    expect(() => parsePeriod('7d', { ...options, maxDays: 1.5 })).toThrow(RangeError);
    expect(() => parsePeriod('7d', { now: new Date('nope'), timeZone: 'UTC' })).toThrow(RangeError);
  });
});

describe('looksLikePeriod', () => {
  it('is true for period keywords and words that start a period expression', () => {
    const words = [
      '7d',
      '30D',
      '7days',
      'today',
      'Yesterday',
      'this',
      'last',
      'past',
      'since',
      'LAST',
      'last-week',
      'this_month',
      'last-7-days',
      '2026-11-01..2026-11-15',
      '2026-11-01..',
      '2026-11-01',
      'since-2026-10-03',
      '7',
      '366',
      ' today ',
    ];
    for (const word of words) expect(looksLikePeriod(word), word).toBe(true);
  });

  it('is false for project names and other words', () => {
    const words = [
      'acme',
      'support-bot',
      'weekly',
      'd7',
      'todays',
      'lastweek',
      'this-bot',
      'last-chance',
      '',
      ' ',
      'last week',
      '2026',
      '1000',
      'v2',
    ];
    for (const word of words) expect(looksLikePeriod(word), JSON.stringify(word)).toBe(false);
  });

  it('every single word it accepts as a complete period parses', () => {
    const now = new Date('2026-11-18T13:30:00.000Z');
    for (const word of [
      '7d',
      'today',
      'yesterday',
      'last-week',
      'this_month',
      'last-7-days',
      '2026-11-01..2026-11-15',
      'since-2026-10-03',
    ]) {
      expect(looksLikePeriod(word), word).toBe(true);
      expect(parsePeriod(word, { now, timeZone: 'UTC' }).ok, word).toBe(true);
    }
  });
});
