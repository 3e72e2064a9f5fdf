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
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { AlertCheckJob } from '../../src/jobs/schema.ts';
import { createScheduleHandler, type ScheduleHandler, type TickResult } from '../../src/schedule/handler.ts';
import type { SlackCall } from '../../src/slack-double/server.ts';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import type { AlertWorkerDeps } from '../../src/worker/alert-check.ts';
import type { WorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { type Bot, startBot } from './bot.ts';
import type { LogLine } from './log.ts';
import { BOT_TOKEN } from './secrets.ts';
import { postsTo } from './slack-messages.ts';

export const ALERT_CHANNEL = 'C0SHOP';
/** The sandbox's web-shop bot (project key `shop`). */
export const SHOP = 'proj_demo_shop';

export interface AlertBed {
  /** The test bot the alerts run in: `bot.event`/`bot.click` for the alert's thread, `bot.sandbox`, `bot.slack`. */
  bot: Bot;
  /** What the worker's alert checks use (replace a store to make it fail: the tick keeps the original). */
  alerts: AlertWorkerDeps;
  /** The real schedule handler, with the alert store and no YAML digests (`tick` calls it). */
  schedule: ScheduleHandler;
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
  /** The alert stores, made with the bot's log and the bed's clock (default: in memory). */
  stores?: (made: { log: Bot['log']; now: () => Date }) => AlertStores;
}

export async function startAlertBed(options: AlertBedOptions): Promise<AlertBed> {
  const clock = { now: options.start };
  const bot = await startBot({ sandbox: { now: () => clock.now.getTime() } });
  const once = options.once ?? createMemoryOnceGuard();
  const made = { log: bot.log, now: () => clock.now };
  const stores = options.stores?.(made) ?? createMemoryAlertStores(made);
  const alerts: AlertWorkerDeps = { store: stores.store, windows: stores.windows, outages: stores.outages, once };
  const worker = await bot.worker({ deps: await bot.deps({ alerts, now: () => clock.now }), once });
  const queue = createLocalQueue();
  const schedule = createScheduleHandler({
    config: { ...bot.config, subscriptions: [] },
    env: {},
    queue,
    alerts: stores.store,
    log: bot.log,
  });

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
