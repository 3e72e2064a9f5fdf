/** "Once per key" in DynamoDB (moto), through AWS Lambda Powertools: duplicates get the first result; failures may retry. */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerHandler } from '../../src/worker/handler.ts';
import { AlreadyInProgressError, createDynamoOnceGuard } from '../../src/worker/idempotency.ts';
import { useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { createIdempotencyTable } from '../support/idempotency-table.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';

const TABLE = 'chatdash-idempotency';

describe.skipIf(!motoAvailable)('DynamoDB once-guard (moto)', () => {
  const moto = useMoto();
  let dynamo: DynamoDBClient;

  beforeAll(async () => {
    dynamo = new DynamoDBClient(moto.clientConfig);
    await createIdempotencyTable(dynamo, TABLE);
  });
  afterAll(() => {
    dynamo?.destroy();
  });

  it('runs fn once per key; a duplicate gets the first run\u2019s result', async () => {
    const guard = createDynamoOnceGuard({ tableName: TABLE, env: moto.env });
    let runs = 0;
    const fn = async () => ({ outcome: 'posted', run: ++runs });
    expect(await guard.once('digest:acme-weekly:2026-11-16', fn)).toEqual({ outcome: 'posted', run: 1 });
    expect(await guard.once('digest:acme-weekly:2026-11-16', fn)).toEqual({ outcome: 'posted', run: 1 });
    expect(runs).toBe(1);
    // Another container (a fresh guard) sees the same record.
    const other = createDynamoOnceGuard({ tableName: TABLE, env: moto.env });
    expect(await other.once('digest:acme-weekly:2026-11-16', fn)).toEqual({ outcome: 'posted', run: 1 });
    expect(runs).toBe(1);
    // A different key runs.
    expect(await guard.once('digest:acme-weekly:2026-11-23', fn)).toEqual({ outcome: 'posted', run: 2 });
  });

  it('a failing fn leaves no record, so the retry runs', async () => {
    const guard = createDynamoOnceGuard({ tableName: TABLE, env: moto.env });
    let runs = 0;
    const flaky = async () => {
      runs += 1;
      if (runs === 1) throw new Error('ChatDash down');
      return { outcome: 'delivered', run: runs };
    };
    await expect(guard.once('stats:trig-flaky', flaky)).rejects.toThrow('ChatDash down');
    expect(await guard.once('stats:trig-flaky', flaky)).toEqual({ outcome: 'delivered', run: 2 });
    expect(await guard.once('stats:trig-flaky', flaky)).toEqual({ outcome: 'delivered', run: 2 });
    expect(runs).toBe(2);
  });

  it('a duplicate delivered while the first still runs is refused as in progress (to be retried)', async () => {
    const guard = createDynamoOnceGuard({ tableName: TABLE, env: moto.env });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = guard.once('event:Ev-slow', async () => {
      await gate;
      return { outcome: 'delivered' };
    });
    await new Promise((r) => setTimeout(r, 150));
    await expect(guard.once('event:Ev-slow', async () => ({ outcome: 'twice' }))).rejects.toThrow(AlreadyInProgressError);
    release();
    expect(await first).toEqual({ outcome: 'delivered' });
  });

  describe('the worker with IDEMPOTENCY_TABLE', () => {
    const bot = useBot();

    it('answers a stats job delivered twice (two containers) only once', async () => {
      await bot.command('stats acme 7d', { response_url: bot.slack.responseUrl('dyn'), trigger_id: 'trig.dynamo' });
      const { event } = bot.drain();
      const deps = await bot.deps();
      // No `once` option: the guard comes from IDEMPOTENCY_TABLE, as in Lambda.
      const env = { ...bot.env, ...moto.env, IDEMPOTENCY_TABLE: TABLE };
      const containerA = createWorkerHandler({ config, env, deps, log: bot.log });
      const containerB = createWorkerHandler({ config, env, deps, log: bot.log });
      expect((await containerA(event)).batchItemFailures).toEqual([]);
      expect((await containerB(event)).batchItemFailures).toEqual([]);
      expect(bot.slack.callsTo('response_url')).toHaveLength(1);
    });
  });
});
