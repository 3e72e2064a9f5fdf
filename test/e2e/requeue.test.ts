/**
 * Digests at Slack's per-channel pace without holding worker slots: a digest whose channel's next post slot is more
 * than a moment away, or that meets a `ratelimited` answer, goes back to the queue with a delay (its message counts
 * as done, its idempotency key is released) and posts once when it returns. Without a queue it waits in place.
 */
import { describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { DigestJob } from '../../src/jobs/schema.ts';
import { MAX_REQUEUES } from '../../src/worker/requeue.ts';
import { useBot } from '../support/bot.ts';
import { sqsEvent } from '../support/payloads.ts';
import { postsTo } from '../support/slack-messages.ts';
import { workerWithStore } from '../support/subscriptions.ts';

const acme: DigestJob = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
const manual = (n: number): DigestJob => ({ ...acme, trigger: 'manual', scheduledFor: `2026-11-23T10:0${n}:00.000Z` });

const bot = useBot();
async function worker() {
  const queue = createLocalQueue();
  return { ...(await workerWithStore(bot, { queue })), queue };
}

describe('a rate-limited digest goes back to the queue instead of waiting in its slot', () => {
  it('Slack answers ratelimited: the job is re-queued after Retry-After, the message is done, and it posts once later', async () => {
    bot.slack.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 3 });
    const { handler, queue } = await worker();
    expect(await handler(sqsEvent(acme))).toEqual({ batchItemFailures: [] });
    expect(bot.slack.callsTo('chat.postMessage').map((c) => c.error)).toEqual(['ratelimited']);
    expect(queue.waiting()).toEqual([{ job: { ...acme, requeues: 1 }, delaySeconds: 3 }]);
    expect(bot.entries().find((l) => l.event === 'job.requeued')).toMatchObject({ kind: 'digest', delaySeconds: 3, requeues: 1 });

    // When it comes back (SQS holds it back; here, a pause past the channel's next slot), the key was released: it
    // posts, once.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = queue.drain();
    expect(await handler(again)).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(queue.size).toBe(0);
  });

  it('two digests for one channel at once: one posts now, the other comes back for the next slot', async () => {
    const { handler, queue } = await worker();
    expect(await handler(sqsEvent(manual(1), manual(2)))).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    const waiting = queue.waiting();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.delaySeconds).toBe(1);
    // No 429 was needed: the pacer kept them apart.
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.error === 'ratelimited')).toEqual([]);
  });

  it('a digest whose channel is busy for seconds goes back before it fetches or renders anything', async () => {
    const { handler, queue, store } = await worker();
    // Other digests hold the channel's next slots for the next ~3 seconds.
    for (let i = 0; i < 3; i++) await store.reserveSlot('C0ACME', { nowMs: Date.now(), intervalMs: 1050, maxWaitMs: 10_000 });
    const before = bot.sandbox.requests.length;
    expect(await handler(sqsEvent(manual(3)))).toEqual({ batchItemFailures: [] });
    expect(bot.sandbox.requests.length).toBe(before);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
    const [back] = queue.waiting();
    expect(back?.delaySeconds).toBeGreaterThanOrEqual(2);
    expect(back?.delaySeconds).toBeLessThanOrEqual(3);
  });

  it('a job re-queued too often waits in place instead (and still posts once)', async () => {
    bot.slack.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1 });
    const { handler, queue } = await worker();
    expect(await handler(sqsEvent({ ...acme, requeues: MAX_REQUEUES }))).toEqual({ batchItemFailures: [] });
    expect(queue.size).toBe(0);
    const attempts = bot.slack.callsTo('chat.postMessage');
    expect(attempts.map((c) => c.ok)).toEqual([false, true]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });
});
