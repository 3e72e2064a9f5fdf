/**
 * Drill-downs in a digest's thread: the digest's buttons (block_actions) and @mentions of the bot in the thread.
 * Both become one `drilldown` job; the worker posts the reply in the thread. The job's idempotency key is
 * stable across Slack's retries and SQS redeliveries, so one click or mention yields one reply.
 */
import { checkAccess } from '../../config/access.ts';
import { parseDrilldownWord, viewOfActionId } from '../../digest/drilldown-views.ts';
import { LINK_ACTION } from '../../digest/link-action.ts';
import type { DrilldownJob } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import type { BoltApp, HandlerContext } from '../app.ts';
import { STALE_BUTTON } from '../command/help.ts';
import { requesterOf } from '../requester.ts';

export const DRILLDOWN_ACTION = /^drilldown:/;

export function registerDrilldowns(app: BoltApp, ctx: HandlerContext): void {
  app.action(DRILLDOWN_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const requester = requesterOf(body.team?.id ?? body.user.team_id, channelId, body.user.id);
    const view = 'action_id' in action ? viewOfActionId(action.action_id) : undefined;
    const isEphemeral = body.container?.is_ephemeral === true;
    const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
    if (!requester || !view || !threadTs) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
      return;
    }
    // Workspace and DM rules at once; which project the button is about, and whether this channel may see it,
    // the worker decides from the button's value (untrusted input, checked against its schema there).
    const access = checkAccess(ctx.config, requester);
    if (!access.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: access.message });
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
      async (text) => {
        await respond({ response_type: 'ephemeral', replace_original: false, text });
      },
    );
  });

  // "Open in ChatDash" and other link buttons: Slack opens the link and still sends block_actions; ack, nothing else.
  app.action(LINK_ACTION, async ({ ack }) => {
    await ack();
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const requester = requesterOf(body.team_id ?? event.team, event.channel, event.user);
    if (!requester) return;
    const threadTs = event.thread_ts ?? event.ts;
    const view = parseDrilldownWord(event.text ?? '');
    await enqueue(
      ctx,
      {
        kind: 'drilldown',
        // event_id is the same on every retry Slack makes (X-Slack-Retry-Num), so retries collapse into one reply.
        idempotencyKey: `event:${body.event_id}`,
        requester,
        ...(view ? { view } : {}),
        threadTs,
        // A mention outside a digest thread gets a short how-to from the worker.
        inThread: event.thread_ts !== undefined,
      },
      async (text) => {
        await client.chat.postEphemeral({ channel: event.channel, user: requester.userId, thread_ts: threadTs, text });
      },
    );
  });
}

async function enqueue(ctx: HandlerContext, job: DrilldownJob, tellUser: (text: string) => Promise<void>): Promise<void> {
  try {
    await ctx.queue.send(job);
  } catch (error) {
    ctx.log('error', 'queue.send_failed', { kind: job.kind, ...errorFields(error) });
    await tellUser(':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.').catch((e: unknown) => {
      ctx.log('error', 'slack.tell_user_failed', errorFields(e));
    });
  }
}
