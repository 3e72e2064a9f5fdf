/** ChatDash → insights for one period and the one before it (fetched in parallel). */
import type { ChatDashClient } from '../chatdash/client.ts';
import type { MetricName } from '../chatdash/schema.ts';
import { buildInsights } from '../insights/build.ts';
import type { Insights } from '../insights/types.ts';
import type { Period, TimeRange } from '../periods/period.ts';

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
