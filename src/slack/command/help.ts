import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../digest/mrkdwn.ts';

export const USAGE_LINES = [
  '`/chatdash stats [project] [range]`: conversations, users, costs and what changed, e.g. `/chatdash stats acme 30d`',
  '`/chatdash overview [range]`: every project of this channel on one screen, what needs attention first (also `/chatdash stats all`)',
  '`/chatdash projects`: the projects you can look at from this channel',
  '`/chatdash help`: this message',
];

export const RANGE_HELP =
  'Ranges: `today`, `yesterday`, `7d`, `30d`, `this week`, `last week`, `this month`, `last month`, ' +
  '`2026-11-01..2026-11-15`, `since 2026-10-01`. The default is the last 7 days, in your Slack time zone.';

export const THREAD_HELP =
  'In a digest\u2019s thread, click a button or mention me with `topics`, `misunderstood`, `costs`, `countries` or `ended reasons`.';

export const STALE_BUTTON = 'Sorry, that button is from an older version of this message. Ask again with `/chatdash stats`.';

export interface EphemeralMessage {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

/** The usage text, optionally led by what went wrong (already safe mrkdwn) and a suggestion. */
export function helpMessage(lead?: string): EphemeralMessage {
  const usage = `*ChatDash for Slack*\n${USAGE_LINES.map((l) => `\u2022 ${l}`).join('\n')}`;
  const blocks: KnownBlock[] = [];
  if (lead) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lead } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: usage } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${RANGE_HELP}\n${THREAD_HELP}` }] });
  return {
    response_type: 'ephemeral',
    text: lead
      ? `${stripMrkdwn(lead)} Try /chatdash help.`
      : 'ChatDash for Slack: /chatdash stats [project] [range], /chatdash overview [range], /chatdash projects, /chatdash help',
    blocks,
  };
}

/** A one-line ephemeral answer. `text` must already be safe mrkdwn. */
export function notice(text: string): EphemeralMessage {
  return { response_type: 'ephemeral', text };
}

/** Quote a word the user typed, safely, for use inside our own mrkdwn. */
export function quoteUserWord(word: string): string {
  return `\u201c${escapeMrkdwn(word.slice(0, 60))}\u201d`;
}

function stripMrkdwn(text: string): string {
  return text.replace(/[*_`]/g, '');
}
