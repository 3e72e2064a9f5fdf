/** Short Slack texts shared by the listeners (ack path) and the worker: one place for each wording. */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';

export const RANGE_HELP =
  'Ranges: `today`, `yesterday`, `7d`, `30d`, `this week`, `last week`, `this month`, `last month`, ' +
  '`2026-11-01..2026-11-15`, `since 2026-10-01`. The default is the last 7 days, in your Slack time zone.';

export const THREAD_HELP =
  'In a digest\u2019s thread, click a button or mention me with `topics`, `misunderstood`, `intents`, `costs`, `countries` or `ended reasons`.';

export const STALE_BUTTON = 'Sorry, that button is from an older version of this message. Ask again with `/chatdash stats`.';

/** The queue would not take a job: the person may simply try again. */
export const COULD_NOT_START = ':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.';

export interface EphemeralMessage {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

/** A one-line ephemeral answer. `text` must already be safe mrkdwn. */
export function notice(text: string): EphemeralMessage {
  return { response_type: 'ephemeral', text };
}

/** Quote a word the user typed, safely, for use inside our own mrkdwn. */
export function quoteUserWord(word: string): string {
  return `\u201c${escapeMrkdwn(word.slice(0, 60))}\u201d`;
}
