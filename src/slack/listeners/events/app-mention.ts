/**
 * `@ChatDash topics` (or intents, costs, countries…) in a digest's thread: becomes one `drilldown` job, keyed by Slack's
 * `event_id`, so Slack's retries collapse into one reply. The worker finds the digest from the thread's root.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseDrilldownWord } from '../../../digest/drilldown-views.ts';
import { requesterOf } from '../../requester.ts';
import type { ListenerContext } from '../context.ts';
import { enqueue } from '../enqueue.ts';

export type AppMentionArgs = Pick<SlackEventMiddlewareArgs<'app_mention'>, 'event' | 'body'> & Pick<AllMiddlewareArgs, 'client'>;

export async function appMention(ctx: ListenerContext, { event, body, client }: AppMentionArgs): Promise<void> {
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
}
