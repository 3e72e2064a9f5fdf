/**
 * Sends jobs to SQS with one SigV4-signed HTTPS request per call (SQS's JSON protocol, see `signed-call.ts`), no
 * AWS SDK: this runs on the slash-command ack path, where the SDK client would add ~320 KB and ~40 ms of module
 * load for the one call we make.
 *
 * A job may carry a delay (SQS `DelaySeconds`, 0–900 s): the scheduler spreads one channel's digests a second apart,
 * and the worker puts a rate-limited digest back with a delay instead of waiting in its slot.
 */
import { batches } from '../jobs/batches.ts';
import type { JobQueue, SendOptions } from '../jobs/queue.ts';
import type { Job } from '../jobs/schema.ts';
import { AwsCallError, createAwsJsonClient } from './signed-call.ts';

export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
}

/** SQS's longest message delay. */
export const MAX_DELAY_SECONDS = 900;

export interface SqsQueueOptions {
  queueUrl: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Budget for one send, retries included (default 2000 ms): on the ack path a stuck SQS must still leave time
   * to tell the person to try again within Slack's 3 seconds.
   */
  timeoutMs?: number;
}

/** A delay SQS accepts: whole seconds in 0..900 (anything else is clamped). */
export function sqsDelay(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return 0;
  return Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(seconds)));
}

export function createSqsJobQueue(options: SqsQueueOptions): JobQueue {
  const aws = createAwsJsonClient({
    service: 'sqs',
    targetPrefix: 'AmazonSQS',
    label: 'SQS',
    ...(options.env ? { env: options.env } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const call = async (action: 'SendMessage' | 'SendMessageBatch', payload: object) => {
    try {
      return await aws(action, { QueueUrl: options.queueUrl, ...payload });
    } catch (error) {
      if (error instanceof AwsCallError) throw new QueueSendError(error.message);
      throw error;
    }
  };
  const delayField = (seconds: number | undefined) => {
    const delay = sqsDelay(seconds);
    return delay > 0 ? { DelaySeconds: delay } : {};
  };

  return {
    async send(job: Job, sendOptions?: SendOptions) {
      await call('SendMessage', { MessageBody: JSON.stringify(job), ...delayField(sendOptions?.delaySeconds) });
    },
    async sendAll(jobs: readonly Job[], sendOptions?: { delaySeconds?: readonly number[] }) {
      for (const { batch, start } of batches(jobs)) {
        const entries = batch.map((job, n) => ({
          Id: String(start + n),
          MessageBody: JSON.stringify(job),
          ...delayField(sendOptions?.delaySeconds?.[start + n]),
        }));
        const result = await call('SendMessageBatch', { Entries: entries });
        const failed = Array.isArray(result.Failed) ? result.Failed.length : 0;
        if (failed > 0) throw new QueueSendError(`SQS SendMessageBatch: ${failed} of ${entries.length} messages were not accepted`);
      }
    },
  };
}

/** The jobs queue the functions are deployed with (`JOBS_QUEUE_URL`, set by serverless.yml). */
export function sqsJobQueueFromEnv(env: NodeJS.ProcessEnv = process.env): JobQueue {
  const queueUrl = env.JOBS_QUEUE_URL;
  if (!queueUrl) throw new QueueSendError('JOBS_QUEUE_URL is not set');
  return createSqsJobQueue({ queueUrl, env });
}
