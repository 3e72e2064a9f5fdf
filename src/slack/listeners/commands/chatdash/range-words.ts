/** Which typed words are (part of) a range, for the subcommands that take one (`stats`, `overview`). Pure. */
import { looksLikePeriod } from '../../../../periods/words.ts';

/** Words that continue a period expression started by `last`, `this`, `since`… */
const PERIOD_CONTINUATIONS = new Set(['day', 'days', 'week', 'month', 'weeks', 'months']);

/** A word that is (part of) a period expression: `30d`, `last`, `week`, `14`, `2026-10-01`… (any case). */
export function isRangeWord(word: string): boolean {
  const lower = word.toLowerCase();
  return looksLikePeriod(lower) || PERIOD_CONTINUATIONS.has(lower) || /^\d+$/.test(lower) || /^\d{4}-\d{2}-\d{2}$/.test(lower);
}

/** The range words (joined as typed, in order; '' for the default range) and the words that are not part of one. */
export function splitRangeWords(words: readonly string[]): { rangeText: string; otherWords: string[] } {
  return { rangeText: words.filter(isRangeWord).join(' '), otherWords: words.filter((w) => !isRangeWord(w)) };
}
