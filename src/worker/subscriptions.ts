/**
 * The worker's side of subscriptions: finding one (YAML or runtime) for a job, checking its channel may still see its
 * project, recording how a delivery went, and pausing one whose channel can't take messages any more (telling its
 * owner and the admins). Bookkeeping failures are logged, never thrown: a digest already posted must not be posted
 * again because its last-delivery note could not be written.
 */
import { projectsForChannel } from '../config/access.ts';
import type { Config } from '../config/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { errorFields } from '../log.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { Period } from '../periods/period.ts';
import type { Delivery, SubscriptionRef, SystemPauseReason } from '../store/store.ts';
import { systemActor } from '../store/store.ts';
import { PAUSE_FOR_SLACK_ERROR } from '../store/transitions.ts';
import { configSubscription, fromConfig, fromRuntime, refOf, type Subscription } from '../subscriptions/model.ts';
import { type DigestTarget, resolveDigestTarget } from '../subscriptions/target.ts';
import { alertAdmins } from './alerts.ts';
import type { WorkerDeps } from './deps.ts';
import { describeChannelError } from './failures.ts';

export interface ResolvedDigest extends DigestTarget {
  subscription: Subscription;
  period: Period;
}

/** The subscription a job names; undefined when it is gone (or stored invalid). */
export async function loadSubscription(
  ref: SubscriptionRef,
  deps: Pick<WorkerDeps, 'config' | 'store' | 'now'>,
): Promise<Subscription | undefined> {
  if (ref.source === 'config') {
    const declared = configSubscription(deps.config, ref.id);
    return declared && fromConfig(deps.config, declared);
  }
  const stored = await deps.store.getSubscription(ref.id);
  return stored && fromRuntime(stored);
}

/** Target and period of a subscription's digest as of `at` (the cron occurrence, or the Send now click). */
export function resolveDigestAt(subscription: Subscription, at: string, config: Config): ResolvedDigest | { error: string } {
  const target = resolveDigestTarget(config, subscription);
  if (!target) return { error: `subscription "${subscription.id}" names unknown project "${subscription.project}"` };
  const parsed = parsePeriod(subscription.period, { now: new Date(at), timeZone: target.timeZone, maxDays: config.defaults.maxRangeDays });
  if (!parsed.ok) return { error: `subscription "${subscription.id}": ${parsed.error}` };
  return { ...target, subscription, period: parsed.period };
}

/** Whether the subscription's channel is still bound to its project (configuration or runtime binding). */
export async function stillBound(subscription: Subscription, deps: WorkerDeps): Promise<boolean> {
  const runtime = await deps.store.bindingsOf(subscription.channel);
  return projectsForChannel(deps.config, subscription.channel, runtime).some((p) => p.key === subscription.project);
}

export async function noteDelivery(deps: WorkerDeps, subscription: Subscription, delivery: Delivery): Promise<void> {
  try {
    await deps.store.recordDelivery(refOf(subscription), delivery);
  } catch (error) {
    deps.log('error', 'subscription.record_failed', { subscription: subscription.id, ...errorFields(error) });
  }
}

const PAUSE_WORDS: Record<SystemPauseReason, string> = {
  bot_removed: 'I was removed from the channel',
  channel_archived: 'the channel was archived',
  channel_not_found: 'I can\u2019t find the channel any more',
  channel_unbound: 'the channel is no longer connected to the project',
};

/**
 * Pauses a runtime subscription the worker can't deliver (bot removed, channel archived or gone, channel no longer
 * bound), then tells its owner (a DM) and the admin channel. YAML subscriptions can't be paused: the admins are
 * told to fix the configuration. Returns the pause reason (undefined when the error doesn't call for a pause).
 */
export async function pauseUndeliverable(
  deps: WorkerDeps,
  subscription: Subscription,
  cause: { slackError: string } | { unbound: true },
): Promise<SystemPauseReason | undefined> {
  const reason: SystemPauseReason | undefined = 'unbound' in cause ? 'channel_unbound' : PAUSE_FOR_SLACK_ERROR[cause.slackError];
  const project = escapeMrkdwn(deps.config.projects.find((p) => p.key === subscription.project)?.name ?? subscription.project);
  const where = `<#${subscription.channel}>`;
  const why =
    'unbound' in cause ? `${where} is no longer connected to *${project}*.` : describeChannelError(cause.slackError, subscription.channel);
  if (subscription.source === 'config' || !reason) {
    await alertAdmins(deps, 'digest.undeliverable', `Digest *${escapeMrkdwn(subscription.id)}* was not posted: ${why}`, {
      subscription: subscription.id,
      channel: subscription.channel,
      error: 'unbound' in cause ? 'channel_unbound' : cause.slackError,
    });
    return undefined;
  }
  try {
    await deps.store.pauseSubscription(subscription.id, reason, systemActor('worker'));
  } catch (error) {
    deps.log('error', 'subscription.pause_failed', { subscription: subscription.id, reason, ...errorFields(error) });
  }
  const notice = `:double_vertical_bar: The *${project}* digest subscription for ${where} is paused: ${PAUSE_WORDS[reason]}. ${why} It stays paused until someone resumes it.`;
  if (subscription.owner) {
    try {
      // A DM from the bot: posting to a user id lands in the app's Messages tab.
      await deps.slack.chat.postMessage({ channel: subscription.owner, text: notice, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      deps.log('warn', 'subscription.owner_dm_failed', { subscription: subscription.id, ...errorFields(error) });
    }
  }
  await alertAdmins(deps, 'subscription.paused', `${notice} (owner: <@${subscription.owner ?? 'unknown'}>, id \`${subscription.id}\`)`, {
    subscription: subscription.id,
    channel: subscription.channel,
    reason,
  });
  return reason;
}
