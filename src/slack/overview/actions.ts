/**
 * Clicks on an overview's buttons ("Full stats", "List them"): one `overview` job per click, keyed by (message,
 * action, user) so Slack's retries and SQS redeliveries give one reply. Which projects the button is about, and
 * whether this channel may see them, the worker decides from the button's value (untrusted input).
 */
import { checkAccess } from '../../config/access.ts';
import { errorFields } from '../../log.ts';
import { OVERVIEW_ACTION } from '../../overview/action-ids.ts';
import type { BoltApp, HandlerContext } from '../app.ts';
import { STALE_BUTTON } from '../command/help.ts';
import { requesterOf } from '../requester.ts';

export function registerOverviewActions(app: BoltApp, ctx: HandlerContext): void {
  app.action(OVERVIEW_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const requester = requesterOf(body.team?.id ?? body.user.team_id, body.channel?.id ?? body.container?.channel_id, body.user.id);
    const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
    if (!requester || !threadTs) {
      await tell(STALE_BUTTON);
      return;
    }
    const access = checkAccess(ctx.config, requester);
    if (!access.ok) {
      await tell(access.message);
      return;
    }
    try {
      await ctx.queue.send({
        kind: 'overview',
        idempotencyKey: `action:${body.container?.message_ts ?? threadTs}:${body.actions[0]?.action_ts ?? ''}:${requester.userId}`,
        requester,
        request: {
          part: 'click',
          buttonValue: (action.value ?? '').slice(0, 2000),
          threadTs,
          ...(body.response_url ? { responseUrl: body.response_url } : {}),
          ...(body.container?.is_ephemeral === true ? { ephemeral: true } : {}),
        },
      });
    } catch (error) {
      ctx.log('error', 'queue.send_failed', { kind: 'overview', ...errorFields(error) });
      await tell(':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.').catch((e: unknown) => {
        ctx.log('error', 'slack.tell_user_failed', errorFields(e));
      });
    }
  });
}
