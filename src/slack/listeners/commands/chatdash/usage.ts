/** The `/chatdash` help text, built from the registry's usage lines with the limit-enforcing builders. */
import type { KnownBlock } from '@slack/types';
import { context, section, textMessage } from '../../../../digest/blocks.ts';
import { SLACK_LIMITS } from '../../../../digest/limits.ts';
import { truncateEscaped } from '../../../../digest/mrkdwn.ts';
import { type EphemeralMessage, RANGE_HELP, THREAD_HELP } from '../../../messages.ts';
import type { Subcommand } from './subcommand.ts';

/** The usage text, optionally led by what went wrong (already safe mrkdwn) and a suggestion. */
export function helpMessage(registry: readonly Subcommand[], lead?: string): EphemeralMessage {
  const usage = `*ChatDash for Slack*\n${registry.map((s) => `\u2022 ${s.usage}`).join('\n')}`;
  // A long lead (it may quote what was typed) is cut by the builders, never rejected by Slack.
  const blocks: KnownBlock[] = [];
  if (lead) blocks.push(section(lead));
  blocks.push(section(usage));
  blocks.push(context([`${RANGE_HELP}\n${THREAD_HELP}`]));
  const tryHelp = ' Try /chatdash help.';
  return {
    response_type: 'ephemeral',
    text: lead
      ? `${truncateEscaped(stripMrkdwn(lead), SLACK_LIMITS.fallbackText - tryHelp.length)}${tryHelp}`
      : textMessage(`ChatDash for Slack: ${registry.map(synopsis).join(', ')}`).text,
    blocks,
  };
}

/** The syntax part of a usage line: its first code span (`/chatdash stats [project] [range]`). */
export function synopsis(subcommand: Subcommand): string {
  return /^`([^`]+)`/.exec(subcommand.usage)?.[1] ?? `/chatdash ${subcommand.name}`;
}

function stripMrkdwn(text: string): string {
  return text.replace(/[*_`]/g, '');
}
