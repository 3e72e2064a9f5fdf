/**
 * The worker Lambda: consumes the jobs queue. Each message runs at most once per idempotency key; a message
 * that fails is reported back to SQS alone (ReportBatchItemFailures), retried with the queue's backoff and,
 * after `maxReceiveCount` tries, moved to the dead-letter queue, whose function reports it.
 */

import { WebClient } from '@slack/web-api';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createChatDashClient, DEFAULT_CHATDASH_API_URL } from '../chatdash/client.ts';
import type { Config } from '../config/schema.ts';
import { Job } from '../jobs/schema.ts';
import { parseJsonAs } from '../json.ts';
import { lazy } from '../lazy.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { createSecretsProvider, type SecretsProvider } from '../secrets/secrets.ts';
import { slackLogger } from '../slack/logger.ts';
import type { WorkerDeps } from './deps.ts';
import { createDynamoOnceGuard, createMemoryOnceGuard, type OnceGuard } from './idempotency.ts';
import { mapLimit } from './map-limit.ts';
import { idempotencyKeyOf, preloadRunners, processJob } from './process-job.ts';
import { createResponder } from './respond.ts';

export interface WorkerOptions {
  config: Config;
  env?: NodeJS.ProcessEnv;
  secrets?: SecretsProvider;
  /** Replaces the deps built from secrets and env (tests, demo). */
  deps?: WorkerDeps;
  once?: OnceGuard;
  log?: Log;
  /** Messages of one batch processed at once (default `WORKER_CONCURRENCY` or 4). */
  concurrency?: number;
}

export type WorkerHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export function createWorkerHandler(options: WorkerOptions): WorkerHandler {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  const once =
    options.once ?? (env.IDEMPOTENCY_TABLE ? createDynamoOnceGuard({ tableName: env.IDEMPOTENCY_TABLE, env }) : createMemoryOnceGuard());
  const concurrency = options.concurrency ?? (Number(env.WORKER_CONCURRENCY) || 4);
  const deps = options.deps
    ? async () => options.deps!
    : lazy(() => buildDeps(options.config, env, options.secrets ?? createSecretsProvider(env), log));

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
        const key = await idempotencyKeyOf(parsed, ready.config);
        const { outcome } = await once.once(key, async () => ({ outcome: await processJob(parsed, ready) }));
        log('info', 'job.done', {
          kind: parsed.kind,
          outcome,
          ms: Date.now() - started,
          receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? 1),
        });
      } catch (error) {
        log('warn', 'job.failed', { kind: parsed.kind, messageId: record.messageId, ...errorFields(error) });
        failures.push({ itemIdentifier: record.messageId });
      }
    });
    return { batchItemFailures: failures };
  };
}

export function parseJob(body: string): Job | undefined {
  return parseJsonAs(Job, body);
}

export async function buildDeps(config: Config, env: NodeJS.ProcessEnv, secrets: SecretsProvider, log: Log): Promise<WorkerDeps> {
  const { slackBotToken, chatdashApiKey } = await secrets();
  return {
    config,
    chatdash: createChatDashClient({
      apiKey: chatdashApiKey,
      baseUrl: env.CHATDASH_API_URL || DEFAULT_CHATDASH_API_URL,
      log: (event, fields) => log('info', `chatdash.${event}`, fields),
    }),
    slack: new WebClient(slackBotToken, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      // Waits out `ratelimited` answers (Retry-After) and retries 5xx a few times, within the Lambda's timeout.
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
      logger: slackLogger(log, 'slack.web_api'),
    }),
    slackFiles: new WebClient(slackBotToken, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 1000 },
      logger: slackLogger(log, 'slack.web_api.files'),
    }),
    respond: createResponder(),
    log,
    now: () => new Date(),
    charts: { enabled: env.CHARTS !== 'off' },
  };
}
