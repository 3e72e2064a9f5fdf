/** Sending many jobs at once, cut to SQS's batch size in one place (the tick's digests, its alert checks, the SQS queue). */

import type { JobQueue } from './queue.ts';
import type { Job } from './schema.ts';

/** SQS takes at most 10 messages per SendMessageBatch: every batched send of jobs is cut to this. */
export const SQS_BATCH_SIZE = 10;

/** `items` in consecutive slices of at most `size` (default `SQS_BATCH_SIZE`), each with the index of its first item. */
export function* batches<T>(items: readonly T[], size = SQS_BATCH_SIZE): Generator<{ batch: T[]; start: number }> {
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < items.length; start += step) yield { batch: items.slice(start, start + step), start };
}

/**
 * Sends `jobs` in one call where the queue can (`sendAll`), else one `send` each, side by side; `delaySeconds[i]`
 * delays `jobs[i]` (default none). Callers cut their jobs with `batches` when each batch's outcome matters.
 */
export async function sendJobs(queue: JobQueue, jobs: readonly Job[], delaySeconds: readonly number[] = []): Promise<void> {
  if (queue.sendAll) return queue.sendAll(jobs, { delaySeconds });
  await Promise.all(jobs.map((job, i) => queue.send(job, { delaySeconds: delaySeconds[i] ?? 0 })));
}
