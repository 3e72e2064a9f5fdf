/**
 * Fetching an overview: each project's period and the one before, a bounded number of projects at once, through
 * the ChatDash client (its retries, backoff and `Retry-After`), within one time budget. Thin I/O; never throws:
 * every project ends as data, a failure with its reason (its row says "no data: why"), or, when the budget ran
 * out before ChatDash answered, "loading".
 */
import type { ChatDashClient } from '../chatdash/client.ts';
import { isChatDashError } from '../chatdash/errors.ts';
import { errorFields, type Log } from '../log.ts';
import type { Period } from '../periods/period.ts';
import { fetchInsights } from '../worker/analytics.ts';
import { mapLimit } from '../worker/map-limit.ts';
import { OVERVIEW_LIMITS, OVERVIEW_METRICS } from './limits.ts';
import type { OverviewProject, ProjectOutcome } from './types.ts';

/**
 * The client's own deadline is this much after the budget: the budget's timer fires first and cancels what is
 * still in flight, so an unanswered project reads "still loading", not "ChatDash took too long".
 */
const CLIENT_GRACE_MS = 500;

export interface FetchOverviewOptions {
  /** Epoch ms when the budget ends (the worker's `chatdashDeadline`). */
  deadline: number;
  /** Projects fetched at once, two ChatDash requests each (default `OVERVIEW_LIMITS.concurrency`, 6). */
  concurrency?: number;
  /** Structured log (default none). */
  log?: Log;
}

export async function fetchOverview(
  client: ChatDashClient,
  projects: readonly OverviewProject[],
  period: Period,
  options: FetchOverviewOptions,
): Promise<ProjectOutcome[]> {
  const budget = new AbortController();
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      budget.abort();
    },
    Math.max(0, options.deadline - Date.now()),
  );
  try {
    return await mapLimit(projects, options.concurrency ?? OVERVIEW_LIMITS.concurrency, async (project): Promise<ProjectOutcome> => {
      if (expired) return { project, status: 'loading' };
      try {
        const insights = await fetchInsights(
          client,
          project.id,
          period,
          OVERVIEW_METRICS,
          options.deadline + CLIENT_GRACE_MS,
          budget.signal,
        );
        return { project, status: 'ok', insights };
      } catch (error) {
        if (expired) return { project, status: 'loading' };
        if (isChatDashError(error)) return { project, status: 'failed', reason: error.kind, transient: error.retryable };
        options.log?.('error', 'overview.project_failed', { project: project.key, ...errorFields(error) });
        return { project, status: 'failed', reason: 'internal', transient: false };
      }
    });
  } finally {
    clearTimeout(timer);
  }
}
