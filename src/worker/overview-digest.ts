/**
 * A subscription covering several projects (`projects: [..]` or `projects: all`) posts the agency overview to its
 * channel, once per (subscription, period) like any digest (see `digestIdempotencyKey`).
 */
import type { SubscriptionConfig } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { worthRetrying } from '../overview/build.ts';
import { renderOverview } from '../overview/render.ts';
import { subscriptionProjects } from '../overview/subscription.ts';
import type { OverviewModel } from '../overview/types.ts';
import type { Period } from '../periods/period.ts';
import { alertAdmins } from './alerts.ts';
import { textOnly } from './charts.ts';
import type { WorkerDeps } from './deps.ts';
import { collectOverview } from './overview.ts';
import { postDigest } from './post-digest.ts';

export interface OverviewDigestTarget {
  subscription: SubscriptionConfig;
  period: Period;
}

export class NothingAnsweredError extends Error {
  override readonly name = 'NothingAnsweredError';
}

/** The overview message of a subscription's projects, or undefined when it covers none. */
export async function buildOverviewDigest(
  target: OverviewDigestTarget,
  deps: WorkerDeps,
): Promise<{ message: SlackMessage; model: OverviewModel; retry: boolean } | undefined> {
  const { subscription, period } = target;
  const projects = subscriptionProjects(deps.config, subscription);
  if (projects.length === 0) return undefined;
  const { model, outcomes } = await collectOverview(projects, period, deps);
  const message = renderOverview(model, {
    locale: subscription.locale ?? deps.config.defaults.locale,
    currencyDisplay: subscription.currencyDisplay ?? deps.config.defaults.currencyDisplay,
    projectKeys: deps.config.projects.map((p) => p.key),
  });
  return { message, model, retry: worthRetrying(outcomes) };
}

export async function runOverviewDigest(target: OverviewDigestTarget, deps: WorkerDeps): Promise<string> {
  const { subscription } = target;
  const built = await buildOverviewDigest(target, deps);
  if (!built) {
    await alertAdmins(
      deps,
      'digest.unresolved',
      `Overview *${escapeMrkdwn(subscription.name)}* covers no project bound to <#${subscription.channel}>, so nothing was posted.`,
      { subscription: subscription.name },
    );
    return 'unresolved';
  }
  // ChatDash answered for none of the projects, for reasons that may pass: the queue tries again later (and the
  // dead-letter function reports it if it never recovers). Partial answers are posted: every project keeps its row.
  if (built.retry) throw new NothingAnsweredError(`ChatDash answered for none of the projects of overview "${subscription.name}"`);
  // No chart: an overview of many projects is a table of rows, not one project's trend.
  return postDigest(deps, subscription, textOnly(built.message));
}
