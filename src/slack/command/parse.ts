/**
 * `/chatdash` command text → what the person asked for. Pure: no config lookups beyond the project keys the
 * caller passes in, no clock.
 */
import { looksLikePeriod } from '../../periods/parse.ts';

export const SUBCOMMANDS = ['help', 'stats', 'projects', 'overview'] as const;

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'projects' }
  /** `projectWord` is absent when the text named none; `unknownWords` are words that are neither a project nor part of a range. */
  | { kind: 'stats'; projectWord?: string; rangeText: string; unknownWords: string[] }
  /** `/chatdash overview [range]` or `/chatdash stats all [range]`. */
  | { kind: 'overview'; rangeText: string; unknownWords: string[] }
  | { kind: 'unknown'; word: string };

/** Words that continue a period expression started by `last`, `this`, `since`… */
const PERIOD_CONTINUATIONS = new Set(['day', 'days', 'week', 'month', 'weeks', 'months']);

/** A word that is (part of) a period expression. */
function isRangeWord(lower: string): boolean {
  return looksLikePeriod(lower) || PERIOD_CONTINUATIONS.has(lower) || /^\d+$/.test(lower) || /^\d{4}-\d{2}-\d{2}$/.test(lower);
}

export function parseCommand(text: string, projectKeys: readonly string[]): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'help' };
  const sub = first.toLowerCase();
  if (sub === 'help' || sub === '?') return { kind: 'help' };
  if (sub === 'projects') return { kind: 'projects' };
  if (sub === 'overview' || (sub === 'stats' && rest[0]?.toLowerCase() === 'all'))
    return parseOverview(sub === 'overview' ? rest : rest.slice(1));
  if (sub !== 'stats') return { kind: 'unknown', word: first };

  const keys = new Set(projectKeys.map((k) => k.toLowerCase()));
  let projectWord: string | undefined;
  const rangeWords: string[] = [];
  const unknownWords: string[] = [];
  for (const word of rest) {
    const lower = word.toLowerCase();
    if (projectWord === undefined && keys.has(lower)) projectWord = lower;
    else if (isRangeWord(lower)) rangeWords.push(word);
    else unknownWords.push(word);
  }
  // A single unknown word where a project would go is most likely a mistyped project name.
  if (projectWord === undefined && unknownWords.length === 1) {
    return { kind: 'stats', projectWord: unknownWords[0]!.toLowerCase(), rangeText: rangeWords.join(' '), unknownWords: [] };
  }
  return { kind: 'stats', ...(projectWord ? { projectWord } : {}), rangeText: rangeWords.join(' '), unknownWords };
}

/** The words after `overview` (or `stats all`): a range, and anything else as unknown words. */
function parseOverview(words: readonly string[]): ParsedCommand {
  const rangeWords = words.filter((w) => isRangeWord(w.toLowerCase()));
  const unknownWords = words.filter((w) => !isRangeWord(w.toLowerCase()));
  return { kind: 'overview', rangeText: rangeWords.join(' '), unknownWords };
}
