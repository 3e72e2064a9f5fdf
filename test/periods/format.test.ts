import { describe, expect, it } from 'vitest';
import { formatPeriodDates, parsePeriod } from '../../src/periods/index.ts';

const paris = (start: string, end: string) => ({ start, end, timeZone: 'Europe/Paris' });

describe('formatPeriodDates', () => {
  it('within a month', () => {
    // Mon 16 Nov 00:00 to Mon 23 Nov 00:00 Paris: the last included day is Sunday the 22nd.
    const week = paris('2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z');
    expect(formatPeriodDates(week, 'en-US')).toBe('Nov 16 – 22, 2026');
    expect(formatPeriodDates(week, 'de-DE')).toBe('16.–22. Nov. 2026');
  });

  it('across a month end', () => {
    const range = paris('2026-10-27T23:00:00.000Z', '2026-11-03T23:00:00.000Z');
    expect(formatPeriodDates(range, 'en-US')).toBe('Oct 28 – Nov 3, 2026');
    expect(formatPeriodDates(range, 'de-DE')).toBe('28. Okt. – 3. Nov. 2026');
  });

  it('across a year end', () => {
    const range = paris('2025-12-28T23:00:00.000Z', '2026-01-04T23:00:00.000Z');
    expect(formatPeriodDates(range, 'en-US')).toBe('Dec 29, 2025 – Jan 4, 2026');
    expect(formatPeriodDates(range, 'de-DE')).toBe('29. Dez. 2025 – 4. Jan. 2026');
  });

  it('an end at now shows today; an end at midnight shows the day before', () => {
    expect(formatPeriodDates(paris('2026-10-31T23:00:00.000Z', '2026-11-18T13:30:00.000Z'), 'en-US')).toBe('Nov 1 – 18, 2026');
    expect(formatPeriodDates(paris('2026-10-31T23:00:00.000Z', '2026-11-17T23:00:00.000Z'), 'en-US')).toBe('Nov 1 – 17, 2026');
  });

  it('a single day or an empty range shows one date', () => {
    expect(formatPeriodDates(paris('2026-11-16T23:00:00.000Z', '2026-11-17T23:00:00.000Z'), 'en-US')).toBe('Nov 17, 2026');
    expect(formatPeriodDates(paris('2026-11-16T23:00:00.000Z', '2026-11-16T23:00:00.000Z'), 'de-DE')).toBe('17. Nov. 2026');
  });

  it('uses the calendar of the period time zone, not UTC', () => {
    // Kiritimati is UTC+14: these instants are 19–21 Nov locally but 18–20 Nov in UTC.
    const range = { start: '2026-11-18T10:00:00.000Z', end: '2026-11-21T10:00:00.000Z', timeZone: 'Pacific/Kiritimati' };
    expect(formatPeriodDates(range, 'en-US')).toBe('Nov 19 – 21, 2026');
    expect(formatPeriodDates({ ...range, timeZone: 'UTC' }, 'en-US')).toBe('Nov 18 – 21, 2026');
  });

  it('formats what parsePeriod returns, including DST months', () => {
    const result = parsePeriod('last month', { now: new Date('2026-11-05T12:00:00.000Z'), timeZone: 'Europe/Paris' });
    if (!result.ok) throw new Error(result.error);
    expect(formatPeriodDates(result.period, 'en-US')).toBe('Oct 1 – 31, 2026');
    expect(formatPeriodDates({ ...result.period.previous, timeZone: result.period.timeZone }, 'de-DE')).toBe('31. Aug. – 30. Sept. 2026');
  });

  it('throws on an instant that is not ISO 8601', () => {
    expect(() => formatPeriodDates(paris('yesterday', '2026-11-17T23:00:00.000Z'), 'en-US')).toThrow(RangeError);
  });
});
