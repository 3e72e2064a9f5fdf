/** Scheduled (or `npm run digest`) digests: render one subscription's period and post it to its channel. */
import { chartsFor } from '../charts/specs.ts';
import { type ResolvedSubscription, resolveSubscription } from '../config/resolve.ts';
import type { Config } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { DIGEST_SECTIONS, type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { Period } from '../periods/period.ts';
import { alertAdmins } from './alerts.ts';
import { fetchInsights } from './analytics.ts';
import { chartImages, prepareCharts, sendWithImageFallback } from './charts.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing, describeChannelError, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';

export interface ResolvedDigest extends ResolvedSubscription {
  period: Period;
}

/** The subscription, its project and the period a digest job covers, or why it can't be resolved. */
export function resolveDigest(job: DigestJob, config: Config): ResolvedDigest | { error: string } {
  const subscription = config.subscriptions.find((s) => s.name === job.subscription);
  if (!subscription) return { error: `no subscription named "${job.subscription}" in the configuration` };
  const resolved = resolveSubscription(config, subscription);
  if (!resolved) return { error: `subscription "${subscription.name}" names unknown project "${subscription.project}"` };
  const parsed = parsePeriod(subscription.period, {
    now: new Date(job.scheduledFor),
    timeZone: resolved.timeZone,
    maxDays: config.defaults.maxRangeDays,
  });
  if (!parsed.ok) return { error: `subscription "${subscription.name}": ${parsed.error}` };
  return { ...resolved, period: parsed.period };
}

/**
 * A scheduled digest is identified by (subscription, period): EventBridge and SQS may deliver its job twice,
 * and it is posted once. A manual run (`npm run digest`) posts every time it is asked to.
 */
export function digestIdempotencyKey(job: DigestJob, config: Config): string {
  const resolved = resolveDigest(job, config);
  if ('error' in resolved) return `digest:${job.subscription}:unresolved:${job.scheduledFor}`;
  const base = `digest:${job.subscription}:${resolved.period.start}/${resolved.period.end}`;
  return job.trigger === 'manual' ? `${base}:manual:${job.scheduledFor}` : base;
}

/** The digest as text, and the same with its chart images once `withCharts` has drawn and uploaded them. */
export interface DigestMessage {
  plain: SlackMessage;
  /** Draws and uploads the digest's charts; resolves with the message showing them (or `plain` if none could be). */
  withCharts: () => Promise<{ message: SlackMessage; images: number }>;
}

export async function buildDigestMessage(resolved: ResolvedDigest, deps: WorkerDeps): Promise<DigestMessage> {
  const { project, period, locale, currencyDisplay, sections } = resolved;
  if ((sections ?? DIGEST_SECTIONS).includes('trend')) prepareCharts(deps, 'digest');
  const insights = await fetchInsights(deps.chatdash, project.id, period, DIGEST_METRICS, chatdashDeadline(deps));
  const options: RenderOptions = { project: { id: project.id, name: project.name }, locale, currencyDisplay, sections, buttons: true };
  const plain = renderDigest(insights, options);
  return {
    plain,
    withCharts: async () => {
      const charted = (sections ?? DIGEST_SECTIONS).includes('trend');
      const specs = charted ? chartsFor('digest', insights, createFormatter(options)) : [];
      const images = await chartImages(specs, deps, { job: 'digest', subscription: resolved.subscription.name });
      return { message: images.length > 0 ? renderDigest(insights, { ...options, images }) : plain, images: images.length };
    },
  };
}

export async function runDigest(job: DigestJob, deps: WorkerDeps): Promise<string> {
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
  const charted = await message.withCharts();
  try {
    const context = { job: 'digest', subscription: subscription.name };
    const posted = await sendWithImageFallback(
      deps,
      context,
      { withImages: charted.message, hasImages: charted.images > 0, plain: () => message.plain },
      (m) => deps.slack.chat.postMessage({ channel: subscription.channel, ...m, unfurl_links: false, unfurl_media: false }),
    );
    deps.log('info', 'digest.posted', { subscription: subscription.name, channel: subscription.channel, ts: posted.ts });
    return 'posted';
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && UNDELIVERABLE_CHANNEL_ERRORS.has(code)) {
      await alertAdmins(
        deps,
        'digest.undeliverable',
        `Digest *${escapeMrkdwn(subscription.name)}* was not posted: ${describeChannelError(code, subscription.channel)}`,
        { subscription: subscription.name, channel: subscription.channel, error: code },
      );
      return 'undeliverable';
    }
    throw error;
  }
}
