/**
 * The jobs queue of `npm run dev`: SQS and its Lambda event source, in-process and running continuously. A sent
 * job is handed at once to the real worker handler as an SQS event (batches of up to `batchSize`, at most
 * `maxConcurrency` batches at a time); a message the worker reports as failed (ReportBatchItemFailures) comes back
 * after a delay with its receive count raised, and after `maxReceiveCount` tries goes to the real dead-letter
 * handler, as the queue's redrive policy does in AWS.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sqsRecord } from '../jobs/local-queue.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Job } from '../jobs/schema.ts';
import { errorFields, type Log } from '../log.ts';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export interface DevQueueOptions {
  /** The worker handler, given each batch as an SQS event. */
  worker: SqsHandler;
  /** The dead-letter handler, given each message that failed every try. */
  deadLetter: SqsHandler;
  log: Log;
  /** Tries before a message goes to the dead-letter handler (default 4, the queue's `maxReceiveCount`). */
  maxReceiveCount?: number;
  /** Wait before a failed message is tried again (default 2 s × tries so far: a short stand-in for SQS's visibility timeout). */
  retryDelayMs?: (receiveCount: number) => number;
  /** Messages per worker invocation (default 10, the event source's `batchSize`). */
  batchSize?: number;
  /** Worker invocations at once (default 5, the event source's `maximumConcurrency`). */
  maxConcurrency?: number;
}

export interface DevQueue extends JobQueue {
  /** Messages waiting, being worked on, or waiting for a retry. */
  readonly pending: number;
  /** Resolves once nothing is pending. */
  idle(): Promise<void>;
  /** Drops waiting retries and waits for the batches in flight. */
  stop(): Promise<void>;
}

interface Message {
  id: string;
  body: string;
  /** Times handed to the worker so far. */
  receiveCount: number;
}

export function createDevQueue(options: DevQueueOptions): DevQueue {
  const maxReceiveCount = options.maxReceiveCount ?? 4;
  const retryDelayMs = options.retryDelayMs ?? ((n: number) => 2000 * n);
  const batchSize = options.batchSize ?? 10;
  const maxConcurrency = options.maxConcurrency ?? 5;
  const { log } = options;

  const waiting: Message[] = [];
  const retries = new Map<NodeJS.Timeout, Message>();
  let inFlight = 0;
  let inFlightMessages = 0;
  let counter = 0;
  let flushScheduled = false;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  const pendingCount = () => waiting.length + inFlightMessages + retries.size;

  function settle(): void {
    if (pendingCount() > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function enqueue(message: Message): void {
    waiting.push(message);
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  }

  function flush(): void {
    flushScheduled = false;
    while (!stopped && waiting.length > 0 && inFlight < maxConcurrency) {
      const batch = waiting.splice(0, batchSize);
      inFlight += 1;
      inFlightMessages += batch.length;
      void invoke(batch).finally(() => {
        inFlight -= 1;
        inFlightMessages -= batch.length;
        if (waiting.length > 0) flush();
        settle();
      });
    }
  }

  async function invoke(batch: Message[]): Promise<void> {
    for (const message of batch) message.receiveCount += 1;
    const event: SQSEvent = { Records: batch.map((m) => sqsRecord(m.body, m.id, m.receiveCount)) };
    let failed: Set<string>;
    try {
      const result = await options.worker(event);
      failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
    } catch (error) {
      // A worker that throws fails its whole batch, as a Lambda error does.
      log('error', 'dev.worker_failed', errorFields(error));
      failed = new Set(batch.map((m) => m.id));
    }
    for (const message of batch) {
      if (!failed.has(message.id)) continue;
      if (message.receiveCount >= maxReceiveCount) await deadLetter(message);
      else retryLater(message);
    }
  }

  function retryLater(message: Message): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      retries.delete(timer);
      enqueue(message);
    }, retryDelayMs(message.receiveCount));
    retries.set(timer, message);
  }

  async function deadLetter(message: Message): Promise<void> {
    log('warn', 'dev.dead_letter', { messageId: message.id, receiveCount: message.receiveCount });
    try {
      const result = await options.deadLetter({ Records: [sqsRecord(message.body, message.id, 1)] });
      if (result.batchItemFailures.length > 0) log('error', 'dev.dead_letter_unreported', { messageId: message.id });
    } catch (error) {
      log('error', 'dev.dead_letter_unreported', { messageId: message.id, ...errorFields(error) });
    }
  }

  const send = async (job: Job): Promise<void> => {
    if (stopped) throw new Error('The dev queue is stopped');
    enqueue({ id: `dev-${++counter}`, body: JSON.stringify(job), receiveCount: 0 });
  };

  return {
    send,
    async sendAll(jobs) {
      for (const job of jobs) await send(job);
    },
    get pending() {
      return pendingCount();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
    async stop() {
      stopped = true;
      for (const [timer, message] of retries) {
        clearTimeout(timer);
        log('warn', 'dev.retry_dropped', { messageId: message.id });
      }
      retries.clear();
      for (const message of waiting.splice(0)) log('warn', 'dev.job_dropped', { messageId: message.id });
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
  };
}
