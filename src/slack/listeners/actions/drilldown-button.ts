/**
 * A click on a digest's drill-down button (block_actions, `drilldown:<view>`): becomes one `drilldown` job; the
 * worker posts the reply in the digest's thread. The job's idempotency key (message, action, user) is stable across
 * Slack's retries and SQS redeliveries, so one click yields one reply.
 */
import type { SlackActionMiddlewareArgs } from '@slack/bolt';
import { checkAccess } from '../../../config/access.ts';
import { viewOfActionId } from '../../../digest/drilldown-views.ts';
import { STALE_BUTTON } from '../../messages.ts';
import { requesterOf } from '../../requester.ts';
import type { ListenerContext } from '../context.ts';
import { enqueue } from '../enqueue.ts';

/** The action ids of every drill-down button. */
export const DRILLDOWN_ACTION = /^drilldown:/;

export type DrilldownButtonArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body' | 'action' | 'respond'>;

export async function drilldownButton(ctx: ListenerContext, { ack, body, action, respond }: DrilldownButtonArgs): Promise<void> {
  await ack();
  if (body.type !== 'block_actions' || action.type !== 'button') return;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const requester = requesterOf(body.team?.id ?? body.user.team_id, channelId, body.user.id);
  const view = 'action_id' in action ? viewOfActionId(action.action_id) : undefined;
  const isEphemeral = body.container?.is_ephemeral === true;
  const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
  const tell = async (text: string): Promise<void> => {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
  if (!requester || !view || !threadTs) {
    await tell(STALE_BUTTON);
    return;
  }
  // Workspace and DM rules at once; which project the button is about, and whether this channel may see it,
  // the worker decides from the button's value (untrusted input, checked against its schema there).
  const access = checkAccess(ctx.config, requester);
  if (!access.ok) {
    await tell(access.message);
    return;
  }
  await enqueue(
    ctx,
    {
      kind: 'drilldown',
      idempotencyKey: `action:${body.container?.message_ts ?? threadTs}:${body.actions[0]?.action_ts ?? ''}:${requester.userId}`,
      requester,
      buttonValue: (action.value ?? '').slice(0, 2000),
      view,
      threadTs,
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      ...(isEphemeral ? { ephemeral: true } : {}),
    },
    tell,
  );
}
