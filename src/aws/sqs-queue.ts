/**
 * Sends jobs to SQS with one SigV4-signed HTTPS request (SQS's JSON protocol), no AWS SDK.
 *
 * Why: this runs on the slash-command ack path, where Slack allows 3 s including a cold start. The SDK client
 * adds ~320 KB and ~40 ms of module load for the one call we make. `aws4` signs it with node:crypto and
 * node:https sends it: measured by `npm run bench`, the first send in a fresh process also avoids the ~30 ms
 * that starting `fetch` (undici) and Web Crypto cost. Credentials come from the Lambda environment, as the
 * SDK's would.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import aws4 from 'aws4';
import type { JobQueue } from '../jobs/queue.ts';
import type { Job } from '../jobs/schema.ts';
import { awsEndpoint, awsRegion } from './env.ts';

export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
}

/** SQS accepts at most 10 entries per SendMessageBatch. */
const BATCH_SIZE = 10;
/** Quick retries of 5xx/429/network errors that still fit the ack budget. */
const MAX_ATTEMPTS = 3;

export interface SqsQueueOptions {
  queueUrl: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Budget for one send, retries included (default 2000 ms): on the ack path a stuck SQS must still leave time
   * to tell the person to try again within Slack's 3 seconds.
   */
  timeoutMs?: number;
}

interface HttpAnswer {
  status: number;
  text: string;
}

export function createSqsJobQueue(options: SqsQueueOptions): JobQueue {
  const env = options.env ?? process.env;
  const region = awsRegion(env);
  const endpoint = new URL(awsEndpoint('sqs', env) ?? `https://sqs.${region}.amazonaws.com`);
  const timeoutMs = options.timeoutMs ?? 2000;

  async function call(action: 'SendMessage' | 'SendMessageBatch', payload: object): Promise<Record<string, unknown>> {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    if (!accessKeyId || !secretAccessKey) throw new QueueSendError('No AWS credentials in the environment to send to SQS');
    const body = JSON.stringify({ QueueUrl: options.queueUrl, ...payload });
    const deadline = Date.now() + timeoutMs;
    let answer: HttpAnswer | undefined;
    let failure: unknown;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const signed = aws4.sign(
        {
          service: 'sqs',
          region,
          protocol: endpoint.protocol,
          host: endpoint.host,
          path: endpoint.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AmazonSQS.${action}` },
          body,
        },
        { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      );
      try {
        answer = await post(endpoint, signed, body, deadline - Date.now());
        failure = undefined;
        if (answer.status < 500 && answer.status !== 429) break;
      } catch (error) {
        failure = error;
      }
      const pause = 50 * 2 ** (attempt - 1) * Math.random();
      if (attempt === MAX_ATTEMPTS || Date.now() + pause >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    if (!answer || failure) {
      const name = failure instanceof Error ? failure.message : 'no answer';
      throw new QueueSendError(`SQS ${action} failed: ${name}`);
    }
    if (answer.status < 200 || answer.status >= 300) {
      const type = safeErrorType(answer.text);
      throw new QueueSendError(`SQS ${action} failed: HTTP ${answer.status}${type ? ` ${type}` : ''}`);
    }
    return answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
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

/** The jobs queue the functions are deployed with (`JOBS_QUEUE_URL`, set by serverless.yml). */
export function sqsJobQueueFromEnv(env: NodeJS.ProcessEnv = process.env): JobQueue {
  const queueUrl = env.JOBS_QUEUE_URL;
  if (!queueUrl) throw new QueueSendError('JOBS_QUEUE_URL is not set');
  return createSqsJobQueue({ queueUrl, env });
}

/** One POST with node:http(s), bounded by `timeoutMs`. */
function post(endpoint: URL, signed: aws4.Request, body: string, timeoutMs: number): Promise<HttpAnswer> {
  if (timeoutMs <= 0) return Promise.reject(new Error('timed out'));
  const request = endpoint.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port: endpoint.port || undefined,
        path: signed.path,
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
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
