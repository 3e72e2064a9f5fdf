/**
 * Fan-out throughput: every due digest of a big configuration through the real worker handler, the way Lambda
 * would run it. Jobs come in SQS-sized batches of 10 to `containers` worker instances side by side (the event
 * source's maximumConcurrency), each with its own Web API client and the handler's bounded concurrency, sharing
 * one once-guard (DynamoDB's role). The Slack double allows one message per second per channel, as Slack does;
 * the WebClient waits out `Retry-After`. A message that fails goes back on the queue (SQS redelivery) until
 * `maxReceives`, then counts as dead-lettered.
 */

import type { Config } from '../config/schema.ts';
import { sqsRecord } from '../jobs/local-queue.ts';
import type { DigestJob } from '../jobs/schema.ts';
import type { Log } from '../log.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { createMemoryOnceGuard } from '../worker/idempotency.ts';

export interface FanoutOptions {
  config: Config;
  jobs: readonly DigestJob[];
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
  /** 429 answers from the double (each one waited out by the WebClient). */
  rateLimited: number;
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
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  const containers = options.containers ?? 5;
  const batchSize = options.batchSize ?? 10;
  const concurrency = options.concurrency ?? 4;
  const maxReceives = options.maxReceives ?? 4;
  const { slack, config, log } = options;

  slack.reset();
  slack.rateLimitPerChannel(options.perChannelPerSecond ?? 1);
  const once = createMemoryOnceGuard();
  const workers = await Promise.all(
    Array.from({ length: containers }, async () =>
      createWorkerHandler({
        config,
        env: options.env,
        deps: await buildDeps(config, options.env, options.secrets, log),
        once,
        log,
        concurrency,
      }),
    ),
  );

  const queue: Message[] = options.jobs.map((job, i) => ({ body: JSON.stringify(job), id: `fanout-${i}`, receives: 0 }));
  let inFlight = 0;
  let redeliveries = 0;
  let deadLettered = 0;

  const started = performance.now();
  await Promise.all(
    workers.map(async (worker) => {
      for (;;) {
        const batch = queue.splice(0, batchSize);
        if (batch.length === 0) {
          if (inFlight === 0) return;
          await sleep(10);
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
              queue.push(m);
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
  for (const job of options.jobs) {
    const channel = byName.get(job.subscription)?.channel ?? '?';
    expected.set(channel, (expected.get(channel) ?? 0) + 1);
  }
  let channelMismatches = 0;
  for (const [channel, n] of expected) if (perChannel.get(channel) !== n) channelMismatches++;

  return {
    jobs: options.jobs.length,
    posted: ok.length,
    channelMismatches,
    seconds,
    digestsPerSecond: ok.length / seconds,
    rateLimited: posts.filter((c) => c.error === 'ratelimited').length,
    redeliveries,
    deadLettered,
    containers,
    batchSize,
    concurrency,
  };
}
