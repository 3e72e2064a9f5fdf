/**
 * Bounds on what a person types and on what we say back: command text is read up to a number of words, each cut
 * to a length; words quoted back are cut, escaped and listed with "… and N more"; every ephemeral text is cut to
 * Slack's limit. Pure and light (no schema library), for the ack path.
 */
import { SLACK_LIMITS } from '../digest/limits.ts';
import { escapeAndTruncate, truncate, truncateEscaped } from '../digest/mrkdwn.ts';

export const COMMAND_LIMITS = {
  /** Words of command text read; the longest real command has six (`stats acme 2026-11-01 .. 2026-11-15`). */
  words: 16,
  /** Longest word kept; a longer one is cut (with "…"), so it never reads as a project or a range. */
  wordChars: 64,
  /** Words quoted back in one answer. */
  echoedWords: 5,
  /** Characters of one quoted word (after escaping). */
  echoedWordChars: 60,
  /** Items listed inline (project keys) before "… and N more". */
  listedItems: 10,
} as const;

export interface BoundedCommandText {
  /** At most `COMMAND_LIMITS.words` words, each at most `wordChars`, joined by single spaces. */
  text: string;
  /** Words after those, not read. */
  droppedWords: number;
}

/** The command text a parser may read, and how many words were left unread. Linear in the text, however long. */
export function boundCommandText(text: string): BoundedCommandText {
  const words: string[] = [];
  let droppedWords = 0;
  const word = /\S+/g;
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    if (words.length < COMMAND_LIMITS.words) words.push(truncate(match[0], COMMAND_LIMITS.wordChars));
    else droppedWords++;
  }
  return { text: words.join(' '), droppedWords };
}

/** "… and 1,234 more" (safe mrkdwn). */
export function moreText(n: number): string {
  return `\u2026 and ${n.toLocaleString('en-US')} more`;
}

/** A word the person typed, quoted, escaped and cut, for use inside our own mrkdwn. */
export function quoteUserWord(word: string): string {
  return `\u201c${escapeAndTruncate(word, COMMAND_LIMITS.echoedWordChars)}\u201d`;
}

/**
 * Words the person typed, quoted: the first few, then "… and N more" counting the rest and `unread` words that
 * were never read (safe mrkdwn). With no words at all: "N words past the first 16".
 */
export function quotedWords(words: readonly string[], unread = 0): string {
  if (words.length === 0)
    return `${unread.toLocaleString('en-US')} ${unread === 1 ? 'word' : 'words'} past the first ${COMMAND_LIMITS.words}`;
  const shown = words.slice(0, COMMAND_LIMITS.echoedWords).map(quoteUserWord).join(', ');
  const more = words.length - Math.min(words.length, COMMAND_LIMITS.echoedWords) + unread;
  return more > 0 ? `${shown} ${moreText(more)}` : shown;
}

/** Safe mrkdwn items joined with ", ", the first few, then "… and N more". */
export function inlineList(items: readonly string[], max: number = COMMAND_LIMITS.listedItems): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} ${moreText(items.length - max)}` : shown;
}

/** Any ephemeral text (already safe mrkdwn), cut to Slack's limit without breaking an escape or a character. */
export function ephemeralText(safeMrkdwn: string): string {
  return truncateEscaped(safeMrkdwn, SLACK_LIMITS.fallbackText);
}
