/** The worker’s outside world as one injectable object, so jobs run the same on Lambda, in `npm run dev`, the demo and tests. */
import type { WebClient } from '@slack/web-api';
import type { ChatDashClient } from '../chatdash/client.ts';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Log } from '../log.ts';
import type { StateStore } from '../store/store.ts';
import type { AlertWorkerDeps } from './alert-check.ts';
import type { ChartDeliveryOptions } from './charts.ts';

/** Everything a job needs from the outside world; tests and the demo pass loopback-backed ones. */
export interface WorkerDeps {
  config: Config;
  chatdash: ChatDashClient;
  /** Web API client with the bot token. */
  slack: WebClient;
  /**
   * Web API client for digest posts (default `slack`): it does not wait out `ratelimited` answers, so a
   * rate-limited digest can go back to the queue instead of holding its slot (see post-digest.ts).
   */
  digestSlack?: WebClient;
  /** Runtime subscriptions and bindings, delivery bookkeeping, Send-now claims, channel pacing. */
  store: StateStore;
  /** The jobs queue, for re-queueing rate-limited digests (without it they wait in place). */
  queue?: JobQueue;
  /**
   * Web API client for chart uploads (same token), failing at once when rate limited: Slack's files methods are
   * Tier 4 (~100/min), and a fan-out of digests must skip a chart rather than wait, or pause `slack` (default `slack`).
   */
  slackFiles?: WebClient;
  /** POSTs a message to a Slack response_url. */
  respond: (responseUrl: string, message: Record<string, unknown>) => Promise<void>;
  log: Log;
  now: () => Date;
  /** How long one job may spend waiting on ChatDash, retries included (default 20 s). */
  chatdashBudgetMs?: number;
  /** Chart images (default: drawn with ECharts + resvg, uploaded with Slack's default polling). */
  charts?: ChartDeliveryOptions;
  /** Alert stores and the post guard, for `alert_check` jobs (`buildDeps` sets them; absent: those jobs are logged and dropped). */
  alerts?: AlertWorkerDeps;
}

export const DEFAULT_CHATDASH_BUDGET_MS = 20_000;

/**
 * When a job's ChatDash queries must be done by (epoch ms): now plus its budget (default `DEFAULT_CHATDASH_BUDGET_MS`).
 * Wall-clock time, as the ChatDash client counts it: the budget is time passing, whatever clock (`deps.now`, which may be
 * simulated in the demo and tests) decides what the job reports on.
 */
export function chatdashDeadline(deps: Pick<WorkerDeps, 'chatdashBudgetMs'>): number {
  return Date.now() + (deps.chatdashBudgetMs ?? DEFAULT_CHATDASH_BUDGET_MS);
}
