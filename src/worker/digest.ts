/** Scheduled (or `npm run digest`) digests: render one subscription's period and post it to its channel. */
import { chartsFor } from '../charts/specs.ts';
import { type ResolvedSubscription, resolveSubscription } from '../config/resolve.ts';
import type { Config, SubscriptionConfig } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { DIGEST_SECTIONS, type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { isOverviewSubscription } from '../overview/subscription.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { Period } from '../periods/period.ts';
import { alertAdmins } from './alerts.ts';
import { fetchInsights } from './analytics.ts';
import { type ChartedMessage, prepareCharts, withChartImages } from './charts.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing } from './failures.ts';
import { runOverviewDigest } from './overview-digest.ts';
import { postDigest } from './post-digest.ts';

export interface ResolvedDigest extends ResolvedSubscription {
  period: Period;
}

/** A digest job's subscription and the period it covers, in the subscription's time zone (one project or an overview). */
export function digestPeriod(job: DigestJob, config: Config): { subscription: SubscriptionConfig; period: Period } | { error: string } {
  const subscription = config.subscriptions.find((s) => s.name === job.subscription);
  if (!subscription) return { error: `no subscription named "${job.subscription}" in the configuration` };
  const parsed = parsePeriod(subscription.period, {
    now: new Date(job.scheduledFor),
    timeZone: subscription.timeZone ?? config.defaults.timeZone,
    maxDays: config.defaults.maxRangeDays,
  });
  if (!parsed.ok) return { error: `subscription "${subscription.name}": ${parsed.error}` };
  return { subscription, period: parsed.period };
}

/** The subscription, its project and the period a digest job covers, or why it can't be resolved. */
export function resolveDigest(job: DigestJob, config: Config): ResolvedDigest | { error: string } {
  const found = digestPeriod(job, config);
  if ('error' in found) return found;
  const resolved = resolveSubscription(config, found.subscription);
  if (!resolved) {
    const { name, project } = found.subscription;
    return {
      error: isOverviewSubscription(found.subscription)
        ? `subscription "${name}" posts the overview of several projects, not one project's digest`
        : `subscription "${name}" names unknown project "${project}"`,
    };
  }
  return { ...resolved, period: found.period };
}

/**
 * A scheduled digest is identified by (subscription, period): EventBridge and SQS may deliver its job twice,
 * and it is posted once. A manual run (`npm run digest`) posts every time it is asked to.
 */
export function digestIdempotencyKey(job: DigestJob, config: Config): string {
  const resolved = digestPeriod(job, config);
  if ('error' in resolved) return `digest:${job.subscription}:unresolved:${job.scheduledFor}`;
  const base = `digest:${job.subscription}:${resolved.period.start}/${resolved.period.end}`;
  return job.trigger === 'manual' ? `${base}:manual:${job.scheduledFor}` : base;
}

/** The digest as text, and the same with its chart images once `withCharts` has drawn and uploaded them. */
export interface DigestMessage {
  plain: SlackMessage;
  /** Draws and uploads the digest's charts; resolves with the message showing them (or only `plain` if none could be). */
  withCharts: () => Promise<ChartedMessage>;
}

export async function buildDigestMessage(resolved: ResolvedDigest, deps: WorkerDeps): Promise<DigestMessage> {
  const { project, period, locale, currencyDisplay, sections } = resolved;
  if ((sections ?? DIGEST_SECTIONS).includes('trend')) prepareCharts(deps, 'digest');
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
      const charted = (sections ?? DIGEST_SECTIONS).includes('trend');
      const specs = charted ? chartsFor('digest', insights, createFormatter(options)) : [];
      const context = { job: 'digest', subscription: resolved.subscription.name };
      return withChartImages(specs, deps, context, (images) => renderDigest(insights, { ...options, images }));
    },
  };
}

export async function runDigest(job: DigestJob, deps: WorkerDeps): Promise<string> {
  const found = digestPeriod(job, deps.config);
  if (!('error' in found) && isOverviewSubscription(found.subscription)) return runOverviewDigest(found, deps);
  const resolved = resolveDigest(job, deps.config);
  if ('error' in resolved) {
    await alertAdmins(deps, 'digest.unresolved', `A digest could not be built: ${escapeMrkdwn(resolved.error)}.`, {
      subscription: job.subscription,
    });
    return 'unresolved';
  }
  const { subscription, project } = resolved;
  let message: DigestMessage;
  try {
    message = await buildDigestMessage(resolved, deps);
  } catch (error) {
    const failure = asUserFacing(error, escapeMrkdwn(project.name));
    // ChatDash down or rate-limited: let the queue try again later; the dead-letter function reports it if it never recovers.
    if (!failure || failure.transient) throw error;
    await alertAdmins(
      deps,
      'digest.chatdash_failed',
      `Digest *${escapeMrkdwn(subscription.name)}* was not posted. ${failure.userMessage}`,
      {
        subscription: subscription.name,
      },
    );
    return 'chatdash_failed';
  }
  return postDigest(deps, subscription, await message.withCharts());
}
