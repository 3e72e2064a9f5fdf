/**
 * `/chatdash …`: acks within Slack's 3 seconds with the subcommand's answer (see `chatdash/registry.ts`), or an
 * apology if the code fails, never Slack's bare "dispatch_failed".
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../log.ts';
import { type EphemeralMessage, notice } from '../../messages.ts';
import type { ListenerContext } from '../context.ts';
import { dispatchChatdash } from './chatdash/dispatch.ts';

/** Matches `/chatdash` and renamed installs such as `/chatdash-staging`. */
export const CHATDASH_COMMAND = /^\/chatdash/;

export type ChatdashCommandArgs = Pick<SlackCommandMiddlewareArgs, 'command' | 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

export async function chatdashCommand(ctx: ListenerContext, { command, ack, client }: ChatdashCommandArgs): Promise<void> {
  const started = Date.now();
  let answer: EphemeralMessage | undefined;
  try {
    answer = await dispatchChatdash(ctx, command, client);
  } catch (error) {
    // A bug must still end in an answer: without an ack Slack shows the person a bare "dispatch_failed".
    ctx.log('error', 'slack.command_failed', errorFields(error));
    answer = notice(':warning: Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your admin.');
  }
  await ack(answer);
  ctx.log('info', 'slack.command', { team: command.team_id, channel: command.channel_id, ms: Date.now() - started });
}
