import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/periods/index.ts';
import { parsePeriod } from '../../src/periods/index.ts';

function period(text: string, now: string, timeZone: string): Period {
  const result = parsePeriod(text, { now: new Date(now), timeZone });
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error}`);
  return result.period;
}

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
