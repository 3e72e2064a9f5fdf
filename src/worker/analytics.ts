/** ChatDash → insights for one period and the one before it (fetched in parallel). */
import type { ChatDashClient } from '../chatdash/client.ts';
import type { MetricName } from '../chatdash/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { buildInsights } from '../insights/build.ts';
import type { Insights } from '../insights/types.ts';
import type { Period, TimeRange } from '../periods/period.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing } from './failures.ts';

export async function fetchInsights(
  client: ChatDashClient,
  projectId: string,
  period: Period,
  metrics: readonly MetricName[],
  deadline: number,
  /** Cancels both queries (the agency overview's time budget running out). */
  signal?: AbortSignal,
): Promise<Insights> {
  // When one query fails for good, the other is cancelled rather than left retrying in the background.
  const abandon = new AbortController();
  const cancel = signal ? AbortSignal.any([abandon.signal, signal]) : abandon.signal;
  const query = (range: TimeRange) =>
    client.queryAnalytics(projectId, range, metrics, { deadline, signal: cancel }).catch((error: unknown) => {
      abandon.abort();
      throw error;
    });
  const [current, previous] = await Promise.all([query(period), query(period.previous)]);
  return buildInsights({ current, previous, period });
}

/**
 * A project's insights for a job that answers a person (stats, drill-down, Full stats), within the job's ChatDash
 * budget; or, when ChatDash failed in a way they should hear about, what to tell them (safe mrkdwn naming the
 * project). Any other failure is thrown: the queue retries the job.
 */
export async function insightsForAsker(
  deps: Pick<WorkerDeps, 'chatdash' | 'now' | 'chatdashBudgetMs'>,
  project: { id: string; name: string },
  period: Period,
  metrics: readonly MetricName[],
): Promise<{ ok: true; insights: Insights } | { ok: false; userMessage: string }> {
  try {
    return { ok: true, insights: await fetchInsights(deps.chatdash, project.id, period, metrics, chatdashDeadline(deps)) };
  } catch (error) {
    const failure = asUserFacing(error, escapeMrkdwn(project.name));
    if (!failure) throw error;
    return { ok: false, userMessage: failure.userMessage };
  }
}
