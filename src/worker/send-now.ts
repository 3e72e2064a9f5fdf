/**
 * "Send now": a click posts the subscription's digest (or agency overview) to its channel at once, for the period as
 * of the click. The person who clicked hears how it went (through the click's response_url, else a DM).
 *
 * One click, one post: the job's key is the click (Slack's retries and SQS redeliveries of it collapse into one run
 * through the idempotency guard). A quick double-click is two clicks with two keys: the second finds the first one's
 * claim on the subscription (one Send now per `SEND_NOW_WINDOW_MS`, in the state store) and posts nothing, saying
 * so. A claim whose post failed is given back, so trying again right away works.
 */
import { textMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import type { SendNowJob } from '../jobs/schema.ts';
import { errorFields } from '../log.ts';
import { checkChannelAccess } from '../store/channel-access.ts';
import { refOf, type Subscription } from '../subscriptions/model.ts';
import { canSendNow, policyActor } from '../subscriptions/policy.ts';
import type { WorkerDeps } from './deps.ts';
import { aboutOf, buildSubscriptionMessage, refOfJob } from './digest.ts';
import { asUserFacing, describeChannelError, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';
import { NothingAnsweredError } from './overview-digest.ts';
import { leaveIfChannelBusy, postDigest } from './post-digest.ts';
import { RequeueRequested } from './requeue.ts';
import { loadSubscription, noteDelivery, pauseUndeliverable, periodAt, resolveDigest } from './subscriptions.ts';

/** At most one Send now per subscription in this window (a double-click posts once). */
export const SEND_NOW_WINDOW_MS = 60_000;

export const SEND_NOW_MESSAGES = {
  gone: 'That subscription no longer exists.',
  unbound: 'This channel is no longer connected to what that subscription covers, so I can\u2019t post it here.',
  nothingAnswered:
    ':warning: ChatDash didn\u2019t answer for any of the overview\u2019s projects just now, so I posted nothing. Please try again in a few minutes.',
  unresolved: ':warning: I couldn\u2019t build that digest: its settings no longer work. Ask its owner or an admin to edit it.',
  alreadySent: 'I posted this digest a moment ago. One *Send now* a minute, so a double-click doesn\u2019t post it twice.',
} as const;

export async function runSendNow(job: SendNowJob, deps: WorkerDeps): Promise<string> {
  const tell = async (text: string) => {
    const message = textMessage(text);
    if (job.responseUrl) return deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message });
    await deps.slack.chat.postMessage({ channel: job.requester.userId, ...message, unfurl_links: false, unfurl_media: false });
  };

  const subscription = await loadSubscription(refOfJob(job), deps);
  if (!subscription) {
    await tell(SEND_NOW_MESSAGES.gone);
    return 'gone';
  }
  const actor = policyActor(deps.config, job.requester.userId);
  const fromChannel = job.requester.channelId;
  const access =
    fromChannel === subscription.channel ? await checkChannelAccess(deps.config, deps.store, job.requester, deps.log) : undefined;
  const permission = canSendNow(actor, subscription, fromChannel, access);
  if (!permission.ok) {
    await tell(permission.message);
    return 'refused';
  }
  const period = periodAt(subscription, job.requestedAt, deps.config);
  const resolved = 'error' in period ? period : await resolveDigest(subscription, period.period, deps);
  if ('error' in resolved) {
    if (resolved.problem === 'nothing_covered') {
      await tell(SEND_NOW_MESSAGES.unbound);
      return 'unbound';
    }
    deps.log('warn', 'send_now.unresolved', { subscription: subscription.id, error: resolved.error });
    await tell(SEND_NOW_MESSAGES.unresolved);
    return 'unresolved';
  }

  const ref = refOf(subscription);
  const claim = await deps.store.claimSendNow(ref, job.idempotencyKey, Date.now(), SEND_NOW_WINDOW_MS);
  if (!claim.ok) {
    deps.log('info', 'send_now.duplicate_click', { subscription: subscription.id, claimedAt: claim.claimedAt });
    await tell(SEND_NOW_MESSAGES.alreadySent);
    return 'duplicate_click';
  }
  const giveBack = () => deps.store.releaseSendNow(ref, job.idempotencyKey);
  await leaveIfChannelBusy(deps, subscription.channel, { requeues: job.requeues });
  const about = aboutOf(resolved);

  let message: Awaited<ReturnType<typeof buildSubscriptionMessage>>;
  try {
    message = await buildSubscriptionMessage(resolved, deps);
  } catch (error) {
    const failure = error instanceof NothingAnsweredError ? { userMessage: SEND_NOW_MESSAGES.nothingAnswered } : asUserFacing(error, about);
    if (!failure) throw error;
    // The person is waiting: say so now rather than retry in the background (ChatDash down, rate limited…).
    await giveBack();
    await tell(failure.userMessage);
    return 'chatdash_failed';
  }
  try {
    const posted = await postDigest(deps, subscription.channel, message, {
      requeues: job.requeues,
      context: { job: 'send_now', subscription: subscription.id },
    });
    await afterPost(deps, subscription, job, posted.ts);
    // Posted: a failure to say so must not fail the job (a retry would post again).
    await tell(
      `:white_check_mark: Posted ${resolved.kind === 'project' ? `the *${about}* digest` : about} (${escapeMrkdwn(resolved.period.label)}) to <#${subscription.channel}>.`,
    ).catch((e: unknown) => deps.log('warn', 'send_now.tell_failed', errorFields(e)));
    return 'posted';
  } catch (error) {
    // Re-queued (rate limited): the claim stays with this click, which comes back to post.
    if (error instanceof RequeueRequested) throw error;
    const code = slackErrorCode(error);
    if (code && UNDELIVERABLE_CHANNEL_ERRORS.has(code)) {
      await giveBack();
      await tell(describeChannelError(code, subscription.channel));
      await pauseUndeliverable(deps, subscription, { slackError: code });
      await noteDelivery(deps, subscription, { result: 'failed', at: deps.now().toISOString(), reason: code, trigger: 'send_now' });
      return 'undeliverable';
    }
    await giveBack();
    throw error;
  }
}

async function afterPost(deps: WorkerDeps, subscription: Subscription, job: SendNowJob, ts: string | undefined): Promise<void> {
  deps.log('info', 'send_now.posted', { subscription: subscription.id, channel: subscription.channel, ts, by: job.requester.userId });
  await noteDelivery(deps, subscription, {
    result: 'posted',
    at: deps.now().toISOString(),
    ...(ts ? { ts } : {}),
    scheduledFor: job.requestedAt,
    trigger: 'send_now',
  });
}
