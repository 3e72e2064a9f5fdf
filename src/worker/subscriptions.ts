/**
 * The worker's side of subscriptions: finding one (YAML or runtime) for a job, resolving what it posts as of an
 * instant (its period, and the projects its channel may still see), recording how a delivery went, and pausing one
 * whose channel can't take messages any more (telling its owner and the admins). Bookkeeping failures are logged,
 * never thrown: a digest already posted must not be posted again because its last-delivery note could not be written.
 */
import { ALL_PROJECTS } from '../config/all-projects.ts';
import type { Config } from '../config/schema.ts';
import { textMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { errorFields } from '../log.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { Period } from '../periods/period.ts';
import type { Delivery, RuntimeBinding, SubscriptionRef, SystemPauseReason } from '../store/store.ts';
import { systemActor } from '../store/store.ts';
import { PAUSE_FOR_SLACK_ERROR } from '../store/transitions.ts';
import { subscriptionInWords } from '../subscriptions/describe.ts';
import { configSubscription, fromConfig, fromRuntime, refOf, type Subscription } from '../subscriptions/model.ts';
import { PAUSE_WORDS } from '../subscriptions/pause-words.ts';
import { type DigestTarget, resolveDigestTarget, type TargetProblem } from '../subscriptions/target.ts';
import { alertAdmins } from './alerts.ts';
import type { WorkerDeps } from './deps.ts';
import { describeChannelError } from './failures.ts';

/** A subscription's post as of an instant: what it covers, where it goes, how it looks, and the period. */
export type ResolvedDigest = DigestTarget & { subscription: Subscription; period: Period };

/** Why a subscription's post can't be built: its period, or its target (see `TargetProblem`). */
export interface Unresolved {
  problem: 'period' | TargetProblem;
  /** For the admins (plain text: escape it). */
  error: string;
}

/** The subscription a job names; undefined when it is gone (or stored invalid). */
export async function loadSubscription(
  ref: SubscriptionRef,
  deps: Pick<WorkerDeps, 'config' | 'store'>,
): Promise<Subscription | undefined> {
  if (ref.source === 'config') {
    const declared = configSubscription(deps.config, ref.id);
    return declared && fromConfig(deps.config, declared);
  }
  const stored = await deps.store.getSubscription(ref.id);
  return stored && fromRuntime(stored);
}

/** The period a subscription's post covers as of `at` (the cron occurrence, or the Send now click), in its time zone. */
export function periodAt(subscription: Subscription, at: string, config: Config): { period: Period } | Unresolved {
  const parsed = parsePeriod(subscription.period, {
    now: new Date(at),
    timeZone: subscription.timeZone ?? config.defaults.timeZone,
    maxDays: config.defaults.maxRangeDays,
  });
  return parsed.ok ? { period: parsed.period } : { problem: 'period', error: `subscription "${subscription.id}": ${parsed.error}` };
}

/**
 * The channel's bindings made from Slack, where they can change what a subscription covers: a runtime subscription's
 * channel may have been connected or disconnected from Slack, and `projects: all` covers every project bound there.
 * A YAML subscription naming its projects covers what the configuration binds (its checks require it): no read.
 */
async function runtimeBindingsFor(subscription: Subscription, deps: Pick<WorkerDeps, 'store'>): Promise<RuntimeBinding[]> {
  return subscription.source === 'runtime' || subscription.projects === ALL_PROJECTS ? deps.store.bindingsOf(subscription.channel) : [];
}

/** What a subscription posts for `period`, with the projects its channel may see now, or why it can't. */
export async function resolveDigest(
  subscription: Subscription,
  period: Period,
  deps: Pick<WorkerDeps, 'config' | 'store'>,
): Promise<ResolvedDigest | Unresolved> {
  const resolved = resolveDigestTarget(deps.config, subscription, await runtimeBindingsFor(subscription, deps));
  if (resolved.ok) return { ...resolved.target, subscription, period };
  const error =
    resolved.problem === 'unknown_project'
      ? `subscription "${subscription.id}" names unknown project "${subscription.project}"`
      : `subscription "${subscription.id}" covers no project bound to its channel`;
  return { problem: resolved.problem, error };
}

/** A project's display name (plain text: escape it), or its key when it is no longer configured. */
export function projectName(deps: Pick<WorkerDeps, 'config'>, key: string): string {
  return deps.config.projects.find((p) => p.key === key)?.name ?? key;
}

export async function noteDelivery(deps: WorkerDeps, subscription: Subscription, delivery: Delivery): Promise<void> {
  try {
    await deps.store.recordDelivery(refOf(subscription), delivery);
  } catch (error) {
    deps.log('error', 'subscription.record_failed', { subscription: subscription.id, ...errorFields(error) });
  }
}

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
  const project = subscription.project === undefined ? undefined : escapeMrkdwn(projectName(deps, subscription.project));
  const where = `<#${subscription.channel}>`;
  const why =
    'unbound' in cause
      ? `${where} is no longer connected to ${project ? `*${project}*` : 'any of its projects'}.`
      : describeChannelError(cause.slackError, subscription.channel);
  const what = project ? `*${project}* digest` : '*agency overview*';
  const pauseWords =
    reason === 'channel_unbound' && !project ? 'the channel is no longer connected to its projects' : reason && PAUSE_WORDS[reason];
  if (subscription.source === 'config' || !reason) {
    await alertAdmins(deps, 'digest.undeliverable', `A digest was not posted: ${subscriptionInWords(subscription, deps.config)}. ${why}`, {
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
  const notice = `:double_vertical_bar: The ${what} subscription for ${where} is paused: ${pauseWords}. ${why} It stays paused until its owner or an admin resumes it: *Resume* in \`/chatdash subscriptions\` there, or on my Home tab.`;
  if (subscription.owner) {
    try {
      // A DM from the bot: posting to a user id lands in the app's Messages tab.
      await deps.slack.chat.postMessage({ channel: subscription.owner, ...textMessage(notice), unfurl_links: false, unfurl_media: false });
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
