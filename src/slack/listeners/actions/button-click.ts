/**
 * What every click on a button of one of the bot's messages goes through before it becomes a job: the ack, who
 * clicked where, the message's thread, the access rules, and an idempotency key (message, action, user) that is
 * stable across Slack's retries and SQS redeliveries, so that one click yields one reply.
 */
import type { SlackActionMiddlewareArgs } from '@slack/bolt';
import { checkAccess } from '../../../config/access.ts';
import type { Requester } from '../../../jobs/schema.ts';
import { STALE_BUTTON } from '../../messages.ts';
import { requesterOf } from '../../requester.ts';
import type { ListenerContext } from '../context.ts';

export type ButtonClickArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body' | 'action' | 'respond'>;

/** A click on a message's button, acked and allowed. Its value is untrusted: the worker checks it against its schema. */
export interface AcceptedClick {
  requester: Requester;
  actionId: string;
  /** The button's value as Slack sent it (cut to Slack's 2,000 characters). */
  value: string;
  /** The thread to answer in: the message's own thread, or the message. */
  threadTs: string;
  idempotencyKey: string;
  /** Where an answer for the clicker alone goes, and whether the clicked message was ephemeral (its answers are too). */
  replyTo: { responseUrl?: string; ephemeral?: boolean };
  /** An ephemeral answer to the clicker (through `respond`). */
  tell(text: string): Promise<void>;
}

/**
 * Acks, then the click if it may go on. Undefined when it may not, and the clicker was told why (a button from an
 * older message, another workspace, a DM of someone who isn't an admin); nothing at all for what is not a button.
 * Which project a button is about, and whether this channel may see it, the worker decides from its value.
 */
export async function acceptButtonClick(
  ctx: ListenerContext,
  { ack, body, action, respond }: ButtonClickArgs,
): Promise<AcceptedClick | undefined> {
  await ack();
  if (body.type !== 'block_actions' || action.type !== 'button') return undefined;
  const tell = async (text: string): Promise<void> => {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const requester = requesterOf(body.team?.id ?? body.user.team_id, body.channel?.id ?? body.container?.channel_id, body.user.id);
  const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
  if (!requester || !threadTs) {
    await tell(STALE_BUTTON);
    return undefined;
  }
  // Workspace and DM rules at once.
  const access = checkAccess(ctx.config, requester);
  if (!access.ok) {
    await tell(access.message);
    return undefined;
  }
  return {
    requester,
    actionId: 'action_id' in action ? action.action_id : '',
    value: (action.value ?? '').slice(0, 2000),
    threadTs,
    idempotencyKey: `action:${body.container?.message_ts ?? threadTs}:${body.actions[0]?.action_ts ?? ''}:${requester.userId}`,
    replyTo: {
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      ...(body.container?.is_ephemeral === true ? { ephemeral: true } : {}),
    },
    tell,
  };
}
