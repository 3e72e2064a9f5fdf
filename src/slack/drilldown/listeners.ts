/**
 * Drill-downs in a digest's thread: the digest's buttons (block_actions) and @mentions of the bot in the thread.
 * Both become one `drilldown` job; the worker posts the reply in the thread. The job's idempotency key is
 * stable across Slack's retries and SQS redeliveries, so one click or mention yields one reply.
 */
import { checkAccess } from '../../config/access.ts';
import { decodeDrilldownRef, parseDrilldownWord } from '../../digest/drilldown-ref.ts';
import type { DrilldownJob } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import type { BoltApp, HandlerContext } from '../app.ts';
import { requesterOf } from '../requester.ts';

export const DRILLDOWN_ACTION = /^drilldown:/;

export function registerDrilldowns(app: BoltApp, ctx: HandlerContext): void {
  app.action(DRILLDOWN_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const requester = requesterOf(body.team?.id ?? body.user.team_id, channelId, body.user.id);
    const ref = decodeDrilldownRef(action.value ?? '');
    const project = ref ? ctx.config.projects.find((p) => p.id === ref.project) : undefined;
    const isEphemeral = body.container?.is_ephemeral === true;
    const threadTs = message?.thread_ts ?? message?.ts ?? body.container?.message_ts;
    if (!requester || !ref || !project || !threadTs) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, that button is from an older version of this message. Ask again with `/chatdash stats`.' });
      return;
    }
    const access = checkAccess(ctx.config, requester, project.key);
    if (!access.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: access.message });
      return;
    }
    await enqueue(ctx, {
      kind: 'drilldown',
      idempotencyKey: `action:${body.container?.message_ts ?? threadTs}:${body.actions[0]?.action_ts ?? ''}:${requester.userId}`,
      requester,
      projectKey: project.key,
      view: ref.view,
      period: ref.period,
      ...(ref.locale ? { locale: ref.locale } : {}),
      ...(ref.currencyDisplay ? { currencyDisplay: ref.currencyDisplay } : {}),
      threadTs,
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      ...(isEphemeral ? { ephemeral: true } : {}),
    }, async (text) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    });
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const requester = requesterOf(body.team_id ?? event.team, event.channel, event.user);
    if (!requester) return;
    const threadTs = event.thread_ts ?? event.ts;
    const view = parseDrilldownWord(event.text ?? '');
    await enqueue(ctx, {
      kind: 'drilldown',
      // event_id is the same on every retry Slack makes (X-Slack-Retry-Num), so retries collapse into one reply.
      idempotencyKey: `event:${body.event_id}`,
      requester,
      ...(view ? { view } : {}),
      threadTs,
      // A mention outside a digest thread gets a short how-to from the worker.
      inThread: event.thread_ts !== undefined,
    }, async (text) => {
      await client.chat.postEphemeral({ channel: event.channel, user: requester.userId, thread_ts: threadTs, text });
    });
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
