/**
 * The worker Lambda: consumes the jobs queue. Each message runs at most once per idempotency key; a message
 * that fails is reported back to SQS alone (ReportBatchItemFailures), retried with the queue's backoff and,
 * after `maxReceiveCount` tries, moved to the dead-letter queue, whose function reports it. A digest that has to
 * wait for its channel's turn (Slack's per-channel rate limit) is sent back to the queue with a delay instead of
 * holding its slot (see post-digest.ts), and its message counts as done.
 */

import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Config } from '../config/schema.ts';
import { parseJob } from '../jobs/parse.ts';
import { lazy } from '../lazy.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { createSecretsProvider, type SecretsProvider } from '../secrets/secrets.ts';
import { buildDeps } from './build-deps.ts';
import type { WorkerDeps } from './deps.ts';
import { type OnceGuard, onceGuardFromEnv } from './idempotency.ts';
import { mapLimit } from './map-limit.ts';
import { idempotencyKeyOf, preloadRunners, processJob } from './process-job.ts';
import { RequeueRequested } from './requeue.ts';

export interface WorkerOptions {
  /** Projects, channels, subscriptions (validated; the build embeds it). Required. */
  config: Config;
  /** Where `IDEMPOTENCY_TABLE`, `WORKER_CONCURRENCY`, `CHATDASH_API_URL`, `SLACK_API_URL`, `STATE_TABLE`/`STATE_FILE`, `JOBS_QUEUE_URL` and the secrets' source are read. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The bot token and ChatDash key. Default: `createSecretsProvider(env)` (Secrets Manager at `SECRET_ID`, else the environment). Unused when `deps` is given. */
  secrets?: SecretsProvider;
  /** Replaces the deps built from `secrets` and `env` (tests, demo, bench). Default: `buildDeps(config, env, secrets, log, { once })`, built once on the first batch (a failure is retried on the next). */
  deps?: WorkerDeps;
  /** Runs each idempotency key once. Default: DynamoDB (Powertools) at `IDEMPOTENCY_TABLE` when set, else a per-process memory guard. */
  once?: OnceGuard;
  /** Structured log. Default: JSON lines on stdout (`createLog()`). */
  log?: Log;
  /** Messages of one batch processed at once. Default: `WORKER_CONCURRENCY`, else 4. */
  concurrency?: number;
}

export type WorkerHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export function createWorkerHandler(options: WorkerOptions): WorkerHandler {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  const once = options.once ?? onceGuardFromEnv(env);
  const concurrency = options.concurrency ?? (Number(env.WORKER_CONCURRENCY) || 4);
  const deps = options.deps
    ? async () => options.deps!
    : lazy(() => buildDeps(options.config, env, options.secrets ?? createSecretsProvider(env), log, { once }));

  return async (event, context) => {
    if (context) once.registerLambdaContext?.(context);
    // Each job kind's code loads while the deps are made (the secret, in AWS).
    preloadRunners(event.Records.map((record) => parseJob(record.body)?.kind));
    const ready = await deps();
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    await mapLimit(event.Records, concurrency, async (record) => {
      const parsed = parseJob(record.body);
      if (!parsed) {
        log('error', 'job.invalid', { messageId: record.messageId });
        failures.push({ itemIdentifier: record.messageId });
        return;
      }
      const started = Date.now();
      try {
        const key = await idempotencyKeyOf(parsed, ready);
        const { outcome } = await once.once(key, async () => ({ outcome: await processJob(parsed, ready) }));
        log('info', 'job.done', {
          kind: parsed.kind,
          outcome,
          ms: Date.now() - started,
          receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
        });
      } catch (error) {
        if (error instanceof RequeueRequested && (parsed.kind === 'digest' || parsed.kind === 'send_now') && ready.queue) {
          try {
            await ready.queue.send({ ...parsed, requeues: (parsed.requeues ?? 0) + 1 }, { delaySeconds: error.delaySeconds });
            log('info', 'job.requeued', { kind: parsed.kind, delaySeconds: error.delaySeconds, requeues: (parsed.requeues ?? 0) + 1 });
            return;
          } catch (sendError) {
            log('warn', 'job.requeue_failed', { kind: parsed.kind, ...errorFields(sendError) });
          }
        }
        log('warn', 'job.failed', { kind: parsed.kind, messageId: record.messageId, ...errorFields(error) });
        failures.push({ itemIdentifier: record.messageId });
      }
    });
    return { batchItemFailures: failures };
  };
}
