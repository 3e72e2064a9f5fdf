/**
 * The in-process jobs queue of `npm run dev` behaves like SQS with its Lambda event source: batches as SQS events,
 * failed messages retried with a rising receive count, the dead-letter handler after the last try.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createDevQueue, type SqsHandler } from '../../src/dev/dev-queue.ts';
import { recordingLog } from '../support/log.ts';
import { digestJob } from '../support/payloads.ts';

const digest = (subscription: string) => digestJob(subscription, '2026-11-23T08:00:00.000Z', 'manual');

/** The SQS events the worker got, and the real log in memory. */
function recorder() {
  const events: SQSEvent[] = [];
  const { log, events: logged } = recordingLog();
  return { events, logged, log };
}

/** A handler that fails the messages `fails(body, receiveCount)` says, and records what it got. */
function handler(events: SQSEvent[], fails: (body: string, receiveCount: number) => boolean): SqsHandler {
  return async (event) => {
    events.push(event);
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = event.Records.filter((r) =>
      fails(r.body, Number(r.attributes.ApproximateReceiveCount)),
    ).map((r) => ({ itemIdentifier: r.messageId }));
    return { batchItemFailures };
  };
}

describe('dev queue', () => {
  it('hands jobs to the worker as SQS events, those sent together in one batch', async () => {
    const { events, log } = recorder();
    const dead: SQSEvent[] = [];
    const queue = createDevQueue({ worker: handler(events, () => false), deadLetter: handler(dead, () => false), log });
    await queue.sendAll!([digest('a'), digest('b')]);
    await queue.send(digest('c'));
    expect(queue.pending).toBe(3);
    await queue.idle();
    expect(queue.pending).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]!.Records.map((r) => JSON.parse(r.body).subscription)).toEqual(['a', 'b', 'c']);
    expect(events[0]!.Records[0]).toMatchObject({ eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '1' } });
    expect(dead).toEqual([]);
  });

  it('retries a failed message alone, with its receive count raised, until it succeeds', async () => {
    const { events, log } = recorder();
    const queue = createDevQueue({
      worker: handler(events, (body, n) => body.includes('flaky') && n < 3),
      deadLetter: handler([], () => false),
      log,
      retryDelayMs: () => 1,
    });
    await queue.sendAll!([digest('flaky'), digest('fine')]);
    await queue.idle();
    expect(events.map((e) => e.Records.map((r) => `${JSON.parse(r.body).subscription}#${r.attributes.ApproximateReceiveCount}`))).toEqual([
      ['flaky#1', 'fine#1'],
      ['flaky#2'],
      ['flaky#3'],
    ]);
  });

  it('after maxReceiveCount tries the message goes to the dead-letter handler; a worker that throws fails its batch', async () => {
    const { events, logged, log } = recorder();
    const dead: SQSEvent[] = [];
    let calls = 0;
    const worker: SqsHandler = async (event) => {
      calls += 1;
      events.push(event);
      throw new Error('boom');
    };
    const queue = createDevQueue({ worker, deadLetter: handler(dead, () => false), log, retryDelayMs: () => 1, maxReceiveCount: 4 });
    await queue.send(digest('doomed'));
    await queue.idle();
    expect(calls).toBe(4);
    expect(dead).toHaveLength(1);
    expect(JSON.parse(dead[0]!.Records[0]!.body)).toMatchObject({ subscription: 'doomed' });
    expect(logged('dev.worker_failed')).toHaveLength(4);
    expect(logged('dev.dead_letter')).toEqual([expect.objectContaining({ level: 'warn' })]);
  });

  it('splits large sends into batches of batchSize, at most maxConcurrency at once', async () => {
    const { events, log } = recorder();
    let running = 0;
    let most = 0;
    const worker: SqsHandler = async (event) => {
      running += 1;
      most = Math.max(most, running);
      events.push(event);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return { batchItemFailures: [] };
    };
    const queue = createDevQueue({ worker, deadLetter: handler([], () => false), log, batchSize: 10, maxConcurrency: 2 });
    await queue.sendAll!(Array.from({ length: 45 }, (_, i) => digest(`s${i}`)));
    await queue.idle();
    expect(events.map((e) => e.Records.length)).toEqual([10, 10, 10, 10, 5]);
    expect(most).toBe(2);
  });

  it('stop drops waiting retries (logged) and refuses new jobs', async () => {
    const { logged, log } = recorder();
    let tried!: () => void;
    const firstTry = new Promise<void>((resolve) => {
      tried = resolve;
    });
    const worker: SqsHandler = async (event) => {
      // Resolves once the queue has handled this answer (the retry is set up right after it).
      setImmediate(tried);
      return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
    };
    const queue = createDevQueue({ worker, deadLetter: handler([], () => false), log, retryDelayMs: () => 60_000 });
    await queue.send(digest('later'));
    await firstTry;
    expect(queue.pending).toBe(1);
    await queue.stop();
    expect(queue.pending).toBe(0);
    expect(logged('dev.retry_dropped')).toEqual([expect.objectContaining({ level: 'warn' })]);
    await expect(queue.send(digest('after'))).rejects.toThrow('stopped');
  });
});
