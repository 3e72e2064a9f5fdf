/**
 * The schedule Lambda: one EventBridge rule ticks every minute; each tick puts one digest job per due digest on the
 * queue, spread per channel (`spread.ts`).
 *
 * - YAML subscriptions (few, in memory): their cron occurrences in a window that looks back `LOOKBACK_MINUTES`,
 *   more than one tick, so a late or skipped tick loses nothing (`due.ts`).
 * - Runtime subscriptions (many, in the state store): one Query of the store's `due` index for next runs at or
 *   before now, so a tick reads O(due) items, not every subscription. After its job is queued, a subscription's next
 *   run advances (a conditional write on the value read: two overlapping ticks can't both advance it). Nothing is
 *   lost to a late tick: a next run stays due until a tick has queued it. Occurrences missed during a long outage:
 *   the latest one is delivered, older ones are skipped and logged (`next-run.ts`). A cron stored before the cron
 *   minimum that fires more than hourly runs at most hourly, each run logged with the occurrences it holds back.
 * - Alerts (in the state store too): the due ones are claimed and queued as one check job per (project, window)
 *   (`alert-checks.ts`), before the digests, so a digest problem never delays a check.
 * Overlaps (a tick retried, a job queued twice) are harmless: the digest's idempotency key (subscription, period)
 * makes the worker post it once, and an alert applies each window once.
 *
 * A tick that fails (something due could not be queued, or anything threw) throws, so Lambda retries it, and logs one
 * `schedule.tick_failed` line saying why. Operators hear of it once, from ScheduleErrorsAlarm (the function's errors,
 * and ticks that reached the failures queue): that line and the ones before it that explain it are marked as covered
 * by that alarm, so the schedule's error-log alarm stays for errors that don't fail a tick.
 */
import type { ScheduledEvent } from 'aws-lambda';
import type { AlertStore } from '../alerts/store.ts';
import { sqsJobQueueFromEnv } from '../aws/sqs-queue.ts';
import type { Config } from '../config/schema.ts';
import { batches, SQS_BATCH_SIZE, sendJobs } from '../jobs/batches.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { coveredBy, createLog, errorFields, type Log } from '../log.ts';
import { alertStoresFromEnv } from '../store/alerts-from-env.ts';
import { stateStoreFromEnv } from '../store/from-env.ts';
import type { SubscriptionStore } from '../store/store.ts';
import { mapLimit } from '../worker/map-limit.ts';
import { type AlertTickResult, DEFAULT_ALERTS_PER_TICK, queueDueAlertChecks } from './alert-checks.ts';
import { dueSubscriptions } from './due.ts';
import { dueOccurrence } from './next-run.ts';
import { spreadByChannel } from './spread.ts';

export const LOOKBACK_MINUTES = 2;
const MINUTE = 60_000;
/** Runtime subscriptions queued per tick at most (the rest stay due and go with the next tick). */
export const DEFAULT_MAX_DUE_PER_TICK = 1000;
/**
 * Marks the error lines of a tick that fails: ScheduleErrorsAlarm counts the failed tick, so they stay out of the
 * schedule's error-log metric (one failed tick, one notification).
 */
const TICK_FAILS = coveredBy('ScheduleErrors');

export interface ScheduleOptions {
  /** The subscriptions and the default time zone (validated; the build embeds it). Required. */
  config: Config;
  /** Where `JOBS_QUEUE_URL` (and the AWS endpoint and region) are read. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where digest jobs go. Default: the SQS queue at `JOBS_QUEUE_URL`, made on the first tick with something due. */
  queue?: JobQueue;
  /** Runtime subscriptions. Default: the state store of `STATE_TABLE` or `STATE_FILE`; neither: YAML ones only. */
  store?: SubscriptionStore;
  /** Alerts whose checks fall due. Default: the alert store of `STATE_TABLE` or `STATE_FILE`; neither: no alerts. */
  alerts?: AlertStore;
  /** Alerts claimed per tick at most (default 2,000; the rest stay due for the next tick). */
  maxAlertsPerTick?: number;
  /** Structured log. Default: JSON lines on stdout (`createLog()`). */
  log?: Log;
  /** Runtime subscriptions queued per tick at most (default 1000). */
  maxDuePerTick?: number;
}

export interface TickResult {
  /** Digest jobs queued. */
  due: number;
  /** Of which runtime subscriptions. */
  runtime: number;
  /** Alert checks (when the tick has an alert store). */
  alertChecks?: AlertTickResult;
}

export type ScheduleHandler = (event: Pick<ScheduledEvent, 'time'>) => Promise<TickResult>;

/** One digest to queue: the job, where it posts, and (runtime) how its next run advances once queued. */
export interface PlannedDigest {
  job: DigestJob;
  channel: string;
  advance?: { id: string; from: string; to: string | undefined };
}

export function createScheduleHandler(options: ScheduleOptions): ScheduleHandler {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  const store = options.store ?? (env.STATE_TABLE || env.STATE_FILE ? stateStoreFromEnv(env, log) : undefined);
  const alerts = options.alerts ?? (env.STATE_TABLE || env.STATE_FILE ? alertStoresFromEnv(env, log).store : undefined);
  const maxDue = options.maxDuePerTick ?? DEFAULT_MAX_DUE_PER_TICK;
  let queue = options.queue;
  // Made on the first tick with something to queue.
  const jobsQueue = (): JobQueue => (queue ??= sqsJobQueueFromEnv(env));
  const lazyQueue: JobQueue = {
    send: (job, sendOptions) => jobsQueue().send(job, sendOptions),
    sendAll: (jobs, sendOptions) => sendJobs(jobsQueue(), jobs, sendOptions?.delaySeconds),
  };
  const run: ScheduleHandler = async (event) => {
    const tick = new Date(event.time);
    if (Number.isNaN(tick.getTime())) throw new RangeError('the scheduled event has no valid time');
    let alertChecks: AlertTickResult | undefined;
    let alertsFailed = false;
    if (alerts) {
      try {
        alertChecks = await queueDueAlertChecks({
          store: alerts,
          queue: lazyQueue,
          now: tick,
          log,
          limit: options.maxAlertsPerTick ?? DEFAULT_ALERTS_PER_TICK,
        });
      } catch (error) {
        alertsFailed = true;
        log('error', 'schedule.alerts_failed', { ...errorFields(error), ...TICK_FAILS });
      }
    }
    const planned = [...dueConfigDigests(options.config, tick), ...(store ? await dueRuntimeDigests(store, tick, maxDue, log) : [])];
    const delays = spreadByChannel(planned, (p) => p.channel);
    // Those sent without delay go first.
    const order = planned.map((p, i) => ({ p, delay: delays[i] ?? 0 })).sort((a, b) => a.delay - b.delay);
    let failed = 0;
    if (order.length > 0) {
      const q = jobsQueue();
      for (const { batch } of batches(order)) {
        try {
          await sendJobs(
            q,
            batch.map((b) => b.p.job),
            batch.map((b) => b.delay),
          );
        } catch (error) {
          failed += batch.length;
          log('error', 'schedule.send_failed', { jobs: batch.length, ...errorFields(error), ...TICK_FAILS });
          continue;
        }
        // Queued: now (and only now) the next runs move on. A lost race means another tick already did it.
        await mapLimit(batch, SQS_BATCH_SIZE, async ({ p }) => {
          if (!store || !p.advance) return;
          try {
            await store.advanceNextRun(p.advance.id, p.advance.from, p.advance.to);
          } catch (error) {
            // Still due: the next tick queues it again, and the idempotency key keeps it to one post.
            log('error', 'schedule.advance_failed', { subscription: p.advance.id, ...errorFields(error) });
          }
        });
      }
    }
    const runtime = planned.filter((p) => p.advance).length;
    log('info', 'schedule.tick', {
      tick: event.time,
      due: planned.length,
      runtime,
      failed,
      subscriptions: planned.map((p) => p.job.subscription).slice(0, 50),
    });
    // A send that failed fails the invocation, so Lambda retries it (what was queued is deduplicated).
    const checksFailed = alertChecks?.failed ?? 0;
    const why = [
      ...(failed > 0 ? [`${failed} of ${planned.length} digest jobs could not be queued`] : []),
      ...(alertsFailed ? ['alert checks could not all be queued (the due alerts could not be claimed)'] : []),
      ...(checksFailed > 0
        ? [`alert checks could not all be queued (${checksFailed} of ${(alertChecks?.jobs ?? 0) + checksFailed} jobs; they are due again)`]
        : []),
    ];
    if (why.length > 0) throw new Error(why.join('; '));
    return { due: planned.length - failed, runtime, ...(alertChecks ? { alertChecks } : {}) };
  };
  return async (event) => {
    try {
      return await run(event);
    } catch (error) {
      // The one line an operator reads for why the tick failed (ScheduleErrorsAlarm told them it did).
      log('error', 'schedule.tick_failed', { tick: event.time, ...errorFields(error), ...TICK_FAILS });
      throw error;
    }
  };
}

/** Digest jobs due at a tick: occurrences in (tick − lookback, tick], the tick rounded down to its minute. */
export function dueDigestJobs(config: Config, tickTime: Date): DigestJob[] {
  return dueConfigDigests(config, tickTime).map((p) => p.job);
}

function dueConfigDigests(config: Config, tickTime: Date): PlannedDigest[] {
  if (Number.isNaN(tickTime.getTime())) throw new RangeError('the scheduled event has no valid time');
  const until = new Date(Math.floor(tickTime.getTime() / MINUTE) * MINUTE);
  const after = new Date(until.getTime() - LOOKBACK_MINUTES * MINUTE);
  return dueSubscriptions(config.subscriptions, { after, until }, config.defaults.timeZone).map((d) => ({
    job: { kind: 'digest', subscription: d.subscription.name, scheduledFor: d.scheduledFor.toISOString(), trigger: 'schedule' },
    channel: d.subscription.channel,
  }));
}

/** Runtime subscriptions due at a tick (one index Query), each with the occurrence it delivers and its next run. */
export async function dueRuntimeDigests(store: SubscriptionStore, tick: Date, limit: number, log: Log): Promise<PlannedDigest[]> {
  const due = await store.dueSubscriptions(tick, limit);
  const planned: PlannedDigest[] = [];
  for (const subscription of due) {
    if (!subscription.nextRunAt) continue;
    const occurrence = dueOccurrence(
      { schedule: subscription.schedule, timeZone: subscription.timeZone, nextRunAt: subscription.nextRunAt },
      tick,
    );
    if (!occurrence) continue;
    if (occurrence.skipped > 0) {
      log('warn', 'schedule.missed', { subscription: subscription.id, skipped: occurrence.skipped, delivered: occurrence.scheduledFor });
    }
    if (occurrence.spaced) {
      // Stored before the cron minimum: it runs at most hourly. Said at each of its runs (so at most hourly), next to
      // the run, so an operator asked why it posts less often than its cron finds it by its id.
      log('warn', 'schedule.spaced', {
        subscription: subscription.id,
        schedule: subscription.schedule,
        timeZone: subscription.timeZone,
        delivered: occurrence.scheduledFor,
        next: occurrence.next,
        heldBack: occurrence.spaced.count,
        cronNext: occurrence.spaced.cronNext,
      });
    }
    planned.push({
      job: { kind: 'digest', subscription: subscription.id, source: 'runtime', scheduledFor: occurrence.scheduledFor, trigger: 'schedule' },
      channel: subscription.channel,
      advance: { id: subscription.id, from: subscription.nextRunAt, to: occurrence.next },
    });
  }
  return planned;
}
