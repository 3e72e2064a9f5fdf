/**
 * Alerts exactly once with the production guard: AWS Lambda Powertools idempotency records in DynamoDB (moto), for
 * the check job (project + window + alerts) and for each notice (alert + incident + notice). Duplicate ticks,
 * concurrent deliveries, redeliveries, a post Slack refuses and a crash between the post and the state write each
 * end with one message per notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alertCheckJobs } from '../../src/alerts/jobs.ts';
import type { AlertStore } from '../../src/alerts/store.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import { type AlertBed, SHOP, startAlertBed } from '../support/alerts.ts';
import { createPowertoolsGuard, useDynamo } from '../support/idempotency-table.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';

describe.skipIf(!motoAvailable)('alerts exactly once with DynamoDB idempotency (moto)', () => {
  // The AWS SDK inside Powertools takes its credentials from the process environment.
  const moto = useMoto({ processEnv: true });
  const dynamo = useDynamo(moto);
  let bed: AlertBed | undefined;
  let tables = 0;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  /** A fresh idempotency table (shaped like serverless.yml's) and a bed whose worker and notices use it. */
  async function start(): Promise<AlertBed> {
    const once = await createPowertoolsGuard(dynamo, moto, `alerts-idempotency-${++tables}`, 60_000);
    const created = await startAlertBed({ start: new Date('2026-11-17T09:00:00Z'), once });
    await created.create({ metric: { kind: 'understood_rate' }, condition: { kind: 'threshold', direction: 'below', value: 0.85 } }, 'x1');
    await created.create({ metric: { kind: 'understood_rate' }, condition: { kind: 'threshold', direction: 'below', value: 0.9 } }, 'x2');
    created.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', until: '2026-11-17T13:00:00Z', missRate: 0.4 });
    return created;
  }

  const TICK = new Date('2026-11-17T11:20:00Z');
  const roots = (b: AlertBed) => b.posts().filter((p) => p.body.thread_ts === undefined);

  it('the same check delivered concurrently and redelivered posts each alert once', async () => {
    bed = await start();
    bed.clock.now = TICK;
    const alerts = await bed.alerts.store.getMany(['x1', 'x2']);
    const body = JSON.stringify(alertCheckJobs(alerts, TICK)[0]);
    // Slow ChatDash a little so the deliveries overlap.
    bed.bot.sandbox.setFault({ type: 'slow', delayMs: 150 }, SHOP);
    const [a, b] = await Promise.all([
      bed.worker({ Records: [sqsRecord(body, 'm1'), sqsRecord(body, 'm2')] }),
      bed.worker({ Records: [sqsRecord(body, 'm3')] }),
    ]);
    bed.bot.sandbox.setFault(undefined, SHOP);
    // Deliveries that found the check in progress go back to SQS; redelivered, they find it done.
    const failed = [...a.batchItemFailures, ...b.batchItemFailures];
    expect(failed).toHaveLength(2);
    for (const f of failed)
      expect(await bed.worker({ Records: [sqsRecord(body, f.itemIdentifier, 2)] })).toEqual({ batchItemFailures: [] });
    expect(roots(bed)).toHaveLength(2);
  });

  it('a crash between the post and the state write does not post twice on the retry', async () => {
    bed = await start();
    // The first time a notice is about to be recorded as posted, the store fails (the Lambda died there).
    const store = bed.alerts.store;
    let failures = 1;
    const crashing: AlertStore = {
      ...store,
      async saveState(id, version, next) {
        const current = await store.get(id);
        if (failures > 0 && current && next.pending.length < current.state.pending.length) {
          failures -= 1;
          throw new Error('simulated crash after the post');
        }
        return store.saveState(id, version, next);
      },
    };
    bed.alerts.store = crashing;
    const { jobs, result } = await bed.tick(TICK);
    expect(result.batchItemFailures).toHaveLength(1);
    expect(roots(bed)).toHaveLength(2);
    const stuck = (await store.getMany(['x1', 'x2'])).filter((a) => a.state.pending.length > 0);
    expect(stuck).toHaveLength(1);

    // SQS redelivers: the job key was released (it failed), the notice key was not (its post succeeded).
    const retried = await bed.worker({ Records: [sqsRecord(JSON.stringify(jobs[0]), result.batchItemFailures[0]!.itemIdentifier, 2)] });
    expect(retried.batchItemFailures).toEqual([]);
    expect(roots(bed)).toHaveLength(2);
    for (const a of await store.getMany(['x1', 'x2'])) {
      expect(a.state.pending).toEqual([]);
      expect(a.state.incident?.threadTs).toMatch(/^\d+\.\d+$/);
    }

    // The incident ends: one "back to normal" each, in its own thread.
    await bed.runUntil(new Date('2026-11-17T16:00:00Z'), 20);
    const replies = bed.posts().filter((p) => p.body.thread_ts !== undefined);
    expect(replies).toHaveLength(2);
    expect(new Set(replies.map((r) => r.body.thread_ts))).toEqual(new Set(bed.postedTs('fire')));
  });
});
