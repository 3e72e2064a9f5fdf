/**
 * The tick with runtime subscriptions, on both stores (in memory; DynamoDB on moto): it reads what is due and only
 * that (10 due among 1,000 stored → ~10 items read), queues one job each, spread per channel, then advances each
 * next run; overlapping ticks queue a digest at most twice with one idempotency key; a failed send advances
 * nothing; paused subscriptions are left alone; time zones and DST hold week after week.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { DigestJob } from '../../src/jobs/schema.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { type NewSubscription, type StateStore, userActor } from '../../src/store/store.ts';
import { subscriptionItem } from '../../src/store/subscription-item.ts';
import { createdSubscription } from '../../src/store/transitions.ts';
import { fromRuntime } from '../../src/subscriptions/model.ts';
import { periodAt } from '../../src/worker/subscriptions.ts';
import { demoConfig as config } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';
import { useStateTables } from '../support/state-table.ts';
import { subscriptionSettings as settings } from '../support/subscriptions.ts';

const ALICE = userActor('U0ALICE');
/** Thursday 19 November 2026, 09:00 UTC: when the subscriptions are made. */
const MADE = new Date('2026-11-19T09:00:00.000Z');

interface TickHarness {
  store: StateStore;
  /** Stores many subscriptions made at MADE, fast (a batch write on DynamoDB). */
  seed(list: NewSubscription[]): Promise<string[]>;
}

function tickSuite(name: string, make: () => Promise<TickHarness>) {
  describe(`the tick with runtime subscriptions: ${name}`, () => {
    let h: TickHarness;
    beforeEach(async () => {
      h = await make();
    });

    const tickWith = (queue: JobQueue) => {
      const { log, entries } = recordingLog();
      return { tick: createScheduleHandler({ config: { ...config, subscriptions: [] }, queue, store: h.store, log }), entries };
    };

    it('a stored cron firing every 15 minutes (written before the cron minimum) is read as ever and run at most hourly', async () => {
      const [id] = await h.seed([settings({ schedule: '*/15 * * * *', timeZone: 'UTC' })]);
      expect((await h.store.getSubscription(id!))?.nextRunAt).toBe('2026-11-19T09:15:00.000Z');
      const queue = createLocalQueue();
      const { tick, entries } = tickWith(queue);
      expect(await tick({ time: '2026-11-19T09:15:10Z' })).toMatchObject({ due: 1, runtime: 1 });
      expect(queue.waiting().map((q) => (q.job as DigestJob).scheduledFor)).toEqual(['2026-11-19T09:15:00.000Z']);
      // Not 09:30: an hour after the run it delivered.
      expect((await h.store.getSubscription(id!))?.nextRunAt).toBe('2026-11-19T10:15:00.000Z');
      expect(await tick({ time: '2026-11-19T09:30:10Z' })).toMatchObject({ due: 0, runtime: 0 });
      expect(await tick({ time: '2026-11-19T10:15:10Z' })).toMatchObject({ due: 1, runtime: 1 });
      expect(queue.waiting()).toHaveLength(2);
      // Each run says why the next one is an hour away, not 15 minutes: one warning per run (none at the ticks between),
      // naming the subscription and its cron, and no one (the tick acts for no person).
      const spaced = entries().filter((l) => l.event === 'schedule.spaced');
      expect(spaced).toEqual([
        expect.objectContaining({
          level: 'warn',
          subscription: id,
          schedule: '*/15 * * * *',
          timeZone: 'UTC',
          delivered: '2026-11-19T09:15:00.000Z',
          next: '2026-11-19T10:15:00.000Z',
          heldBack: 3,
          cronNext: '2026-11-19T09:30:00.000Z',
        }),
        expect.objectContaining({ subscription: id, delivered: '2026-11-19T10:15:00.000Z', next: '2026-11-19T11:15:00.000Z', heldBack: 3 }),
      ]);
      for (const line of spaced) expect(Object.keys(line).filter((k) => /actor|user|owner/i.test(k))).toEqual([]);
    });

    it('an hourly or daily cron runs on its cron and logs no spacing', async () => {
      await h.seed([settings({ schedule: '15 * * * *', timeZone: 'UTC' }), settings({ schedule: '15 9 * * *', timeZone: 'UTC' })]);
      const { tick, entries } = tickWith(createLocalQueue());
      expect(await tick({ time: '2026-11-19T09:15:10Z' })).toMatchObject({ due: 2, runtime: 2 });
      expect(entries().filter((l) => l.event === 'schedule.spaced')).toEqual([]);
    });

    it('10 due among 1,000 stored: reads ~10 items, queues 10 jobs spread per channel, advances each next run', async () => {
      // 990 weekly digests (Mondays 09:00 Paris) and 10 daily ones at 10:00 UTC in two channels.
      await h.seed(Array.from({ length: 990 }, (_, i) => settings({ channel: `C0W${i % 50}` })));
      const daily = await h.seed(
        Array.from({ length: 10 }, (_, i) => settings({ schedule: '0 10 * * *', timeZone: 'UTC', channel: i < 6 ? 'C0DAY1' : 'C0DAY2' })),
      );
      const queue = createLocalQueue();
      const { tick, entries } = tickWith(queue);

      const before = { ...h.store.reads };
      expect(await tick({ time: '2026-11-19T10:00:20Z' })).toEqual({ due: 10, runtime: 10 });
      const read = h.store.reads.items - before.items;
      expect(read).toBeGreaterThanOrEqual(10);
      expect(read).toBeLessThanOrEqual(12);
      expect(h.store.reads.requests - before.requests).toBeLessThanOrEqual(3);

      const queued = queue.waiting();
      expect(queued.map((q) => (q.job as DigestJob).subscription).sort()).toEqual([...daily].sort());
      for (const { job } of queued) {
        expect(job).toMatchObject({ kind: 'digest', source: 'runtime', scheduledFor: '2026-11-19T10:00:00.000Z', trigger: 'schedule' });
      }
      // Six digests for C0DAY1 are a second apart; four for C0DAY2 likewise.
      const delays = queued.map((q) => q.delaySeconds).sort((a, b) => a - b);
      expect(delays).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5]);

      for (const id of daily) expect((await h.store.getSubscription(id))?.nextRunAt).toBe('2026-11-20T10:00:00.000Z');
      expect(entries().find((l) => l.event === 'schedule.tick')).toMatchObject({
        tick: '2026-11-19T10:00:20Z',
        due: 10,
        runtime: 10,
        failed: 0,
      });

      // The next tick: nothing is due, nothing much is read.
      const again = { ...h.store.reads };
      expect(await tick({ time: '2026-11-19T10:01:20Z' })).toEqual({ due: 0, runtime: 0 });
      expect(h.store.reads.items - again.items).toBe(0);
    });

    it('two overlapping ticks: each may queue the digest, both jobs name one digest, the next run advances once', async () => {
      const [id] = await h.seed([settings({ schedule: '0 10 * * *', timeZone: 'UTC' })]);
      const queue = createLocalQueue();
      const { tick } = tickWith(queue);
      const results = await Promise.all([tick({ time: '2026-11-19T10:00:02Z' }), tick({ time: '2026-11-19T10:00:03Z' })]);
      const queued = queue.waiting().map((q) => q.job as DigestJob);
      expect(queued.length).toBeGreaterThanOrEqual(1);
      expect(results.reduce((n, r) => n + r.due, 0)).toBe(queued.length);
      const subscription = fromRuntime((await h.store.getSubscription(id!))!);
      const keys = new Set(
        queued.map((job) => {
          const resolved = periodAt(subscription, job.scheduledFor, config);
          if ('error' in resolved) throw new Error(resolved.error);
          return `${job.subscription}:${resolved.period.start}/${resolved.period.end}`;
        }),
      );
      expect(keys.size).toBe(1);
      expect(subscription.nextRunAt).toBe('2026-11-20T10:00:00.000Z');
    });

    it('a send that fails advances nothing: the tick fails, and the next one queues the digest', async () => {
      const [id] = await h.seed([settings({ schedule: '0 10 * * *', timeZone: 'UTC' })]);
      const broken: JobQueue = {
        send: async () => {
          throw new Error('SQS is down');
        },
        sendAll: async () => {
          throw new Error('SQS is down');
        },
      };
      await expect(tickWith(broken).tick({ time: '2026-11-19T10:00:02Z' })).rejects.toThrow(/could not be queued/);
      expect((await h.store.getSubscription(id!))?.nextRunAt).toBe('2026-11-19T10:00:00.000Z');
      const queue = createLocalQueue();
      // Even several minutes later (a long SQS outage), nothing is lost.
      expect(await tickWith(queue).tick({ time: '2026-11-19T10:07:02Z' })).toEqual({ due: 1, runtime: 1 });
      expect(queue.waiting()[0]?.job).toMatchObject({ subscription: id, scheduledFor: '2026-11-19T10:00:00.000Z' });
    });

    it('leaves paused subscriptions alone, and delivers a resumed one from its next run on', async () => {
      const [id] = await h.seed([settings({ schedule: '0 10 * * *', timeZone: 'UTC' })]);
      await h.store.pauseSubscription(id!, 'user', ALICE);
      const queue = createLocalQueue();
      expect(await tickWith(queue).tick({ time: '2026-11-19T10:00:02Z' })).toEqual({ due: 0, runtime: 0 });
      expect(queue.size).toBe(0);
    });
  });
}

tickSuite('in memory', async () => {
  const store = createMemoryStore({ log: recordingLog().log, now: () => MADE });
  return {
    store,
    async seed(list) {
      return list.map((input) => {
        const made = createdSubscription(input, ALICE, MADE);
        store.putRawItem(subscriptionItem(made));
        return made.id;
      });
    },
  };
});

describe.skipIf(!motoAvailable)('on DynamoDB (moto)', () => {
  const tables = useStateTables();
  tickSuite('DynamoDB', async () => {
    const table = await tables.create();
    const store = createDynamoStore({ tableName: table.name, env: table.env, log: recordingLog().log, now: () => MADE });
    return {
      store,
      async seed(list) {
        const made = list.map((input) => createdSubscription(input, ALICE, MADE));
        await table.putMany(made.map(subscriptionItem));
        return made.map((s) => s.id);
      },
    };
  });
});

describe('runtime subscriptions across time zones and DST (in memory, every-minute ticks)', () => {
  it('Monday 09:00 Paris and 08:30 New York are delivered once each week, at the right UTC time, through both DST changes', async () => {
    const store = createMemoryStore({ log: recordingLog().log, now: () => new Date('2026-03-01T00:00:00Z') });
    const paris = await store.createSubscription(settings(), ALICE);
    const newYork = await store.createSubscription(
      settings({ schedule: '30 8 * * MON', timeZone: 'America/New_York', channel: 'C0BELLA', project: 'bella' }),
      ALICE,
    );
    const queue = createLocalQueue();
    const tick = createScheduleHandler({ config: { ...config, subscriptions: [] }, queue, store, log: recordingLog().log });
    const mondays = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'];
    for (const day of mondays) {
      // Every minute 06:00–14:59 UTC, a few seconds late, skipping the exact minute of each digest and every 7th tick.
      for (let m = 6 * 60; m < 15 * 60; m++) {
        if (m % 7 === 3 || [420, 480, 750, 810].includes(m)) continue;
        const time = new Date(`${day}T00:00:00Z`).getTime() + m * 60_000 + 7_000;
        await tick({ time: new Date(time).toISOString() });
      }
    }
    const delivered = queue.waiting().map((q) => q.job as DigestJob);
    const of = (id: string) => delivered.filter((j) => j.subscription === id).map((j) => j.scheduledFor);
    expect(of(paris.id)).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
    expect(of(newYork.id)).toEqual([
      '2026-03-02T13:30:00.000Z',
      '2026-03-09T12:30:00.000Z',
      '2026-03-16T12:30:00.000Z',
      '2026-03-23T12:30:00.000Z',
      '2026-03-30T12:30:00.000Z',
      '2026-04-06T12:30:00.000Z',
    ]);
  });
});
