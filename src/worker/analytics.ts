/** ChatDash → insights for one period and the one before it (fetched in parallel). */
import type { ChatDashClient } from '../chatdash/client.ts';
import type { MetricName } from '../chatdash/schema.ts';
import { buildInsights } from '../insights/build.ts';
import type { Insights } from '../insights/types.ts';
import type { Period } from '../periods/period.ts';

export async function fetchInsights(
  client: ChatDashClient,
  projectId: string,
  period: Period,
  metrics: readonly MetricName[],
  deadline: number,
): Promise<Insights> {
  const [current, previous] = await Promise.all([
    client.queryAnalytics(projectId, period, metrics, { deadline }),
    client.queryAnalytics(projectId, period.previous, metrics, { deadline }),
  ]);
  return buildInsights({ current, previous, period });
}
