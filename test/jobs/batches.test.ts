/** Cutting jobs to SQS's batch size, and sending them through whatever the queue offers. */
import { describe, expect, it } from 'vitest';
import { batches, SQS_BATCH_SIZE, sendJobs } from '../../src/jobs/batches.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Job } from '../../src/jobs/schema.ts';

describe('batches', () => {
  it.each([
    { n: 0, sizes: [] },
    { n: 1, sizes: [1] },
    { n: 10, sizes: [10] },
    { n: 11, sizes: [10, 1] },
    { n: 25, sizes: [10, 10, 5] },
  ])('$n items → batches of $sizes, in order, each with its first index', ({ n, sizes }) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const cut = [...batches(items)];
    expect(cut.map((b) => b.batch.length)).toEqual(sizes);
    expect(cut.map((b) => b.start)).toEqual(sizes.map((_, i) => i * SQS_BATCH_SIZE));
    expect(cut.flatMap((b) => b.batch)).toEqual(items);
  });

  it('takes another size, never less than one', () => {
    expect([...batches([1, 2, 3], 2)].map((b) => b.batch)).toEqual([[1, 2], [3]]);
    expect([...batches([1, 2], 0)].map((b) => b.batch)).toEqual([[1], [2]]);
  });
});

describe('sendJobs', () => {
  const jobs = [{ kind: 'a' }, { kind: 'b' }] as unknown as Job[];

  it('uses sendAll when the queue has it, with the delays', async () => {
    const calls: unknown[] = [];
    const queue: JobQueue = {
      send: async () => {
        throw new Error('not this one');
      },
      sendAll: async (all, options) => void calls.push([all, options]),
    };
    await sendJobs(queue, jobs, [0, 5]);
    expect(calls).toEqual([[jobs, { delaySeconds: [0, 5] }]]);
  });

  it('else sends each job with its delay (none by default)', async () => {
    const sent: unknown[] = [];
    const queue: JobQueue = { send: async (job, options) => void sent.push([job, options]) };
    await sendJobs(queue, jobs, [3]);
    expect(sent).toEqual([
      [jobs[0], { delaySeconds: 3 }],
      [jobs[1], { delaySeconds: 0 }],
    ]);
  });
});
