/**
 * The alert engine on loopback, for end-to-end tests: the ChatDash sandbox, the Slack Web API double, the in-memory
 * alert store, the real tick (`queueDueAlertChecks`) and the real worker handler on the queued jobs, with a clock
 * the test moves (the sandbox's data depends only on the instants queried, so any date works).
 */
import type { SQSBatchResponse } from 'aws-lambda';
import type { AlertWorkerDeps } from '../../src/alerts/check.ts';
import { type AlertInput, newAlert } from '../../src/alerts/lifecycle.ts';
import { createMemoryAlertStore, createMemoryWindowStore } from '../../src/alerts/memory-store.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';
import { queueDueAlertChecks } from '../../src/alerts/tick.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { AlertCheckJob } from '../../src/jobs/schema.ts';
import { createLog, type Log } from '../../src/log.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { type SlackCall, type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { buildDeps, createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';

export const ALERT_CHANNEL = 'C0NOVA';
export const NOVA = 'proj_demo_shop';
const TOKEN = 'xoxb-test-token';

export interface AlertBed {
  config: Config;
  sandbox: Sandbox;
  slack: SlackDouble;
  alerts: AlertWorkerDeps & { windows: ReturnType<typeof createMemoryWindowStore> };
  /** Every log line, parsed. */
  lines: Array<Record<string, unknown>>;
  log: Log;
  /** The simulated current time (the worker's `now`). */
  clock: { now: Date };
  worker: WorkerHandler;
  /** Creates an alert on nova in C0NOVA (hourly, Europe/Paris unless given) as U0ALICE at the clock's time. */
  create(input: Partial<AlertInput> & Pick<AlertInput, 'metric' | 'condition'>, id?: string): Promise<StoredAlert>;
  /** One tick at `at` (the clock moves there): due alerts → jobs → the worker. */
  tick(at: Date): Promise<{ jobs: AlertCheckJob[]; result: SQSBatchResponse }>;
  /** Ticks every `stepMinutes` from the clock's time to `until` (inclusive); the jobs run. */
  runUntil(until: Date, stepMinutes?: number): Promise<AlertCheckJob[]>;
  /** Successful chat.postMessage calls to the alert channel. */
  posts(): SlackCall[];
  /** The ts Slack gave each posted notice, from the worker's `alert.posted` log lines. */
  postedTs(kind: 'fire' | 'reminder' | 'recovery'): string[];
  /** A thread as `conversations.replies` returns it: root first. */
  thread(ts: string): Promise<Array<{ ts: string; text: string; thread_ts?: string }>>;
  close(): Promise<void>;
}

export async function startAlertBed(options: { once?: OnceGuard; start: Date }): Promise<AlertBed> {
  const config = loadConfigFile(DEMO_CONFIG_PATH);
  const sandbox = await startSandbox();
  const slack = await startSlackDouble({ token: TOKEN });
  const lines: Array<Record<string, unknown>> = [];
  const log = createLog({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const clock = { now: options.start };
  const once = options.once ?? createMemoryOnceGuard();
  const alerts = { store: createMemoryAlertStore({ log }), windows: createMemoryWindowStore(), once };
  const env = { CHATDASH_API_URL: sandbox.url, SLACK_API_URL: slack.apiUrl };
  const base = await buildDeps(
    config,
    env,
    async () => ({ slackSigningSecret: 'unused', slackBotToken: TOKEN, chatdashApiKey: sandbox.apiKey }),
    log,
  );
  const deps = { ...base, alerts, now: () => clock.now };
  const worker = createWorkerHandler({ config, env, deps, once, log });
  const queue = createLocalQueue();

  const tick: AlertBed['tick'] = async (at) => {
    clock.now = at;
    await queueDueAlertChecks({ store: alerts.store, queue, now: at, log });
    const event = queue.drain();
    const jobs = event.Records.map((r) => JSON.parse(r.body) as AlertCheckJob);
    return { jobs, result: await worker(event) };
  };

  return {
    config,
    sandbox,
    slack,
    alerts,
    lines,
    log,
    clock,
    worker,
    async create(input, id) {
      const made = newAlert(
        { teamId: 'T0DEMO', channelId: ALERT_CHANNEL, project: 'nova', frequency: 'hourly', timeZone: 'Europe/Paris', ...input },
        { actor: 'U0ALICE', now: clock.now, ...(id ? { id } : {}) },
      );
      if (!made.ok) throw new Error(`invalid alert: ${JSON.stringify(made.issues)}`);
      return alerts.store.create(made.value.definition, made.value.state, 'U0ALICE');
    },
    tick,
    async runUntil(until, stepMinutes = 5) {
      const all: AlertCheckJob[] = [];
      for (let t = clock.now.getTime(); t <= until.getTime(); t += stepMinutes * 60_000) {
        const { jobs, result } = await tick(new Date(t));
        if (result.batchItemFailures.length > 0) throw new Error(`worker failures at ${new Date(t).toISOString()}`);
        all.push(...jobs);
      }
      return all;
    },
    posts: () => slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.channel === ALERT_CHANNEL),
    postedTs: (kind) => lines.filter((l) => l.event === 'alert.posted' && l.kind === kind).map((l) => String(l.ts)),
    async thread(ts) {
      const answer = await fetch(`${slack.apiUrl}conversations.replies`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: ALERT_CHANNEL, ts }),
      });
      return ((await answer.json()) as { messages?: Array<{ ts: string; text: string; thread_ts?: string }> }).messages ?? [];
    },
    async close() {
      await slack.close();
      await sandbox.close();
    },
  };
}
