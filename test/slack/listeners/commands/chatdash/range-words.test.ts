/** Which words are part of a range, for `stats` and `overview`: kept as typed, in order; the others set apart. */
import { describe, expect, it } from 'vitest';
import { isRangeWord, splitRangeWords } from '../../../../../src/slack/listeners/commands/chatdash/range-words.ts';

const split = (text: string) => splitRangeWords(text.split(/\s+/).filter(Boolean));

describe('splitRangeWords', () => {
  it.each([
    ['', ''],
    ['30d', '30d'],
    ['last week', 'last week'],
    ['Last 30 Days', 'Last 30 Days'],
    ['2026-11-01..2026-11-15', '2026-11-01..2026-11-15'],
    ['since 2026-10-01', 'since 2026-10-01'],
  ])('%j → range %j, nothing else', (text, rangeText) => {
    expect(split(text)).toEqual({ rangeText, otherWords: [] });
  });

  it('sets apart the words that are not a range, wherever they stand', () => {
    expect(split('acme 7d')).toEqual({ rangeText: '7d', otherWords: ['acme'] });
    expect(split('last <!here> week')).toEqual({ rangeText: 'last week', otherWords: ['<!here>'] });
  });
});

describe('isRangeWord', () => {
  it('knows period words in any case, numbers and dates', () => {
    for (const word of ['today', 'YESTERDAY', '7d', 'this', 'month', '14', '2026-10-01']) expect(isRangeWord(word), word).toBe(true);
    for (const word of ['acme', 'all', 'overview', '']) expect(isRangeWord(word), word).toBe(false);
  });
});
