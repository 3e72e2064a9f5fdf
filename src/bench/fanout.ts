/**
 * Fan-out throughput: every due digest of a big configuration through the real worker handler, the way Lambda
 * would run it. The jobs are the real tick's (each channel's digests spread a second apart with SQS delays); a queue
 * stand-in honours those delays and the worker's own re-queues (a digest whose channel's next slot is more than a
 * moment away, or that met a `ratelimited` answer, comes back later instead of holding its slot). Jobs reach
 * `containers` worker instances side by side (the event source's maximumConcurrency) in SQS-sized batches, each
 * instance with its own Web API clients and the handler's bounded concurrency, all sharing one once-guard
 * (DynamoDB's role) and one state store (the per-channel pacer). The Slack double allows one message per second per
 * channel, as Slack does. A message that fails goes back on the queue (SQS redelivery) until `maxReceives`, then
 * counts as dead-lettered.
 */

import type { Config } from '../config/schema.ts';
import { sqsRecord } from '../jobs/local-queue.ts';
import type { JobQueue, SendOptions } from '../jobs/queue.ts';
import type { DigestJob, Job } from '../jobs/schema.ts';
import type { Log } from '../log.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { createMemoryStore } from '../store/memory.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { createMemoryOnceGuard } from '../worker/idempotency.ts';

export interface FanoutOptions {
  config: Config;
  /** The tick's jobs, with the delay it queued each with. */
  jobs: readonly { job: DigestJob; delaySeconds: number }[];
  /** `SLACK_API_URL` and `CHATDASH_API_URL` for the worker. */
  env: NodeJS.ProcessEnv;
  secrets: SecretsProvider;
  slack: SlackDouble;
  log: Log;
  /** Worker instances at once (default 5, the stack's maximumConcurrency). */
  containers?: number;
  /** Messages per batch (default 10, the stack's batchSize). */
  batchSize?: number;
  /** Jobs per batch processed at once (default 4, the stack's WORKER_CONCURRENCY). */
  concurrency?: number;
  /** Deliveries before a message is dead-lettered (default 4, the stack's maxReceiveCount). */
  maxReceives?: number;
  /** Per-channel message rate the double enforces (default 1 per second). */
  perChannelPerSecond?: number;
}

export interface FanoutResult {
  jobs: number;
  posted: number;
  /** Channels that got a different number of digests than subscriptions they have. */
  channelMismatches: number;
  seconds: number;
  digestsPerSecond: number;
  /** The busiest channel's digests at Slack's per-channel rate: nothing can finish sooner. */
  floorSeconds: number;
  /** `seconds / floorSeconds`. */
  ratioToFloor: number;
  /** 429 answers from the double. */
  rateLimited: number;
  /** Jobs the worker put back on the queue with a delay instead of waiting in its slot. */
  requeued: number;
  /** Messages delivered again after a failed try. */
  redeliveries: number;
  deadLettered: number;
  containers: number;
  batchSize: number;
  concurrency: number;
}

interface Message {
  body: string;
  id: string;
  receives: number;
  visibleAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The queue stand-in: messages become visible after their delay, oldest first. */
function delayQueue() {
  const waiting: Message[] = [];
  let counter = 0;
  let requeued = 0;
  const add = (job: Job, delaySeconds = 0, requeue = false) => {
    if (requeue) requeued++;
    waiting.push({ body: JSON.stringify(job), id: `fanout-${counter++}`, receives: 0, visibleAt: performance.now() + delaySeconds * 1000 });
  };
  const queue: JobQueue = {
    async send(job: Job, options?: SendOptions) {
      add(job, options?.delaySeconds, true);
    },
  };
  return {
    queue,
    add,
    get requeued() {
      return requeued;
    },
    get size() {
      return waiting.length;
    },
    /** Up to `n` visible messages, oldest first; or how long until the next one is visible. */
    take(n: number): Message[] | { waitMs: number } {
      const now = performance.now();
      waiting.sort((a, b) => a.visibleAt - b.visibleAt);
      const visible = waiting.findIndex((m) => m.visibleAt > now);
      const count = Math.min(n, visible < 0 ? waiting.length : visible);
      if (count === 0) return { waitMs: waiting.length > 0 ? Math.max(1, (waiting[0]?.visibleAt ?? now) - now) : 10 };
      return waiting.splice(0, count);
    },
    redeliver(message: Message) {
      waiting.push({ ...message, visibleAt: performance.now() });
    },
  };
}

export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  const containers = options.containers ?? 5;
  const batchSize = options.batchSize ?? 10;
  const concurrency = options.concurrency ?? 4;
  const maxReceives = options.maxReceives ?? 4;
  const perSecond = options.perChannelPerSecond ?? 1;
  const { slack, config, log } = options;

  slack.reset();
  slack.rateLimitPerChannel(perSecond);
  const once = createMemoryOnceGuard();
  const store = createMemoryStore({ log });
  const jobs = delayQueue();
  const workers = await Promise.all(
    Array.from({ length: containers }, async () =>
      createWorkerHandler({
        config,
        env: options.env,
        deps: { ...(await buildDeps(config, options.env, options.secrets, log)), store, queue: jobs.queue },
        once,
        log,
        concurrency,
      }),
    ),
  );

  let inFlight = 0;
  let redeliveries = 0;
  let deadLettered = 0;

  const started = performance.now();
  for (const { job, delaySeconds } of options.jobs) jobs.add(job, delaySeconds);
  await Promise.all(
    workers.map(async (worker) => {
      for (;;) {
        const batch = jobs.take(batchSize);
        if (!Array.isArray(batch)) {
          if (jobs.size === 0 && inFlight === 0) return;
          await sleep(Math.min(batch.waitMs, 10));
          continue;
        }
        inFlight++;
        try {
          for (const m of batch) m.receives++;
          const result = await worker({ Records: batch.map((m) => sqsRecord(m.body, m.id, m.receives)) });
          const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
          for (const m of batch) {
            if (!failed.has(m.id)) continue;
            if (m.receives >= maxReceives) deadLettered++;
            else {
              redeliveries++;
              jobs.redeliver(m);
            }
          }
        } finally {
          inFlight--;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  slack.rateLimitPerChannel(undefined);

  const posts = slack.callsTo('chat.postMessage');
  const ok = posts.filter((c) => c.ok);
  const perChannel = new Map<string, number>();
  for (const c of ok) perChannel.set(String(c.body.channel), (perChannel.get(String(c.body.channel)) ?? 0) + 1);
  const expected = new Map<string, number>();
  const byName = new Map(config.subscriptions.map((s) => [s.name, s]));
  for (const { job } of options.jobs) {
    const channel = byName.get(job.subscription)?.channel ?? '?';
    expected.set(channel, (expected.get(channel) ?? 0) + 1);
  }
  let channelMismatches = 0;
  for (const [channel, n] of expected) if (perChannel.get(channel) !== n) channelMismatches++;
  const floorSeconds = Math.max(0, ...expected.values()) / perSecond;

  return {
    jobs: options.jobs.length,
    posted: ok.length,
    channelMismatches,
    seconds,
    digestsPerSecond: ok.length / seconds,
    floorSeconds,
    ratioToFloor: floorSeconds > 0 ? seconds / floorSeconds : Number.NaN,
    rateLimited: posts.filter((c) => c.error === 'ratelimited').length,
    requeued: jobs.requeued,
    redeliveries,
    deadLettered,
    containers,
    batchSize,
    concurrency,
  };
}
