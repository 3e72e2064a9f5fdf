/**
 * The bot on loopback: the ChatDash sandbox, the Slack Web API double, the real HTTP handler (demo configuration,
 * local queue, runtime bindings and the subscription UI's state from an in-memory state store) and the real worker over the same store, with every
 * log line kept. `useBot()` gives a test file one, started once and reset before each test; `startBot()` is the
 * same without the hooks.
 */
import type { Config } from '../../src/config/schema.ts';
import { createLocalQueue, type LocalQueue } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import type { Log } from '../../src/log.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.ts';
import type { Secrets } from '../../src/secrets/secrets.ts';
import { createHttpHandler, type HttpHandler } from '../../src/slack/http-handler.ts';
import {
  eventsApiEvent,
  interactionEvent,
  type SignOptions,
  type SlashCommand,
  slashCommandEvent,
} from '../../src/slack-double/requests.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { createMemoryAlertStores, type MemoryAlertStores } from '../../src/store/alerts-memory.ts';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory.ts';
import { createMemoryTable } from '../../src/store/memory-table.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import type { WorkerDeps } from '../../src/worker/deps.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { demoConfig } from './config.ts';
import { useService } from './late.ts';
import { type LogLine, recordingLog } from './log.ts';
import type { sqsEvent } from './payloads.ts';
import { resetSandbox } from './sandbox.ts';
import { BOT_TOKEN, CHATDASH_KEY, SECRETS } from './secrets.ts';

export interface AwsResult {
  statusCode: number;
  body: string;
  headers?: Record<string, unknown>;
}

export interface Answer {
  response: AwsResult;
  /** The JSON body, when there is one. */
  json: { text?: string; blocks?: unknown[]; response_type?: string; challenge?: string } | undefined;
}

export interface WorkerOptions {
  /** Default: `bot.deps()`. */
  deps?: WorkerDeps;
  /** Default: a fresh memory guard. */
  once?: OnceGuard;
  /** Default: the demo configuration. */
  config?: Config;
  /** Jobs of one batch at once (default: the worker's). */
  concurrency?: number;
}

export interface Bot {
  config: Config;
  sandbox: Sandbox;
  slack: SlackDouble;
  queue: LocalQueue;
  /** The runtime state store (in memory, emptied before each test): the HTTP handler's bindings, the worker's store. */
  store: MemoryStore;
  /** The alert stores (in memory, on the state store's table): the HTTP handler's alerts UI, the worker's alert checks. */
  alerts: MemoryAlertStores;
  http: HttpHandler;
  env: Record<string, string>;
  /** Every log line written by the handler, the worker and the dead-letter function (JSON). */
  lines: string[];
  /** The log lines parsed. */
  entries(): LogLine[];
  log: Log;
  /**
   * Worker deps from `buildDeps` (the real ChatDash client and WebClient, the bot's `store`; no queue for re-queued
   * digests, which wait in place), optionally with overrides.
   */
  deps(overrides?: Partial<WorkerDeps>, secrets?: Partial<Secrets>): Promise<WorkerDeps>;
  worker(options?: WorkerOptions): Promise<WorkerHandler>;
  /** Sends a signed `/chatdash <text>`; returns the HTTP answer, its parsed body and how long it took. */
  command(text: string, extra?: Partial<SlashCommand>, sign?: SignOptions): Promise<Answer>;
  click(payload: object, sign?: SignOptions): Promise<Answer>;
  event(payload: object, sign?: SignOptions): Promise<Answer>;
  /** The queued jobs, parsed (and the SQS event that carries them). */
  drain(): { event: ReturnType<typeof sqsEvent>; jobs: Job[] };
  /** Forget calls, requests, faults, queued jobs, stored state and log lines. */
  reset(): void;
  close(): Promise<void>;
}

export interface BotOptions {
  /** Where the HTTP handler puts jobs (default: the bot's local `queue`). */
  queue?: JobQueue;
  /** The configuration of the handler and the worker (default: the demo configuration). */
  config?: Config;
  /** The sandbox's projects, faults and clock (default: the demo projects, no faults, the real clock). */
  sandbox?: Omit<SandboxOptions, 'apiKey' | 'host' | 'port'>;
}

/** A bot for this test file: started in beforeAll, reset before each test, closed in afterAll. */
export function useBot(options: BotOptions = {}): Bot {
  return useService('the test bot', { start: () => startBot(options), reset: (bot) => bot.reset(), stop: (bot) => bot.close() });
}

export async function startBot(options: BotOptions = {}): Promise<Bot> {
  const sandbox = await startSandbox({ ...options.sandbox, apiKey: CHATDASH_KEY });
  const slack = await startSlackDouble({ token: BOT_TOKEN, users: { U0ALICE: { tz: 'Europe/Paris' } } });
  const { log, lines, entries } = recordingLog();
  const env = { SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url, JOBS_QUEUE_URL: 'unused-local-queue' };
  const queue = createLocalQueue();
  const config = options.config ?? demoConfig;
  // One table, as on AWS: the state store and the alert stores share it (and `store.clear()` empties both).
  const table = createMemoryTable();
  const store = createMemoryStore({ log, table });
  const alerts = createMemoryAlertStores({ log, table });
  const http = createHttpHandler({
    config,
    env,
    queue: options.queue ?? queue,
    bindings: store,
    store,
    alerts: alerts.store,
    secrets: async () => SECRETS,
    log,
  });

  // No timing here on purpose: tests assert behaviour, speed is measured by `npm run bench`.
  const answered = async (run: () => Promise<AwsResult>): Promise<Answer> => {
    const response = await run();
    let json: Answer['json'];
    try {
      json = response.body ? (JSON.parse(response.body) as Answer['json']) : undefined;
    } catch {
      json = undefined;
    }
    return { response, json };
  };

  const deps: Bot['deps'] = async (overrides = {}, secrets = {}) => ({
    ...(await buildDeps(config, env, async () => ({ ...SECRETS, ...secrets }), log, { store, alerts })),
    // No SQS queue for re-queues (env's JOBS_QUEUE_URL is a placeholder): a digest waits for its channel in place.
    queue: undefined,
    ...overrides,
  });

  return {
    config,
    sandbox,
    slack,
    queue,
    store,
    alerts,
    http,
    env,
    lines,
    entries,
    log,
    deps,
    async worker(opts = {}) {
      return createWorkerHandler({
        config: opts.config ?? config,
        env,
        deps: opts.deps ?? (await deps()),
        once: opts.once ?? createMemoryOnceGuard(),
        log,
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
      });
    },
    command: (text, extra = {}, sign = {}) =>
      answered(() => http(slashCommandEvent({ text, response_url: slack.responseUrl(), ...extra }, sign)) as Promise<AwsResult>),
    click: (payload, sign = {}) => answered(() => http(interactionEvent(payload, sign)) as Promise<AwsResult>),
    event: (payload, sign = {}) => answered(() => http(eventsApiEvent(payload, sign)) as Promise<AwsResult>),
    drain() {
      const event = queue.drain();
      return { event, jobs: event.Records.map((r) => JSON.parse(r.body) as Job) };
    },
    reset() {
      slack.reset();
      resetSandbox(sandbox);
      queue.drain();
      store.clear();
      lines.length = 0;
    },
    async close() {
      await slack.close();
      await sandbox.close();
    },
  };
}

/** Everything Slack saw plus every log line (and any extra values), as one text to search for secrets. */
export function everythingSeen(bot: Bot, extra: unknown[] = []): string {
  return [JSON.stringify(bot.slack.calls), ...bot.lines, ...extra.map((x) => JSON.stringify(x))].join('\n');
}
