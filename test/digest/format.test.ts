import { describe, expect, it } from 'vitest';
import { createFormatter, NOT_AVAILABLE, resolveLocale } from '../../src/digest/format.ts';

describe('createFormatter', () => {
  const en = createFormatter({ locale: 'en-US' });
  const de = createFormatter({ locale: 'de-DE' });

  it('formats integers, decimals and percentages per locale', () => {
    expect(en.integer(1234567)).toBe('1,234,567');
    expect(de.integer(1234567)).toBe('1.234.567');
    expect(en.decimal(3.456, 2)).toBe('3.46');
    expect(de.decimal(3.456, 2)).toBe('3,46');
    expect(en.percent(0.853)).toBe('85.3%');
    expect(de.percent(0.853)).toBe('85,3\u00a0%');
    expect(en.percentValue(-12.5)).toBe('12.5%');
    expect(en.points(-6.24)).toBe('-6.2 pts');
    expect(en.points(3)).toBe('+3 pts');
    expect(en.compact(1_250_000)).toBe('1.3M');
  });

  it('formats money with the currency display option', () => {
    expect(en.money(1234.5, 'EUR')).toBe('€1,234.50');
    expect(de.money(1234.5, 'EUR')).toBe('1.234,50\u00a0€');
    expect(createFormatter({ locale: 'en-US', currencyDisplay: 'code' }).money(12, 'USD')).toMatch(/^USD\s12\.00$/);
    expect(createFormatter({ locale: 'en-US', currencyDisplay: 'name' }).money(12, 'USD')).toBe('12.00 US dollars');
    expect(createFormatter({ locale: 'en-CA' }).money(3, 'USD')).toBe('US$3.00');
    expect(createFormatter({ locale: 'en-CA', currencyDisplay: 'narrowSymbol' }).money(3, 'USD')).toBe('$3.00');
    expect(en.money(0.0123, 'USD')).toBe('$0.0123');
    expect(en.money(5, null)).toBe('5');
    expect(en.signedMoney(8.25, 'EUR')).toBe('+€8.25');
    expect(en.signedMoney(-8.25, 'EUR')).toBe('-€8.25');
  });

  it('formats durations from minutes', () => {
    expect(en.duration(725)).toBe('12 h 5 min');
    expect(en.duration(60)).toBe('1 h');
    expect(en.duration(45)).toBe('45 min');
    expect(en.duration(0.5)).toBe('30 s');
    expect(de.duration(60 * 1500)).toBe('1.500 h');
  });

  it('formats dates and ranges (end exclusive) in the time zone', () => {
    expect(en.day('2026-11-11')).toBe('Wed, Nov 11');
    const range = { start: '2026-11-08T23:00:00.000Z', end: '2026-11-15T23:00:00.000Z' };
    const spaces = (s: string): string => s.replace(/\s/g, ' '); // ICU uses thin spaces around the dash
    expect(spaces(en.dateRange(range, 'Europe/Paris'))).toBe('Nov 9 – 15, 2026');
    expect(spaces(de.dateRange(range, 'Europe/Paris'))).toBe('9.–15. Nov. 2026');
    expect(en.dateRange(range, 'Not/AZone')).toMatch(/Nov 8/); // falls back to UTC
  });

  it('answers n/a for null and non-finite values, never throws', () => {
    for (const f of [en.integer, en.compact, en.percent, en.points, en.duration, en.percentValue]) {
      expect(f(null)).toBe(NOT_AVAILABLE);
      expect(f(NaN)).toBe(NOT_AVAILABLE);
      expect(f(Infinity)).toBe(NOT_AVAILABLE);
    }
    expect(en.money(null, 'EUR')).toBe(NOT_AVAILABLE);
    expect(en.day(null)).toBe(NOT_AVAILABLE);
    expect(en.dateRange({ start: 'nope', end: 'nope' }, 'UTC')).toBe(NOT_AVAILABLE);
  });

  it('keeps huge numbers short', () => {
    expect(en.integer(Number.MAX_VALUE).length).toBeLessThan(20);
    expect(en.money(1e300, 'USD').length).toBeLessThan(30);
    expect(en.duration(1e300).length).toBeLessThan(30);
  });

  it('falls back to en-US for an invalid locale', () => {
    expect(resolveLocale('not a locale!!')).toBe('en-US');
    expect(createFormatter({ locale: '$$' }).integer(1000)).toBe('1,000');
  });
});
