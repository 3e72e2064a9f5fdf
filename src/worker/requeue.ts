/**
 * "Put this job back on the queue for a few seconds" instead of waiting in a worker slot: a digest that meets
 * Slack's per-channel rate limit (or whose channel's next post slot is more than a moment away) frees its slot for
 * other channels' digests and comes back later.
 *
 * It is thrown inside the job's idempotency guard, so the key is released (nothing was posted); the worker handler
 * catches it, sends the job again with SQS `DelaySeconds` and counts the message as done.
 */
export class RequeueRequested extends Error {
  override readonly name = 'RequeueRequested';
  constructor(readonly delaySeconds: number) {
    super(`requeue in ${delaySeconds} s`);
  }
}

/** A job re-queued this often waits in place instead (a channel that stays rate-limited for minutes). */
export const MAX_REQUEUES = 30;
