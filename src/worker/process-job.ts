import type { Job } from '../jobs/schema.ts';
import type { WorkerDeps } from './deps.ts';
import { digestKey, runDigest } from './digest.ts';
import { runDrilldown } from './drilldown.ts';
import { runOverview } from './overview.ts';
import { runSendNow, sendNowIdempotencyKey } from './send-now.ts';
import { runStats } from './stats.ts';

/** Runs one job to its end; returns a short outcome for the logs. Throws only for failures worth retrying. */
export function processJob(job: Job, deps: WorkerDeps): Promise<string> {
  switch (job.kind) {
    case 'stats':
      return runStats(job, deps);
    case 'drilldown':
      return runDrilldown(job, deps);
    case 'digest':
      return runDigest(job, deps);
    case 'overview':
      return runOverview(job, deps);
    case 'send_now':
      return runSendNow(job, deps);
  }
}

/** What makes two deliveries of a job the same job (a runtime digest's key needs its subscription, from the store). */
export async function idempotencyKeyOf(job: Job, deps: WorkerDeps): Promise<string> {
  switch (job.kind) {
    case 'digest':
      return digestKey(job, deps);
    case 'send_now':
      return sendNowIdempotencyKey(job);
    default:
      return job.idempotencyKey;
  }
}
