/**
 * Sends jobs to SQS with one signed HTTPS request (SQS's JSON protocol), no AWS SDK.
 *
 * Why not `@aws-sdk/client-sqs`: this runs on the slash-command ack path, where Slack allows 3 s including a
 * cold start. The SDK client adds ~320 KB and ~40 ms of module load for the one call we make; aws4fetch signs
 * it with SigV4 in a few KB. Credentials come from the Lambda environment as the SDK's would.
 */
import { AwsClient } from 'aws4fetch';
import type { JobQueue } from '../jobs/queue.ts';
import type { Job } from '../jobs/schema.ts';
import { awsEndpoint, awsRegion } from './env.ts';

export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
}

/** SQS accepts at most 10 entries per SendMessageBatch. */
const BATCH_SIZE = 10;

export interface SqsQueueOptions {
  queueUrl: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Budget for one send, retries included (default 2000 ms): on the ack path a stuck SQS must still leave time
   * to tell the person to try again within Slack's 3 seconds.
   */
  timeoutMs?: number;
}

export function createSqsJobQueue(options: SqsQueueOptions): JobQueue {
  const env = options.env ?? process.env;
  const region = awsRegion(env);
  const endpoint = awsEndpoint('sqs', env) ?? `https://sqs.${region}.amazonaws.com`;
  let client: AwsClient | undefined;
  const aws = () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) throw new QueueSendError('No AWS credentials in the environment to send to SQS');
    // aws4fetch retries 5xx/429 itself; a couple of quick retries fit the ack budget (its default is 10).
    client ??= new AwsClient({ accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN, service: 'sqs', region, retries: 2, initRetryMs: 50 });
    return client;
  };

  async function call(action: 'SendMessage' | 'SendMessageBatch', payload: object): Promise<Record<string, unknown>> {
    const response = await aws().fetch(endpoint, {
      method: 'POST',
      signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AmazonSQS.${action}` },
      body: JSON.stringify({ QueueUrl: options.queueUrl, ...payload }),
    });
    const text = await response.text();
    if (!response.ok) {
      const type = safeErrorType(text);
      throw new QueueSendError(`SQS ${action} failed: HTTP ${response.status}${type ? ` ${type}` : ''}`);
    }
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  return {
    async send(job: Job) {
      await call('SendMessage', { MessageBody: JSON.stringify(job) });
    },
    async sendAll(jobs: readonly Job[]) {
      for (let i = 0; i < jobs.length; i += BATCH_SIZE) {
        const entries = jobs.slice(i, i + BATCH_SIZE).map((job, n) => ({ Id: String(i + n), MessageBody: JSON.stringify(job) }));
        const result = await call('SendMessageBatch', { Entries: entries });
        const failed = Array.isArray(result.Failed) ? result.Failed.length : 0;
        if (failed > 0) throw new QueueSendError(`SQS SendMessageBatch: ${failed} of ${entries.length} messages were not accepted`);
      }
    },
  };
}

/** The AWS error type (`AWS.SimpleQueueService.NonExistentQueue`), never the message body verbatim. */
function safeErrorType(text: string): string | undefined {
  try {
    const type = (JSON.parse(text) as { __type?: unknown }).__type;
    return typeof type === 'string' ? type.replace(/^.*#/, '').slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}
