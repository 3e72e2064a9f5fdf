/**
 * The tick's part for alerts (thin I/O; the schedule handler calls it every minute beside the digests): claim the
 * due alerts (one Query of the due index: O(due); each claim is a conditional write moving its due time a lease
 * ahead, so overlapping ticks don't queue it twice and a check that never finishes is retried), group them into one
 * `alert_check` job per (project, window) (`alertCheckJobs`: N alerts on a project cost one ChatDash query per check)
 * and queue the jobs, 10 per SQS batch. A batch that can't be queued gives its alerts' claims back (due at once), so
 * the tick's retry, or the next tick, queues them: nothing waits for the lease.
 */
import { alertCheckJobs } from '../alerts/jobs.ts';
import type { AlertStore, StoredAlert } from '../alerts/store.ts';
import { batches, SQS_BATCH_SIZE, sendJobs } from '../jobs/batches.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { AlertCheckJob } from '../jobs/schema.ts';
import { coveredBy, errorFields, type Log } from '../log.ts';
import { mapLimit } from '../worker/map-limit.ts';

/** Alerts claimed per tick: the per-round budget (a minute's worth; the rest waits for the next tick). */
export const DEFAULT_ALERTS_PER_TICK = 2000;
/** A claimed alert whose check never finished is due again after this. */
export const DEFAULT_LEASE_MS = 15 * 60_000;

export interface QueueAlertChecksOptions {
  store: AlertStore;
  queue: JobQueue;
  /** The tick's time. */
  now: Date;
  log: Log;
  /** Default DEFAULT_ALERTS_PER_TICK. */
  limit?: number;
  /** Default DEFAULT_LEASE_MS. */
  leaseMs?: number;
}

export interface AlertTickResult {
  /** Alerts claimed. */
  alerts: number;
  /** Check jobs queued. */
  jobs: number;
  /** Check jobs that could not be queued (their alerts are due again). */
  failed: number;
}

export async function queueDueAlertChecks(options: QueueAlertChecksOptions): Promise<AlertTickResult> {
  const { store, queue, now, log } = options;
  const due = await store.claimDue(now, {
    limit: options.limit ?? DEFAULT_ALERTS_PER_TICK,
    leaseUntil: new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)),
  });
  const jobs = alertCheckJobs(due, now);
  let failed = 0;
  for (const { batch } of batches(jobs)) {
    try {
      await sendJobs(queue, batch);
    } catch (error) {
      failed += batch.length;
      // The tick fails for it (the schedule handler throws when a check could not be queued): ScheduleErrorsAlarm.
      log('error', 'alerts.send_failed', { jobs: batch.length, ...errorFields(error), ...coveredBy('ScheduleErrors') });
      await release(store, due, batch, now, log);
    }
  }
  log('info', 'alerts.tick', { tick: now.toISOString(), alerts: due.length, jobs: jobs.length, failed });
  return { alerts: due.length, jobs: jobs.length - failed, failed };
}

/** Gives back the claims of the alerts of jobs that were not queued: due at `now` again. */
async function release(
  store: AlertStore,
  claimed: readonly StoredAlert[],
  jobs: readonly AlertCheckJob[],
  now: Date,
  log: Log,
): Promise<void> {
  const ids = new Set(jobs.flatMap((job) => job.alertIds));
  await mapLimit(
    claimed.filter((a) => ids.has(a.definition.id)),
    SQS_BATCH_SIZE,
    async ({ definition, state }) => {
      try {
        await store.saveState(definition.id, state.version, { ...state, nextCheckAt: now.toISOString() });
      } catch (error) {
        // Its lease runs out instead: checked late, not lost.
        log('error', 'alerts.release_failed', { alertId: definition.id, ...errorFields(error), ...coveredBy('ScheduleErrors') });
      }
    },
  );
}
