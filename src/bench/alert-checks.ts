/**
 * Alert check rounds at scale: N alerts (default 500) on P projects (default 100) checked hourly, through the real
 * tick (claim, one job per project and window) and the real worker handler the way Lambda runs it (SQS batches of
 * 10, `containers` invocations at once, WORKER_CONCURRENCY jobs each), against a ChatDash sandbox serving P
 * look-alike projects. Each round reports the ChatDash requests and the wall time:
 *  - the first check of an hour (nothing kept yet: the hour plus the same hour of the 4 weeks before, per project),
 *  - the same hour a week later (the past weeks come from the window store: one request per project),
 *  - the same again while ChatDash answers some requests with 429 and `Retry-After`.
 * The alert stores and the channels' bindings (made from Slack, so runtime ones) are in memory, or on the DynamoDB
 * state table (`dynamo`: moto's, for the bench), where each round also reports what it read from DynamoDB (read requests
 * and items, counted by the stores: the access re-check's bindings Query per channel per job included).
 */

import { newAlert } from '../alerts/lifecycle.ts';
import type { AlertCondition, AlertMetric } from '../alerts/model.ts';
import type { Config, ProjectConfig } from '../config/schema.ts';
import { createLocalQueue, sqsRecord } from '../jobs/local-queue.ts';
import type { Log } from '../log.ts';
import { DEMO_PROJECTS, findDemoProject, type Sandbox, startSandbox } from '../sandbox/index.ts';
import { createScheduleHandler } from '../schedule/handler.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { createDynamoAlertStores } from '../store/alerts-dynamo.ts';
import { createMemoryAlertStores } from '../store/alerts-memory.ts';
import { createDynamoStore } from '../store/dynamo.ts';
import { createMemoryStore } from '../store/memory.ts';
import { userActor } from '../store/store.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { createMemoryOnceGuard } from '../worker/idempotency.ts';
import { mapLimit } from '../worker/map-limit.ts';

export interface AlertBenchOptions {
  /** Default 500. */
  alerts?: number;
  /** Default 100. */
  projects?: number;
  /** The demo configuration: the bench adds its projects to it. */
  config: Config;
  slack: SlackDouble;
  secrets: SecretsProvider;
  log: Log;
  /** Worker invocations at once (default 5, the event source's maximumConcurrency). */
  containers?: number;
  /** Messages per batch (default 10) and jobs of a batch at once (default 4, WORKER_CONCURRENCY). */
  batchSize?: number;
  concurrency?: number;
  /** 429 answers (Retry-After 1 s) in the last round (default 20). */
  rateLimited?: number;
  /** The alert stores on this DynamoDB state table (default: in memory). */
  dynamo?: { tableName: string; env: NodeJS.ProcessEnv };
}

export interface AlertRound {
  name: string;
  jobs: number;
  alertsChecked: number;
  chatdashRequests: number;
  seconds: number;
  /** The slowest job, from the worker's `job.done` log lines. */
  slowestJobMs: number;
  /** Messages that failed once and were delivered again; messages that failed twice. */
  redelivered: number;
  failed: number;
  /** Read requests and items read from the alert stores and the state store (bindings) in the round (the tick's claims included). */
  storeReads: { requests: number; items: number };
}

export interface AlertBenchResult {
  /** Where the alert stores were: `in memory` or `DynamoDB (moto)`. */
  store: string;
  alerts: number;
  projects: number;
  containers: number;
  batchSize: number;
  concurrency: number;
  rounds: AlertRound[];
}

const HOUR = 3_600_000;
/** Monday 2026-11-16 10:30 Paris (09:30 UTC): every project's settle time has passed for the 09:00–10:00 hour. */
export const ALERT_BENCH_TICK = '2026-11-16T09:30:00.000Z';

const MIX: ReadonlyArray<{ metric: AlertMetric; condition: AlertCondition }> = [
  { metric: { kind: 'understood_rate' }, condition: { kind: 'unusual', direction: 'below' } },
  { metric: { kind: 'understood_rate' }, condition: { kind: 'threshold', direction: 'below', value: 0.8 } },
  { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } },
  { metric: { kind: 'cost_per_conversation' }, condition: { kind: 'threshold', direction: 'above', value: 0.1 } },
  { metric: { kind: 'tokens' }, condition: { kind: 'unusual', direction: 'above' } },
];

function benchChannel(project: ProjectConfig): string {
  return `C0BENCH${project.key.slice(5)}`;
}

export async function runAlertBench(options: AlertBenchOptions): Promise<AlertBenchResult> {
  const alertCount = options.alerts ?? 500;
  const projectCount = options.projects ?? 100;
  const containers = options.containers ?? 5;
  const batchSize = options.batchSize ?? 10;
  const concurrency = options.concurrency ?? 4;
  const template = findDemoProject('proj_demo_shop');
  if (!template) throw new Error('the sandbox has no web-shop demo project');
  const ids = Array.from({ length: projectCount }, (_, i) => String(i + 1).padStart(3, '0'));
  const sandbox: Sandbox = await startSandbox({
    projects: [...DEMO_PROJECTS, ...ids.map((n) => ({ ...template, id: `proj_load_${n}` }))],
  });
  try {
    const projects: ProjectConfig[] = ids.map((n) => ({ key: `load-${n}`, id: `proj_load_${n}`, name: `Load test bot ${n}` }));
    const config: Config = { ...options.config, projects: [...options.config.projects, ...projects] };
    const env = { CHATDASH_API_URL: sandbox.url, SLACK_API_URL: options.slack.apiUrl };
    const once = createMemoryOnceGuard();
    const clock = { now: new Date(ALERT_BENCH_TICK) };
    const lines: Array<{ event: string; ms?: number; kind?: string; alerts?: number; checked?: number }> = [];
    const log: Log = (level, event, fields = {}) => {
      if (event === 'job.done' || event === 'alert_check.done') lines.push({ event, ...(fields as object) });
      if (level === 'error') options.log(level, event, fields);
    };
    const stores = options.dynamo
      ? createDynamoAlertStores({ tableName: options.dynamo.tableName, env: options.dynamo.env, log, now: () => clock.now })
      : createMemoryAlertStores({ log, now: () => clock.now });
    const { store } = stores;
    // The worker's state store, on the same table: each project's alerts post to its own channel, bound to it from Slack
    // (a runtime binding), so every check's access re-check reads the channel's bindings there (one Query per channel).
    const state = options.dynamo
      ? createDynamoStore({ tableName: options.dynamo.tableName, env: options.dynamo.env, log })
      : createMemoryStore({ log });
    await mapLimit(projects, 10, (p) => state.bindChannel(benchChannel(p), p.key, userActor('U0BENCH')));
    const reads = () => ({ requests: stores.reads.requests + state.reads.requests, items: stores.reads.items + state.reads.items });
    const deps = { ...(await buildDeps(config, env, options.secrets, log, { store: state, alerts: stores, once })), now: () => clock.now };
    const worker = createWorkerHandler({ config, env, deps, once, log, concurrency });
    const queue = createLocalQueue();
    const tick = createScheduleHandler({ config: { ...config, subscriptions: [] }, env: {}, queue, alerts: store, log });

    for (let i = 0; i < alertCount; i += 1) {
      const project = projects[i % projects.length] as ProjectConfig;
      const { metric, condition } = MIX[Math.floor(i / projects.length) % MIX.length] as (typeof MIX)[number];
      const made = newAlert(
        {
          teamId: 'T0DEMO',
          channelId: benchChannel(project),
          project: project.key,
          frequency: 'hourly',
          timeZone: 'Europe/Paris',
          metric,
          condition,
        },
        { actor: 'U0BENCH', now: new Date(clock.now.getTime() - HOUR), id: `bench-${String(i).padStart(4, '0')}` },
      );
      if (!made.ok) throw new Error(`bench alert ${i} is invalid`);
      await store.create(made.value.definition, made.value.state, 'U0BENCH');
    }

    const round = async (name: string, at: Date): Promise<AlertRound> => {
      clock.now = at;
      const requestsBefore = sandbox.requests.length;
      const readsBefore = reads();
      lines.length = 0;
      const started = performance.now();
      const jobs = (await tick({ time: at.toISOString() })).alertChecks?.jobs ?? 0;
      const records = queue.drain().Records;
      const batches: (typeof records)[] = [];
      for (let i = 0; i < records.length; i += batchSize) batches.push(records.slice(i, i + batchSize));
      const retry: typeof records = [];
      await mapLimit(batches, containers, async (batch) => {
        const result = await worker({ Records: batch });
        const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
        retry.push(...batch.filter((r) => failed.has(r.messageId)).map((r) => sqsRecord(r.body, r.messageId, 2)));
      });
      const again = retry.length > 0 ? await worker({ Records: retry }) : { batchItemFailures: [] };
      const seconds = (performance.now() - started) / 1000;
      return {
        name,
        jobs,
        alertsChecked: lines.filter((l) => l.event === 'alert_check.done').reduce((a, l) => a + (l.checked ?? 0), 0),
        chatdashRequests: sandbox.requests.length - requestsBefore,
        seconds,
        slowestJobMs: Math.max(0, ...lines.filter((l) => l.event === 'job.done').map((l) => l.ms ?? 0)),
        redelivered: retry.length,
        failed: again.batchItemFailures.length,
        storeReads: { requests: reads().requests - readsBefore.requests, items: reads().items - readsBefore.items },
      };
    };

    const first = new Date(ALERT_BENCH_TICK);
    const rounds = [await round('first check of an hour (no history kept yet)', first)];
    rounds.push(await round('the same hour a week later (history from the store)', new Date(first.getTime() + 7 * 24 * HOUR)));
    const limited = options.rateLimited ?? 20;
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 1, times: limited });
    rounds.push(await round(`…two weeks later, ${limited} answers are 429 (Retry-After 1 s)`, new Date(first.getTime() + 14 * 24 * HOUR)));
    sandbox.setFault(undefined);
    const where = options.dynamo ? 'DynamoDB (moto)' : 'in memory';
    return { store: where, alerts: alertCount, projects: projectCount, containers, batchSize, concurrency, rounds };
  } finally {
    await sandbox.close();
  }
}
