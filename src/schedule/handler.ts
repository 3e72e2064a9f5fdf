/**
 * The schedule Lambda: one EventBridge rule ticks every minute; each tick finds the subscriptions whose cron
 * (in their own time zone) fell due and puts one digest job per due digest on the queue.
 *
 * The window looks back `LOOKBACK_MINUTES`, more than one tick, so a late or skipped tick loses nothing; the
 * digest's idempotency record (subscription + period) turns the overlap into a no-op.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { sqsJobQueueFromEnv } from '../aws/sqs-queue.ts';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { createLog, type Log } from '../log.ts';
import { dueSubscriptions } from './due.ts';

export const LOOKBACK_MINUTES = 2;
const MINUTE = 60_000;

export interface ScheduleOptions {
  /** The subscriptions and the default time zone (validated; the build embeds it). Required. */
  config: Config;
  /** Where `JOBS_QUEUE_URL` (and the AWS endpoint and region) are read. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where digest jobs go. Default: the SQS queue at `JOBS_QUEUE_URL`, made on the first tick with something due. */
  queue?: JobQueue;
  /** Structured log. Default: JSON lines on stdout (`createLog()`). */
  log?: Log;
}

export type ScheduleHandler = (event: Pick<ScheduledEvent, 'time'>) => Promise<{ due: number }>;

export function createScheduleHandler(options: ScheduleOptions): ScheduleHandler {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  let queue = options.queue;
  return async (event) => {
    const jobs = dueDigestJobs(options.config, new Date(event.time));
    if (jobs.length > 0) {
      queue ??= sqsJobQueueFromEnv(env);
      await (queue.sendAll ? queue.sendAll(jobs) : Promise.all(jobs.map((job) => queue!.send(job))));
    }
    log('info', 'schedule.tick', { time: event.time, due: jobs.length, subscriptions: jobs.map((j) => j.subscription).slice(0, 50) });
    return { due: jobs.length };
  };
}

/** Digest jobs due at a tick: occurrences in (tick − lookback, tick], the tick rounded down to its minute. */
export function dueDigestJobs(config: Config, tickTime: Date): DigestJob[] {
  if (Number.isNaN(tickTime.getTime())) throw new RangeError('the scheduled event has no valid time');
  const until = new Date(Math.floor(tickTime.getTime() / MINUTE) * MINUTE);
  const after = new Date(until.getTime() - LOOKBACK_MINUTES * MINUTE);
  return dueSubscriptions(config.subscriptions, { after, until }, config.defaults.timeZone).map((d) => ({
    kind: 'digest',
    subscription: d.subscription.name,
    scheduledFor: d.scheduledFor.toISOString(),
    trigger: 'schedule',
  }));
}
