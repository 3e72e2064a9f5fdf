/**
 * The agency overview a subscription covering several projects (`projects: [..]` or `projects: all`) posts: built
 * here, delivered by the one digest pipeline (`digest.ts`: once per (subscription, period), last delivery recorded,
 * paused where it can't be posted).
 */
import type { SlackMessage } from '../digest/blocks.ts';
import { worthRetrying } from '../overview/build.ts';
import { renderOverview } from '../overview/render.ts';
import type { OverviewModel } from '../overview/types.ts';
import type { Period } from '../periods/period.ts';
import type { DigestTarget } from '../subscriptions/target.ts';
import type { WorkerDeps } from './deps.ts';
import { collectOverview } from './overview.ts';

/** ChatDash answered for none of the overview's projects, for reasons that may pass: worth trying again later. */
export class NothingAnsweredError extends Error {
  override readonly name = 'NothingAnsweredError';
}

export type OverviewTarget = Extract<DigestTarget, { kind: 'overview' }> & { period: Period };

/**
 * The overview message of the target's projects; `retry` when ChatDash answered for none of them. No chart: an
 * overview of many projects is a table of rows, not one project's trend.
 */
export async function buildOverviewDigest(
  target: OverviewTarget,
  deps: WorkerDeps,
): Promise<{ message: SlackMessage; model: OverviewModel; retry: boolean }> {
  const { model, outcomes } = await collectOverview(target.projects, target.period, deps);
  const message = renderOverview(model, {
    locale: target.locale,
    currencyDisplay: target.currencyDisplay,
    projectKeys: deps.config.projects.map((p) => p.key),
  });
  return { message, model, retry: worthRetrying(outcomes) };
}
