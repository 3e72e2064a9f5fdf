import type { KnownBlock } from '@slack/types';
import { context, section } from '../../digest/blocks.ts';
import { SLACK_LIMITS } from '../../digest/limits.ts';
import { truncateEscaped } from '../../digest/mrkdwn.ts';
import { ephemeralText } from '../replies.ts';

export { quoteUserWord } from '../replies.ts';

export const USAGE_LINES = [
  '`/chatdash stats [project] [range]`: conversations, users, costs and what changed, e.g. `/chatdash stats acme 30d`',
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
  // Built only with the limit-enforcing builders: a long lead is cut, never rejected by Slack.
  const blocks: KnownBlock[] = [];
  if (lead) blocks.push(section(lead));
  blocks.push(section(usage), context([`${RANGE_HELP}\n${THREAD_HELP}`]));
  const tryHelp = ' Try /chatdash help.';
  return {
    response_type: 'ephemeral',
    text: lead
      ? `${truncateEscaped(stripMrkdwn(lead), SLACK_LIMITS.fallbackText - tryHelp.length)}${tryHelp}`
      : 'ChatDash for Slack: /chatdash stats [project] [range], /chatdash projects, /chatdash help',
    blocks,
  };
}

/** A one-line ephemeral answer. `text` must already be safe mrkdwn; it is cut to Slack's limit. */
export function notice(text: string): EphemeralMessage {
  return { response_type: 'ephemeral', text: ephemeralText(text) };
}

function stripMrkdwn(text: string): string {
  return text.replace(/[*_`]/g, '');
}
