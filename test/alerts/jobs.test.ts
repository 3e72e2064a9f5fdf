import { describe, expect, it } from 'vitest';
import { alertCheckJobs } from '../../src/alerts/jobs.ts';
import type { AlertInput } from '../../src/alerts/lifecycle.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';
import { settleMs } from '../../src/alerts/windows.ts';
import { AlertCheckJob } from '../../src/jobs/schema.ts';
import { makeAlert } from '../support/alert-input.ts';

const NOW = new Date('2026-11-17T11:20:00Z');
let n = 0;
const alert = (input: Partial<AlertInput> = {}): StoredAlert => makeAlert(input, { id: `a${String(++n).padStart(3, '0')}`, now: NOW });

describe('alertCheckJobs', () => {
  it('N alerts on one project and window make one job', () => {
    const due = [
      alert(),
      alert({ metric: { kind: 'conversations' } }),
      alert({ metric: { kind: 'total_cost' } }),
      alert({ channelId: 'C0AGENCY' }),
    ];
    const jobs = alertCheckJobs(due, NOW);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      kind: 'alert_check',
      project: 'shop',
      frequency: 'hourly',
      window: { start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T11:00:00.000Z' },
      alertIds: due.map((a) => a.definition.id).sort(),
    });
    expect(AlertCheckJob.safeParse(jobs[0]).success).toBe(true);
    // The shop's checks run some minutes past the hour, so at 11:20 the 10:00–11:00 hour is complete.
    expect(settleMs('shop')).toBeLessThan(20 * 60_000);
  });

  it('different projects, frequencies or windows make different jobs; paused alerts none', () => {
    const due = [
      alert(),
      alert({ project: 'acme' }),
      alert({ frequency: 'daily' }),
      alert({ frequency: 'daily', timeZone: 'America/New_York' }),
      { ...alert({ project: 'bella' }), definition: { ...alert({ project: 'bella' }).definition, paused: true } },
    ];
    const jobs = alertCheckJobs(due, NOW);
    expect(jobs.map((j) => [j.project, j.frequency, j.timeZone, j.window.start])).toEqual([
      ['shop', 'daily', 'Europe/Paris', '2026-11-15T23:00:00.000Z'],
      ['shop', 'daily', 'America/New_York', '2026-11-16T05:00:00.000Z'],
      ['acme', 'hourly', 'Europe/Paris', '2026-11-17T10:00:00.000Z'],
      ['shop', 'hourly', 'Europe/Paris', '2026-11-17T10:00:00.000Z'],
    ]);
  });

  it('the same due alerts give the same idempotency key (duplicate ticks); another set another key', () => {
    const due = [alert(), alert()];
    const [first] = alertCheckJobs(due, NOW);
    const [again] = alertCheckJobs([...due].reverse(), new Date(NOW.getTime() + 60_000));
    expect(again?.idempotencyKey).toBe(first?.idempotencyKey);
    const [more] = alertCheckJobs([...due, alert()], NOW);
    expect(more?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect(first?.idempotencyKey).toMatch(/^alert_check:shop:2026-11-17T10:00:00.000Z\/2026-11-17T11:00:00.000Z:[0-9a-f]{16}$/);
  });

  it('cuts a very large group into jobs of bounded size', () => {
    const due = Array.from({ length: 250 }, () => alert());
    const jobs = alertCheckJobs(due, NOW);
    expect(jobs.map((j) => j.alertIds.length).sort()).toEqual([100, 100, 50]);
    expect(new Set(jobs.map((j) => j.idempotencyKey)).size).toBe(3);
    expect(alertCheckJobs(due, NOW, { maxAlertsPerJob: 10 })).toHaveLength(25);
  });
});
