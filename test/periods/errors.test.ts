import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DAYS, parsePeriod } from '../../src/periods/index.ts';

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
