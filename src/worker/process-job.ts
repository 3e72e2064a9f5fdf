/**
 * Job dispatch. Each job kind's code is imported when the first job of that kind arrives, never at start-up:
 * the build splits the worker (esbuild `splitting`), so a cold worker loads the handler and then only what its
 * job needs (a stats answer doesn't parse the digest's cron and config code; nothing parses the chart renderer
 * until a chart is drawn, see src/worker/charts.ts). A new job kind adds one line to `RUNNERS`, importing its
 * module the same way; a static import here would put it back on every cold start.
 */
import type { Job } from '../jobs/schema.ts';
import type { WorkerDeps } from './deps.ts';

type Runner<K extends Job['kind']> = (job: Extract<Job, { kind: K }>, deps: WorkerDeps) => Promise<string>;

export const RUNNERS: { [K in Job['kind']]: () => Promise<Runner<K>> } = {
  stats: async () => (await import('./stats.ts')).runStats,
  drilldown: async () => (await import('./drilldown.ts')).runDrilldown,
  digest: async () => (await import('./digest.ts')).runDigest,
  overview: async () => (await import('./overview.ts')).runOverview,
  send_now: async () => (await import('./send-now.ts')).runSendNow,
  alert_check: async () => (await import('./alert-check.ts')).runAlertCheck,
};

/**
 * Starts importing the code of these job kinds without waiting, so it loads while the worker's deps are made
 * (in AWS: the secret is fetched). Failures are left for `processJob`, which imports again and reports them.
 */
export function preloadRunners(kinds: ReadonlyArray<Job['kind'] | undefined>): void {
  for (const kind of new Set(kinds)) if (kind) RUNNERS[kind]().catch(() => {});
}

/** Runs one job to its end; returns a short outcome for the logs. Throws only for failures worth retrying. */
export async function processJob(job: Job, deps: WorkerDeps): Promise<string> {
  const run = (await RUNNERS[job.kind]()) as Runner<Job['kind']>;
  return run(job, deps);
}

/**
 * What makes two deliveries of a job the same job. A digest's is (subscription, period): a runtime subscription is
 * read from the store to know its period, so its code is imported like its runner's. Send now's is its click.
 */
export async function idempotencyKeyOf(job: Job, deps: Pick<WorkerDeps, 'config' | 'store'>): Promise<string> {
  switch (job.kind) {
    case 'digest':
      return (await import('./digest.ts')).digestKey(job, deps);
    case 'send_now':
      return `send_now:${job.idempotencyKey}`;
    default:
      return job.idempotencyKey;
  }
}
