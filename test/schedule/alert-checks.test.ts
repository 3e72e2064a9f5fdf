/**
 * The tick's part for alerts, through the real schedule handler: due alerts are claimed and queued as one check job
 * per (project, window) in SQS batches of 10; a batch that can't be queued gives its alerts back (due again at once)
 * and fails the tick so it is retried; an alert store that fails never keeps the digests from being queued.
 */
import { describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/store.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { AlertCheckJob, Job } from '../../src/jobs/schema.ts';
import { DEFAULT_LEASE_MS } from '../../src/schedule/alert-checks.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import { makeAlert } from '../support/alert-input.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';

/** Tuesday 17 November 2026, 11:20 UTC: every project's check of 10:00–11:00 is due. */
const TICK = new Date('2026-11-17T11:20:00.000Z');
const PROJECTS = ['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop'];

async function seeded(perProject: number) {
  const { log, entries } = recordingLog();
  const stores = createMemoryAlertStores({ log });
  for (const [p, project] of PROJECTS.entries()) {
    for (let i = 0; i < perProject; i++) {
      // Daily alerts in two time zones for the shop: windows of their own.
      const extra = project === 'shop' && i === 0 ? { frequency: 'daily' as const } : {};
      const made = makeAlert({ project, ...extra }, { id: `al_${p}_${i}`, now: new Date(TICK.getTime() - 3_600_000) });
      await stores.store.create(made.definition, made.state, 'U0ALICE');
    }
  }
  return { stores, log, entries };
}

const noDigests = { ...demoConfig, subscriptions: [] };

describe('the tick with alerts', () => {
  it('claims the due alerts and queues one job per project and window, in SQS batches of 10', async () => {
    const { stores, log } = await seeded(3);
    const batches: number[] = [];
    const local = createLocalQueue();
    const queue: JobQueue = {
      send: (job) => local.send(job),
      async sendAll(jobs) {
        batches.push(jobs.length);
        for (const job of jobs) await local.send(job);
      },
    };
    const tick = createScheduleHandler({ config: noDigests, env: {}, queue, alerts: stores.store, log });
    const result = await tick({ time: TICK.toISOString() });
    // 7 projects hourly, the shop's daily alert on its own window: 8 jobs for 21 alerts.
    expect(result).toEqual({ due: 0, runtime: 0, alertChecks: { alerts: 21, jobs: 8, failed: 0 } });
    expect(batches).toEqual([8]);
    const jobs = local.waiting().map((w) => w.job as AlertCheckJob);
    expect(jobs.every((j) => j.kind === 'alert_check' && /^alert_check:/.test(j.idempotencyKey))).toBe(true);
    expect(jobs.reduce((n, j) => n + j.alertIds.length, 0)).toBe(21);
    // Claimed: the next tick finds nothing until the lease runs out.
    expect((await tick({ time: new Date(TICK.getTime() + 60_000).toISOString() })).alertChecks).toEqual({ alerts: 0, jobs: 0, failed: 0 });
    expect((await tick({ time: new Date(TICK.getTime() + DEFAULT_LEASE_MS).toISOString() })).alertChecks?.alerts).toBe(21);
  });

  it('a batch SQS refuses gives its alerts back, due at once, and fails the tick; the retry queues them', async () => {
    const { stores, log, entries } = await seeded(2);
    // 7 projects × 2 more windows each (daily alerts in Paris and New York): 21 jobs, 3 batches.
    for (const [p, project] of PROJECTS.entries()) {
      for (const timeZone of ['Europe/Paris', 'America/New_York']) {
        const made = makeAlert({ project, frequency: 'daily', timeZone }, { id: `al_${p}_d_${timeZone.slice(0, 6)}`, now: TICK });
        await stores.store.create(made.definition, made.state, 'U0ALICE');
      }
    }
    const local = createLocalQueue();
    let calls = 0;
    const queue: JobQueue = {
      send: (job: Job) => local.send(job),
      async sendAll(jobs) {
        calls += 1;
        if (calls === 2) throw new Error('SQS is down');
        for (const job of jobs) await local.send(job);
      },
    };
    const tick = createScheduleHandler({ config: noDigests, env: {}, queue, alerts: stores.store, log });
    await expect(tick({ time: TICK.toISOString() })).rejects.toThrow(/alert checks could not all be queued/);
    const queued = local.waiting().map((w) => w.job as AlertCheckJob);
    expect(queued).toHaveLength(11);
    expect(entries().find((l) => l.event === 'alerts.send_failed')).toMatchObject({ level: 'error', jobs: 10 });

    // EventBridge retries the tick: exactly the alerts of the refused batch are queued, once.
    const retried = await tick({ time: TICK.toISOString() });
    const again = local
      .waiting()
      .map((w) => w.job as AlertCheckJob)
      .slice(11);
    expect(retried.alertChecks).toMatchObject({ jobs: 10, failed: 0 });
    const ids = (jobs: AlertCheckJob[]) => jobs.flatMap((j) => j.alertIds);
    expect(new Set([...ids(queued), ...ids(again)]).size).toBe(ids(queued).length + ids(again).length);
    expect(ids(queued).length + ids(again).length).toBe(7 * 4);
  });

  it('an alert store that fails does not keep the digests from being queued; the tick fails after them', async () => {
    const { log, entries } = recordingLog();
    const broken = { claimDue: async () => Promise.reject(new Error('DynamoDB is down')) } as unknown as AlertStore;
    const queue = createLocalQueue();
    const tick = createScheduleHandler({ config: demoConfig, env: {}, queue, alerts: broken, log });
    // Monday 23 November 2026, 08:00 UTC: acme-weekly (09:00 Paris) is due.
    await expect(tick({ time: '2026-11-23T08:00:10Z' })).rejects.toThrow(/alert checks/);
    expect(queue.waiting().map((w) => w.job)).toEqual([expect.objectContaining({ kind: 'digest', subscription: 'acme-weekly' })]);
    expect(entries().find((l) => l.event === 'schedule.alerts_failed')).toMatchObject({ level: 'error', errorMessage: 'DynamoDB is down' });
  });
});
