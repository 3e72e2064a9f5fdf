/**
 * An in-process stand-in for the SQS queue, for `npm run demo`, `npm run digest` and tests: jobs are
 * serialised exactly as SQS would carry them and handed to the worker as an SQS event.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { JobQueue } from './queue.ts';
import type { Job } from './schema.ts';

export interface LocalQueue extends JobQueue {
  /** Takes every waiting message, as the SQS event Lambda would deliver to the worker. */
  drain(): SQSEvent;
  readonly size: number;
}

export function createLocalQueue(): LocalQueue {
  let waiting: string[] = [];
  let counter = 0;
  return {
    async send(job: Job) {
      waiting.push(JSON.stringify(job));
    },
    async sendAll(jobs: readonly Job[]) {
      for (const job of jobs) waiting.push(JSON.stringify(job));
    },
    drain() {
      const bodies = waiting;
      waiting = [];
      return { Records: bodies.map((body) => sqsRecord(body, `local-${++counter}`)) };
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
