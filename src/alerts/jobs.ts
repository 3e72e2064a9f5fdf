/**
 * From due alerts to check jobs (pure): one job per (project, window), so N alerts on a project cost one ChatDash
 * query per check, not N. The window is the latest complete one (local hour or day) at the tick; alerts whose time
 * zones give different windows (daily alerts in Paris and New York) get different jobs. A very large group is cut
 * into jobs of at most MAX_ALERTS_PER_JOB; the first to run keeps the window's numbers and the others read them.
 */
import { createHash } from 'node:crypto';
import type { AlertCheckJob } from '../jobs/schema.ts';
import type { StoredAlert } from './model.ts';
import { latestCompleteWindow, settleMs } from './windows.ts';

export const MAX_ALERTS_PER_JOB = 100;

/**
 * The check jobs for `due` alerts at `now`, sorted by window then project. The idempotency key covers the project,
 * the window and the exact alerts: a duplicate tick queues the same key (run once), and a job for a slightly
 * different set (an alert added between ticks) is harmless because each alert applies each window at most once.
 */
export function alertCheckJobs(due: readonly StoredAlert[], now: Date, options: { maxAlertsPerJob?: number } = {}): AlertCheckJob[] {
  const perJob = Math.max(1, Math.min(MAX_ALERTS_PER_JOB, options.maxAlertsPerJob ?? MAX_ALERTS_PER_JOB));
  const groups = new Map<string, { head: Omit<AlertCheckJob, 'idempotencyKey' | 'alertIds'>; ids: string[] }>();
  for (const { definition: a } of due) {
    if (a.paused) continue;
    const window = latestCompleteWindow(a.frequency, a.timeZone, now, settleMs(a.project));
    const key = [a.project, a.frequency, a.timeZone, window.start, window.end].join('|');
    let group = groups.get(key);
    if (!group) {
      group = {
        head: {
          kind: 'alert_check',
          project: a.project,
          frequency: a.frequency,
          timeZone: a.timeZone,
          window,
          queuedAt: now.toISOString(),
        },
        ids: [],
      };
      groups.set(key, group);
    }
    group.ids.push(a.id);
  }
  const jobs: AlertCheckJob[] = [];
  for (const { head, ids } of groups.values()) {
    const sorted = [...new Set(ids)].sort();
    for (let i = 0; i < sorted.length; i += perJob) {
      const alertIds = sorted.slice(i, i + perJob);
      const digest = createHash('sha256').update(alertIds.join(',')).digest('hex').slice(0, 16);
      jobs.push({ ...head, idempotencyKey: `alert_check:${head.project}:${head.window.start}/${head.window.end}:${digest}`, alertIds });
    }
  }
  return jobs.sort(
    (a, b) =>
      a.window.end.localeCompare(b.window.end) || a.project.localeCompare(b.project) || a.idempotencyKey.localeCompare(b.idempotencyKey),
  );
}
