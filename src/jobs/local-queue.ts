/**
 * An in-process stand-in for the SQS queue, for `npm run demo`, `npm run digest` and tests: jobs are
 * serialised exactly as SQS would carry them and handed to the worker as an SQS event. Delays are recorded
 * (see `waiting()`), not enforced: `drain()` hands over every message at once.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { JobQueue, SendOptions } from './queue.ts';
import type { Job } from './schema.ts';

export interface LocalQueue extends JobQueue {
  /** Takes every waiting message, as the SQS event Lambda would deliver to the worker. */
  drain(): SQSEvent;
  /** The waiting messages (parsed) with the delay each was sent with, oldest first; nothing is taken. */
  waiting(): Array<{ job: Job; delaySeconds: number }>;
  readonly size: number;
}

export function createLocalQueue(): LocalQueue {
  let waiting: Array<{ body: string; delaySeconds: number }> = [];
  let counter = 0;
  return {
    async send(job: Job, options?: SendOptions) {
      waiting.push({ body: JSON.stringify(job), delaySeconds: options?.delaySeconds ?? 0 });
    },
    async sendAll(jobs: readonly Job[], options?: { delaySeconds?: readonly number[] }) {
      jobs.forEach((job, i) => {
        waiting.push({ body: JSON.stringify(job), delaySeconds: options?.delaySeconds?.[i] ?? 0 });
      });
    },
    drain() {
      const messages = waiting;
      waiting = [];
      return { Records: messages.map((m) => sqsRecord(m.body, `local-${++counter}`)) };
    },
    waiting() {
      return waiting.map((m) => ({ job: JSON.parse(m.body) as Job, delaySeconds: m.delaySeconds }));
    },
    get size() {
      return waiting.length;
    },
  };
}

export function sqsRecord(body: string, messageId: string, receiveCount = 1): SQSRecord {
  return {
    messageId,
    receiptHandle: messageId,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:jobs',
    awsRegion: 'local',
  };
}
