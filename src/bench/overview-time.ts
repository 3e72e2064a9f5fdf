/**
 * The agency overview's time and ChatDash requests: `/chatdash overview` jobs for an agency of N synthetic client
 * bots (default 50), run by the worker's own code against a sandbox of those projects, answered to the Slack
 * double's response_url. Loopback only; the machine's load shows in the figures.
 */
import type { OverviewJob } from '../jobs/schema.ts';
import type { Log } from '../log.ts';
import { OVERVIEW_LIMITS } from '../overview/limits.ts';
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/index.ts';
import { syntheticProjects } from '../sandbox/synthetic.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { DEFAULT_CHATDASH_BUDGET_MS } from '../worker/deps.ts';
import { processJob } from '../worker/process-job.ts';
import { AGENCY_CHANNEL, agencyConfig } from './overview-config.ts';
import { maxOf, median, minOf } from './stats.ts';

export interface OverviewTimeResult {
  projects: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** ChatDash requests per overview (two per project when nothing needs a retry). */
  requestsPerRun: number;
  /** Projects still loading when the budget ended, in the worst run (0: every project answered in time). */
  maxLoading: number;
  /** Every run ended in a delivered answer. */
  allDelivered: boolean;
  budgetMs: number;
  concurrency: number;
  /** Latency the sandbox added to every ChatDash request (0: as fast as loopback). */
  latencyMs: number;
}

export interface OverviewTimeOptions {
  projects: number;
  runs: number;
  slack: SlackDouble;
  log: Log;
  /** Added to every ChatDash request by the sandbox, to stand in for a real API's latency (default 0). */
  latencyMs?: number;
}

/** Runs the overview `runs` times after one unrecorded warm-up. */
export async function measureOverviewTime(options: OverviewTimeOptions): Promise<OverviewTimeResult> {
  const projects = syntheticProjects(options.projects);
  const sandbox = await startSandbox({ projects });
  const latencyMs = options.latencyMs ?? 0;
  if (latencyMs > 0) sandbox.setFault({ type: 'slow', delayMs: latencyMs });
  try {
    const config = agencyConfig(projects);
    const loading: number[] = [];
    const log: Log = (level, event, fields) => {
      if (event === 'overview.fetched') loading.push(Number(fields?.loading ?? 0));
      options.log(level, event, fields);
    };
    const secrets = async () => ({ slackSigningSecret: 'unused', slackBotToken: 'xoxb-test-token', chatdashApiKey: SANDBOX_API_KEY });
    const deps = await buildDeps(config, { SLACK_API_URL: options.slack.apiUrl, CHATDASH_API_URL: sandbox.url }, secrets, log);
    const times: number[] = [];
    const requests: number[] = [];
    let allDelivered = true;
    for (let i = 0; i <= options.runs; i++) {
      const id = `bench-overview-${i}`;
      const job: OverviewJob = {
        kind: 'overview',
        idempotencyKey: id,
        requester: { teamId: 'T0DEMO', channelId: AGENCY_CHANNEL, userId: 'U0ALICE', isDirectMessage: false },
        request: { part: 'command', rangeText: '', responseUrl: options.slack.responseUrl(id), requestedAt: new Date().toISOString() },
      };
      const before = sandbox.requests.length;
      const started = performance.now();
      const outcome = await processJob(job, deps);
      const ms = performance.now() - started;
      const answered = options.slack.callsTo('response_url').some((c) => c.body.__responseUrlId === id && c.ok);
      if (i === 0) continue;
      allDelivered &&= outcome === 'delivered' && answered;
      times.push(ms);
      requests.push(sandbox.requests.length - before);
    }
    return {
      projects: options.projects,
      runs: options.runs,
      medianMs: median(times),
      minMs: minOf(times),
      maxMs: maxOf(times),
      requestsPerRun: median(requests),
      maxLoading: Math.max(0, ...loading.slice(1)),
      allDelivered,
      budgetMs: DEFAULT_CHATDASH_BUDGET_MS,
      concurrency: OVERVIEW_LIMITS.concurrency,
      latencyMs,
    };
  } finally {
    await sandbox.close();
  }
}
