/**
 * Scheduled (or `npm run digest`) digests: render one subscription's period and post it to its channel. YAML and
 * runtime subscriptions alike; a runtime one that is paused or deleted by the time its job runs posts nothing, and
 * one whose channel can't take the message any more is paused (its owner and the admins are told).
 */
import type { Config } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { DigestJob } from '../jobs/schema.ts';
import type { SubscriptionRef } from '../store/store.ts';
import { configSubscription, fromConfig, type Subscription } from '../subscriptions/model.ts';
import { alertAdmins } from './alerts.ts';
import { fetchInsights } from './analytics.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';
import { leaveIfChannelBusy, postDigest } from './post.ts';
import { loadSubscription, noteDelivery, pauseUndeliverable, type ResolvedDigest, resolveDigestAt, stillBound } from './subscriptions.ts';

export type { ResolvedDigest } from './subscriptions.ts';

export function refOfJob(job: Pick<DigestJob, 'subscription' | 'source'>): SubscriptionRef {
  return { source: job.source ?? 'config', id: job.subscription };
}

/** A YAML subscription's digest for a job: its project and the period it covers, or why it can't be resolved. */
export function resolveDigest(job: DigestJob, config: Config): ResolvedDigest | { error: string } {
  const declared = configSubscription(config, job.subscription);
  if (!declared) return { error: `no subscription named "${job.subscription}" in the configuration` };
  return resolveDigestAt(fromConfig(config, declared), job.scheduledFor, config);
}

/** The key of a resolved digest: (subscription, period); a manual run also carries its time, so it posts each time. */
function keyOf(job: DigestJob, resolved: ResolvedDigest | { error: string }): string {
  if ('error' in resolved) return `digest:${job.subscription}:unresolved:${job.scheduledFor}`;
  const base = `digest:${job.subscription}:${resolved.period.start}/${resolved.period.end}`;
  return job.trigger === 'manual' ? `${base}:manual:${job.scheduledFor}` : base;
}

/**
 * A scheduled digest is identified by (subscription, period): EventBridge and SQS may deliver its job twice,
 * and it is posted once. A manual run (`npm run digest`) posts every time it is asked to. (YAML subscriptions.)
 */
export function digestIdempotencyKey(job: DigestJob, config: Config): string {
  return keyOf(job, resolveDigest(job, config));
}

interface Prepared {
  subscription: Subscription | undefined;
  resolved: ResolvedDigest | { error: string };
}

/**
 * A job's subscription and resolved digest, found once per job: its idempotency key and its run both need them
 * (for a runtime subscription that is one store read, not two).
 */
const prepared = new WeakMap<DigestJob, Promise<Prepared>>();

function prepare(job: DigestJob, deps: WorkerDeps): Promise<Prepared> {
  let found = prepared.get(job);
  if (!found) {
    found = loadSubscription(refOfJob(job), deps).then((subscription) => ({
      subscription,
      resolved: subscription ? resolveDigestAt(subscription, job.scheduledFor, deps.config) : { error: 'gone' },
    }));
    prepared.set(job, found);
  }
  return found;
}

/** The same key for any subscription (a runtime one is read from the store to know its period). */
export async function digestKey(job: DigestJob, deps: WorkerDeps): Promise<string> {
  return keyOf(job, (await prepare(job, deps)).resolved);
}

export async function buildDigestMessage(resolved: ResolvedDigest, deps: WorkerDeps): Promise<SlackMessage> {
  const { project, period, locale, currencyDisplay, sections } = resolved;
  const insights = await fetchInsights(deps.chatdash, project.id, period, DIGEST_METRICS, chatdashDeadline(deps));
  return renderDigest(insights, { project: { id: project.id, name: project.name }, locale, currencyDisplay, sections, buttons: true });
}

export async function runDigest(job: DigestJob, deps: WorkerDeps): Promise<string> {
  const ref = refOfJob(job);
  const { subscription, resolved } = await prepare(job, deps);
  if (!subscription) {
    if (ref.source === 'runtime') {
      // Deleted since the tick queued it: nothing to post.
      deps.log('info', 'digest.gone', { subscription: job.subscription });
      return 'gone';
    }
    await alertAdmins(
      deps,
      'digest.unresolved',
      `A digest could not be built: no subscription named "${escapeMrkdwn(job.subscription)}" in the configuration.`,
      {
        subscription: job.subscription,
      },
    );
    return 'unresolved';
  }
  if (subscription.paused) {
    deps.log('info', 'digest.paused', { subscription: subscription.id });
    return 'paused';
  }
  const at = new Date().toISOString();
  const failed = (reason: string) =>
    noteDelivery(deps, subscription, { result: 'failed', at, reason, scheduledFor: job.scheduledFor, trigger: job.trigger });

  if ('error' in resolved) {
    await alertAdmins(deps, 'digest.unresolved', `A digest could not be built: ${escapeMrkdwn(resolved.error)}.`, {
      subscription: job.subscription,
    });
    await failed('unresolved');
    return 'unresolved';
  }
  // A runtime subscription posts only where its project may be seen: an admin may have disconnected the channel.
  if (subscription.source === 'runtime' && !(await stillBound(subscription, deps))) {
    await pauseUndeliverable(deps, subscription, { unbound: true });
    await failed('channel_unbound');
    return 'unbound';
  }
  await leaveIfChannelBusy(deps, resolved.channel, { requeues: job.requeues });
  const { project } = resolved;
  let message: SlackMessage;
  try {
    message = await buildDigestMessage(resolved, deps);
  } catch (error) {
    const failure = asUserFacing(error, escapeMrkdwn(project.name));
    // ChatDash down or rate-limited: let the queue try again later; the dead-letter function reports it if it never recovers.
    if (!failure || failure.transient) throw error;
    await alertAdmins(deps, 'digest.chatdash_failed', `Digest *${escapeMrkdwn(subscription.id)}* was not posted. ${failure.userMessage}`, {
      subscription: subscription.id,
    });
    await failed('chatdash');
    return 'chatdash_failed';
  }
  try {
    const posted = await postDigest(deps, resolved.channel, message, { requeues: job.requeues });
    deps.log('info', 'digest.posted', { subscription: subscription.id, channel: resolved.channel, ts: posted.ts });
    await noteDelivery(deps, subscription, {
      result: 'posted',
      at: new Date().toISOString(),
      ...(posted.ts ? { ts: posted.ts } : {}),
      scheduledFor: job.scheduledFor,
      trigger: job.trigger,
    });
    return 'posted';
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && UNDELIVERABLE_CHANNEL_ERRORS.has(code)) {
      await pauseUndeliverable(deps, subscription, { slackError: code });
      await failed(code);
      return 'undeliverable';
    }
    throw error;
  }
}
