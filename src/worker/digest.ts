/**
 * Scheduled (or `npm run digest`) posts of a subscription: one project's digest, or the agency overview of its
 * projects. YAML and runtime subscriptions, one project or several, go through this one pipeline: one post per
 * (subscription, period), posted at the channel's pace, its last delivery recorded; a runtime one that is paused or
 * deleted by the time its job runs posts nothing, and one whose channel can't take the message any more (or no
 * longer sees any of its projects) is paused (its owner and the admins are told).
 */
import { chartsFor } from '../charts/specs.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { DigestJob } from '../jobs/schema.ts';
import type { LogFields } from '../log.ts';
import type { Period } from '../periods/period.ts';
import type { SubscriptionRef } from '../store/store.ts';
import { subscriptionInWords } from '../subscriptions/describe.ts';
import type { Subscription } from '../subscriptions/model.ts';
import type { DigestTarget } from '../subscriptions/target.ts';
import { alertAdmins } from './alerts.ts';
import { fetchInsights } from './analytics.ts';
import { type ChartedMessage, prepareCharts, textOnly, withChartImages } from './charts.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';
import { buildOverviewDigest, NothingAnsweredError } from './overview-digest.ts';
import { leaveIfChannelBusy, postDigest } from './post-digest.ts';
import {
  loadSubscription,
  noteDelivery,
  pauseUndeliverable,
  periodAt,
  type ResolvedDigest,
  resolveDigest,
  type Unresolved,
} from './subscriptions.ts';

export type { ResolvedDigest } from './subscriptions.ts';

export function refOfJob(job: Pick<DigestJob, 'subscription' | 'source'>): SubscriptionRef {
  return { source: job.source ?? 'config', id: job.subscription };
}

/** The key of a digest job: (subscription, period); a manual run also carries its time, so it posts each time. */
function keyOf(job: DigestJob, found: { period: Period } | Unresolved | undefined): string {
  if (!found || 'error' in found) return `digest:${job.subscription}:unresolved:${job.scheduledFor}`;
  const base = `digest:${job.subscription}:${found.period.start}/${found.period.end}`;
  return job.trigger === 'manual' ? `${base}:manual:${job.scheduledFor}` : base;
}

interface Prepared {
  subscription: Subscription | undefined;
  period: { period: Period } | Unresolved | undefined;
}

/**
 * A job's subscription and period, found once per job: its idempotency key and its run both need them (for a
 * runtime subscription that is one store read, not two).
 */
const prepared = new WeakMap<DigestJob, Promise<Prepared>>();

function prepare(job: DigestJob, deps: Pick<WorkerDeps, 'config' | 'store'>): Promise<Prepared> {
  let found = prepared.get(job);
  if (!found) {
    found = loadSubscription(refOfJob(job), deps).then((subscription) => ({
      subscription,
      period: subscription && periodAt(subscription, job.scheduledFor, deps.config),
    }));
    prepared.set(job, found);
  }
  return found;
}

/**
 * A scheduled digest is identified by (subscription, period): EventBridge and SQS may deliver its job twice, and
 * it is posted once. A manual run (`npm run digest`) posts every time it is asked to. Any subscription: a runtime
 * one is read from the store to know its period.
 */
export async function digestKey(job: DigestJob, deps: Pick<WorkerDeps, 'config' | 'store'>): Promise<string> {
  return keyOf(job, (await prepare(job, deps)).period);
}

/** The digest as text, and the same with its chart images once `withCharts` has drawn and uploaded them. */
export interface DigestMessage {
  plain: SlackMessage;
  /** Draws and uploads the digest's charts; resolves with the message showing them (or only `plain` if none could be). */
  withCharts: () => Promise<ChartedMessage>;
}

/** One project's digest for a period (`context`: who asks, for chart log lines). */
export async function buildDigestMessage(
  target: Extract<DigestTarget, { kind: 'project' }> & { period: Period },
  deps: WorkerDeps,
  context: LogFields = { job: 'digest' },
): Promise<DigestMessage> {
  const { project, period, locale, currencyDisplay, sections } = target;
  const charted = sections.includes('trend');
  if (charted) prepareCharts(deps, 'digest');
  const insights = await fetchInsights(deps.chatdash, project.id, period, DIGEST_METRICS, chatdashDeadline(deps));
  const options: RenderOptions = {
    project: { id: project.id, name: project.name },
    locale,
    currencyDisplay,
    sections,
    buttons: true,
    dashboardUrl: project.dashboardUrl,
  };
  return {
    plain: renderDigest(insights, options),
    withCharts: () => {
      const specs = charted ? chartsFor('digest', insights, createFormatter(options)) : [];
      return withChartImages(specs, deps, context, (images) => renderDigest(insights, { ...options, images }));
    },
  };
}

/**
 * What a subscription posts: its project's digest (with its chart), or the overview of its projects (text only).
 * Throws ChatDash's failures for one project, and `NothingAnsweredError` when it answered for none of an overview's
 * projects (partial answers are posted: every project keeps its row).
 */
export async function buildSubscriptionMessage(resolved: ResolvedDigest, deps: WorkerDeps): Promise<ChartedMessage> {
  if (resolved.kind === 'project') {
    const message = await buildDigestMessage(resolved, deps, { job: 'digest', subscription: resolved.subscription.id });
    return message.withCharts();
  }
  const built = await buildOverviewDigest(resolved, deps);
  if (built.retry) throw new NothingAnsweredError(`ChatDash answered for none of the projects of "${resolved.subscription.id}"`);
  return textOnly(built.message);
}

/** What a resolved post is about, for messages (safe mrkdwn). */
export function aboutOf(resolved: ResolvedDigest): string {
  return resolved.kind === 'project' ? escapeMrkdwn(resolved.project.name) : `the overview of ${resolved.projects.length} projects`;
}

export async function runDigest(job: DigestJob, deps: WorkerDeps): Promise<string> {
  const ref = refOfJob(job);
  const { subscription, period } = await prepare(job, deps);
  if (!subscription || !period) {
    if (ref.source === 'runtime') {
      // Deleted since the tick queued it: nothing to post.
      deps.log('info', 'digest.gone', { subscription: job.subscription });
      return 'gone';
    }
    await alertAdmins(
      deps,
      'digest.unresolved',
      `A digest could not be built: no subscription named "${escapeMrkdwn(job.subscription)}" in the configuration.`,
      { subscription: job.subscription },
    );
    return 'unresolved';
  }
  if (subscription.paused) {
    deps.log('info', 'digest.paused', { subscription: subscription.id });
    return 'paused';
  }
  const at = deps.now().toISOString();
  const failed = (reason: string) =>
    noteDelivery(deps, subscription, { result: 'failed', at, reason, scheduledFor: job.scheduledFor, trigger: job.trigger });

  const resolved = 'error' in period ? period : await resolveDigest(subscription, period.period, deps);
  if ('error' in resolved) {
    // Nothing its channel may see any more (a project or the channel disconnected since): a runtime one is paused.
    if (resolved.problem === 'nothing_covered') {
      await pauseUndeliverable(deps, subscription, { unbound: true });
      await failed('channel_unbound');
      return 'unbound';
    }
    await alertAdmins(deps, 'digest.unresolved', `A digest could not be built: ${escapeMrkdwn(resolved.error)}.`, {
      subscription: job.subscription,
    });
    await failed('unresolved');
    return 'unresolved';
  }
  await leaveIfChannelBusy(deps, resolved.channel, { requeues: job.requeues });
  let message: ChartedMessage;
  try {
    message = await buildSubscriptionMessage(resolved, deps);
  } catch (error) {
    const failure = asUserFacing(error, aboutOf(resolved));
    // ChatDash down or rate-limited (or answering for none of an overview's projects): let the queue try again later;
    // the dead-letter function reports it if it never recovers.
    if (!failure || failure.transient) throw error;
    await alertAdmins(
      deps,
      'digest.chatdash_failed',
      `A digest was not posted: ${subscriptionInWords(subscription, deps.config)}. ${failure.userMessage}`,
      {
        subscription: subscription.id,
      },
    );
    await failed('chatdash');
    return 'chatdash_failed';
  }
  try {
    const posted = await postDigest(deps, resolved.channel, message, {
      requeues: job.requeues,
      context: { job: 'digest', subscription: subscription.id },
    });
    deps.log('info', 'digest.posted', { subscription: subscription.id, channel: resolved.channel, ts: posted.ts });
    await noteDelivery(deps, subscription, {
      result: 'posted',
      at: deps.now().toISOString(),
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
