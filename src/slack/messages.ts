/**
 * Short Slack texts shared by the listeners (ack path) and the worker, one place for each wording, and what keeps
 * every such answer within Slack's limits: words a person typed quoted (escaped, cut, a few then "… and N more"),
 * lists capped, every ephemeral text cut without breaking an escape or a character. Pure and light, for the ack path.
 */
import type { KnownBlock } from '@slack/types';
import { textMessage } from '../digest/blocks.ts';
import { escapeAndTruncate } from '../digest/mrkdwn.ts';

export const RANGE_HELP =
  'Ranges: `today`, `yesterday`, `7d`, `30d`, `this week`, `last week`, `this month`, `last month`, ' +
  '`2026-11-01..2026-11-15`, `since 2026-10-01`. The default is the last 7 days, in your Slack time zone.';

export const THREAD_HELP =
  'In a digest\u2019s thread, click a button or mention me with `topics`, `misunderstood`, `intents`, `costs`, `countries` or `ended reasons`.';

export const STALE_BUTTON = 'Sorry, that button is from an older version of this message. Ask again with `/chatdash stats`.';

/** The queue would not take a job: the person may simply try again. */
export const COULD_NOT_START = ':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.';

/**
 * A digest's button or @mention in a channel its project is not bound to (the digest was forwarded or copied
 * there, or the binding changed). The person named no project, so "no project by that name" would be wrong; this
 * names none either.
 */
export const DIGEST_PROJECT_NOT_HERE =
  'Sorry, that digest\u2019s project isn\u2019t available in this channel, so I can\u2019t show its details here. Try in the channel the digest was posted to.';

/** The same for an agency overview's "Full stats" or "List them" button: a project it names isn't bound here. */
export const OVERVIEW_PROJECT_NOT_HERE =
  'Sorry, not every project of that overview is available in this channel, so I can\u2019t show the details here. Try in the channel the overview was posted to.';

export const REPLY_LIMITS = {
  /** Words a person typed, quoted back in one answer. */
  echoedWords: 5,
  /** Characters of one quoted word (after escaping). */
  echoedWordChars: 60,
  /** Items listed inline (project keys) before "… and N more". */
  listedItems: 10,
} as const;

export interface EphemeralMessage {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

/** A one-line ephemeral answer. `text` must already be safe mrkdwn; it is cut to Slack's limit. */
export function notice(text: string): EphemeralMessage {
  return { response_type: 'ephemeral', ...textMessage(text) };
}

/** "… and 1,234 more" (safe mrkdwn). */
export function moreText(n: number): string {
  return `\u2026 and ${n.toLocaleString('en-US')} more`;
}

/** A word the person typed, quoted, escaped and cut (on a character boundary), for use inside our own mrkdwn. */
export function quoteUserWord(word: string): string {
  return `\u201c${escapeAndTruncate(word, REPLY_LIMITS.echoedWordChars)}\u201d`;
}

/** Words the person typed, quoted: the first few, then "… and N more" counting the rest and `more` others (safe mrkdwn). */
export function quotedWords(words: readonly string[], more = 0): string {
  const shown = words.slice(0, REPLY_LIMITS.echoedWords).map(quoteUserWord).join(', ');
  const left = words.length - Math.min(words.length, REPLY_LIMITS.echoedWords) + more;
  return left > 0 ? `${shown} ${moreText(left)}` : shown;
}

/** Safe mrkdwn items joined with ", ", the first few, then "… and N more". */
export function inlineList(items: readonly string[], max: number = REPLY_LIMITS.listedItems): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} ${moreText(items.length - max)}` : shown;
}
