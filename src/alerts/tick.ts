/**
 * The tick's part for alerts (thin I/O): claim the due alerts, group them into one check job per (project, window)
 * and queue the jobs. The schedule function calls this every minute once the runtime store is wired in.
 */
import type { JobQueue } from '../jobs/queue.ts';
import type { Log } from '../log.ts';
import { alertCheckJobs } from './jobs.ts';
import type { AlertStore } from './store.ts';

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

export async function queueDueAlertChecks(options: QueueAlertChecksOptions): Promise<{ alerts: number; jobs: number }> {
  const { store, queue, now, log } = options;
  const due = await store.claimDue(now, {
    limit: options.limit ?? DEFAULT_ALERTS_PER_TICK,
    leaseUntil: new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)),
  });
  const jobs = alertCheckJobs(due, now);
  if (jobs.length > 0) await (queue.sendAll ? queue.sendAll(jobs) : Promise.all(jobs.map((job) => queue.send(job))));
  log('info', 'alerts.tick', { time: now.toISOString(), alerts: due.length, jobs: jobs.length });
  return { alerts: due.length, jobs: jobs.length };
}
