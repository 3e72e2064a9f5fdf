/**
 * Spreading one tick's digests over time, per channel: Slack takes about one message per second per channel, so
 * the k-th digest due for a channel in this tick is held back k seconds on the queue (SQS `DelaySeconds`). Workers
 * then never get ten digests for one channel at once, which would hold their slots waiting for Slack. Pure.
 */
import { MAX_DELAY_SECONDS } from '../aws/sqs-queue.ts';

/** Delays (seconds) for `items`, in input order: per channel 0, spacing, 2 × spacing, … (at most SQS's 900 s). */
export function spreadByChannel<T>(items: readonly T[], channelOf: (item: T) => string, spacingSeconds = 1): number[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const channel = channelOf(item);
    const k = seen.get(channel) ?? 0;
    seen.set(channel, k + 1);
    return Math.min(MAX_DELAY_SECONDS, k * spacingSeconds);
  });
}
