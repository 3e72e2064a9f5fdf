/**
 * The words after `/chatdash stats` → which project and which range the person asked for. Pure: no config
 * lookups beyond the project keys the caller passes in, no clock.
 */
import { isRangeWord } from './range-words.ts';

export interface StatsArgs {
  /** Absent when the words named no project. */
  projectWord?: string;
  /** The range words, in the order typed ('' for the default range). */
  rangeText: string;
  /** Words that are neither a project nor part of a range. */
  unknownWords: string[];
}

export function parseStatsArgs(words: readonly string[], projectKeys: readonly string[]): StatsArgs {
  const keys = new Set(projectKeys.map((k) => k.toLowerCase()));
  let projectWord: string | undefined;
  const rangeWords: string[] = [];
  const unknownWords: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (projectWord === undefined && keys.has(lower)) projectWord = lower;
    else if (isRangeWord(lower)) rangeWords.push(word);
    else unknownWords.push(word);
  }
  // A single unknown word where a project would go is most likely a mistyped project name.
  if (projectWord === undefined && unknownWords.length === 1) {
    return { projectWord: unknownWords[0]!.toLowerCase(), rangeText: rangeWords.join(' '), unknownWords: [] };
  }
  return { ...(projectWord ? { projectWord } : {}), rangeText: rangeWords.join(' '), unknownWords };
}
