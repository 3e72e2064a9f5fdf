import { describe, expect, it } from 'vitest';
import { looksLikePeriod, parsePeriod } from '../../src/periods/index.ts';

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
