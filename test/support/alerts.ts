/**
 * The alert engine on loopback, for end-to-end tests: the test bot (`startBot`: ChatDash sandbox, Slack double, real
 * HTTP handler and worker) plus the alert stores (in memory unless the test brings its own, e.g. DynamoDB on moto),
 * the real tick (the schedule handler, with the alert store) and a worker whose clock the test moves. The sandbox runs
 * on that same clock (its `now`), so every time-dependent behaviour of its data (rhythm, incidents, emerging messages,
 * degrading projects) agrees with the checks.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { type AlertInput, newAlert } from '../../src/alerts/lifecycle.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';
import type { AlertStores } from '../../src/alerts/store.ts';
import { createLocalQueue, type LocalQueue } from '../../src/jobs/local-queue.ts';
import type { AlertCheckJob } from '../../src/jobs/schema.ts';
import { createScheduleHandler, type ScheduleHandler, type TickResult } from '../../src/schedule/handler.ts';
import type { SlackCall } from '../../src/slack-double/server.ts';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import type { AlertWorkerDeps } from '../../src/worker/alert-check.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import type { WorkerDeps } from '../../src/worker/deps.ts';
import type { WorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { type Bot, startBot } from './bot.ts';
import type { LogLine } from './log.ts';
import { BOT_TOKEN, SECRETS } from './secrets.ts';
import { postsTo } from './slack-messages.ts';

export const ALERT_CHANNEL = 'C0SHOP';
/** The sandbox's web-shop bot (project key `shop`). */
export const SHOP = 'proj_demo_shop';
/** The tests' usual alert: understood rate below 85% (fires on the first bad hour). */
export const UNDERSTOOD_BELOW_85: Pick<AlertInput, 'metric' | 'condition'> = {
  metric: { kind: 'understood_rate' },
  condition: { kind: 'threshold', direction: 'below', value: 0.85 },
};

export interface AlertBed {
  /** The test bot the alerts run in: `bot.event`/`bot.click` for the alert's thread, `bot.sandbox`, `bot.slack`. */
  bot: Bot;
  /** What the worker's alert checks use (replace a store to make it fail: the tick keeps the original). */
  alerts: AlertWorkerDeps;
  /** The real schedule handler, with the alert store and no YAML digests (`tick` calls it). */
  schedule: ScheduleHandler;
  /** Where the schedule queues the checks (`tick` drains it into the worker). */
  queue: LocalQueue;
  /** The log lines so far, parsed. */
  entries(): LogLine[];
  /** The simulated current time (the worker's and the sandbox's `now`). */
  clock: { now: Date };
  /** The worker on the simulated clock, with the alert stores. */
  worker: WorkerHandler;
  /** Creates an alert on shop in C0SHOP (hourly, Europe/Paris unless given) as U0ALICE at the clock's time. */
  create(input: Partial<AlertInput> & Pick<AlertInput, 'metric' | 'condition'>, id?: string): Promise<StoredAlert>;
  /** One tick at `at` (the clock moves there): the schedule handler queues the due alerts' jobs → the worker. */
  tick(at: Date): Promise<{ jobs: AlertCheckJob[]; result: SQSBatchResponse; ticked: TickResult }>;
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

export interface AlertBedOptions {
  /** The simulated time at start. */
  start: Date;
  /** The worker's idempotency guard (default: a memory guard). */
  once?: OnceGuard;
  /**
   * More environment for the schedule handler and the worker's deps, e.g. `STATE_TABLE` and moto's endpoint: then
   * both make their stores from it, as in AWS (default: in-memory alert stores handed to both).
   */
  env?: Record<string, string>;
  /** The schedule handler's environment over `env` (e.g. another endpoint, to tell its requests from the worker's). */
  scheduleEnv?: Record<string, string>;
}

export async function startAlertBed(options: AlertBedOptions): Promise<AlertBed> {
  const clock = { now: options.start };
  const bot = await startBot({ sandbox: { now: () => clock.now.getTime() } });
  const once = options.once ?? createMemoryOnceGuard();
  const queue = createLocalQueue();
  // The schedule's YAML digests are not these tests' business.
  const config = { ...bot.config, subscriptions: [] };
  let alerts: AlertWorkerDeps;
  let deps: WorkerDeps;
  let schedule: ScheduleHandler;
  if (options.env) {
    const env = { ...bot.env, ...options.env };
    deps = { ...(await buildDeps(bot.config, env, async () => SECRETS, bot.log, { once })), queue: undefined, now: () => clock.now };
    alerts = deps.alerts!;
    schedule = createScheduleHandler({ config, env: { ...env, ...options.scheduleEnv }, queue, log: bot.log });
  } else {
    const stores: AlertStores = createMemoryAlertStores({ log: bot.log, now: () => clock.now });
    alerts = { store: stores.store, windows: stores.windows, outages: stores.outages, once };
    deps = await bot.deps({ alerts, now: () => clock.now });
    schedule = createScheduleHandler({ config, env: {}, queue, alerts: stores.store, log: bot.log });
  }
  const worker = await bot.worker({ deps, once });

  const tick: AlertBed['tick'] = async (at) => {
    clock.now = at;
    const ticked = await schedule({ time: at.toISOString() });
    const event = queue.drain();
    const jobs = event.Records.map((r) => JSON.parse(r.body) as AlertCheckJob);
    return { jobs, result: await worker(event), ticked };
  };

  return {
    bot,
    alerts,
    schedule,
    queue,
    entries: () => bot.entries(),
    clock,
    worker,
    async create(input, id) {
      const made = newAlert(
        { teamId: 'T0DEMO', channelId: ALERT_CHANNEL, project: 'shop', frequency: 'hourly', timeZone: 'Europe/Paris', ...input },
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
    posts: () => postsTo(bot.slack, ALERT_CHANNEL),
    postedTs: (kind) =>
      bot
        .entries()
        .filter((l) => l.event === 'alert.posted' && l.kind === kind)
        .map((l) => String(l.ts)),
    async thread(ts) {
      const answer = await fetch(`${bot.slack.apiUrl}conversations.replies`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: ALERT_CHANNEL, ts }),
      });
      return ((await answer.json()) as { messages?: Array<{ ts: string; text: string; thread_ts?: string }> }).messages ?? [];
    },
    close: () => bot.close(),
  };
}
