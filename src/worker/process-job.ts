import { runAlertCheck } from '../alerts/check.ts';
import type { Config } from '../config/schema.ts';
import type { Job } from '../jobs/schema.ts';
import type { WorkerDeps } from './deps.ts';
import { digestIdempotencyKey, runDigest } from './digest.ts';
import { runDrilldown } from './drilldown.ts';
import { runOverview } from './overview.ts';
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
    case 'alert-check':
      return runAlertCheck(job, deps);
  }
}

export function idempotencyKeyOf(job: Job, config: Config): string {
  return job.kind === 'digest' ? digestIdempotencyKey(job, config) : job.idempotencyKey;
}
