/**
 * How much of a `/chatdash` text is read: a number of words, each cut to a length, the rest only counted, so no
 * text (up to the HTTP function's 1 MiB body limit, or whatever Socket Mode delivers) costs more than a scan.
 * Pure and light, for the ack path.
 */
import { truncate } from '../../../../digest/mrkdwn.ts';
import { noun } from '../../../../digest/plural.ts';
import { quotedWords } from '../../../messages.ts';

export const COMMAND_LIMITS = {
  /** Words of command text read; the longest real command has six (`stats acme 2026-11-01 .. 2026-11-15`). */
  words: 16,
  /** Longest word kept; a longer one is cut (with "…"), so it never reads as a project or a range. */
  wordChars: 64,
} as const;

export interface CommandWords {
  /** At most `COMMAND_LIMITS.words` words, each at most `COMMAND_LIMITS.wordChars` long. */
  words: string[];
  /** Words after those, not read. */
  unread: number;
}

/** The words a parser may read, and how many were left unread. Linear in the text, however long. */
export function readCommandWords(text: string): CommandWords {
  const words: string[] = [];
  let unread = 0;
  const word = /\S+/g;
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    if (words.length < COMMAND_LIMITS.words) words.push(truncate(match[0], COMMAND_LIMITS.wordChars));
    else unread++;
  }
  return { words, unread };
}

/**
 * Words not understood, for "I didn't understand …": the first few quoted, then "… and N more" counting the rest and
 * the `unread` ones; with only unread words, "N words past the first 16" (safe mrkdwn).
 */
export function notUnderstood(words: readonly string[], unread: number): string {
  if (words.length === 0) return `${unread.toLocaleString('en-US')} ${noun(unread, 'word')} past the first ${COMMAND_LIMITS.words}`;
  return quotedWords(words, unread);
}
