/**
 * Exactly once, with the production once-guard: AWS Lambda Powertools idempotency records in DynamoDB (moto).
 * EventBridge ticks overlap (two jobs for one digest), SQS redelivers and delivers concurrently; the Slack
 * double must see one chat.postMessage per digest. A manual run posts again; a failed post is retried.
 */
import { DescribeTimeToLiveCommand, ScanCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalQueue, sqsRecord } from '../../src/jobs/local-queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createDynamoOnceGuard } from '../../src/worker/idempotency.ts';
import { useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { createIdempotencyTable, useDynamo } from '../support/idempotency-table.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { digestJob, sqsEvent } from '../support/payloads.ts';
import { postsTo } from '../support/slack-messages.ts';

describe.skipIf(!motoAvailable)('digests exactly once with DynamoDB idempotency (moto)', () => {
  // The AWS SDK inside Powertools takes its credentials from the process environment.
  const moto = useMoto({ processEnv: true });
  const dynamo = useDynamo(moto);
  const bot = useBot();
  let tableName: string;
  let ttlSupported = false;
  let tables = 0;

  beforeEach(async () => {
    // A fresh table per test, shaped like serverless.yml's IdempotencyTable.
    tableName = `chatdash-idempotency-${++tables}`;
    await createIdempotencyTable(dynamo, tableName);
    try {
      await dynamo.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true } }),
      );
      const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      ttlSupported = ttl.TimeToLiveDescription?.AttributeName === 'expiration';
    } catch {
      ttlSupported = false;
    }
  });

  /** Enough of a Lambda context for Powertools: in-progress records expire when the invocation would time out. */
  function lambdaContext(): Context {
    const deadline = Date.now() + 60_000;
    return {
      functionName: 'worker',
      awsRequestId: `req-${Date.now()}`,
      getRemainingTimeInMillis: () => deadline - Date.now(),
    } as unknown as Context;
  }

  async function worker(): Promise<WorkerHandler> {
    const env = { ...moto.env, ...bot.env, IDEMPOTENCY_TABLE: tableName };
    const handler = createWorkerHandler({
      config,
      env,
      deps: await bot.deps(),
      once: createDynamoOnceGuard({ tableName, env }),
      log: bot.log,
      concurrency: 4,
    });
    return (event) => handler(event, lambdaContext());
  }

  async function records(): Promise<Array<Record<string, unknown>>> {
    const scan = await dynamo.send(new ScanCommand({ TableName: tableName }));
    return (scan.Items ?? []).map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, Object.values(v)[0]])));
  }

  it('two overlapping schedule ticks queue two jobs for one digest: one post, one COMPLETED record with a TTL', async () => {
    const queue = createLocalQueue();
    const schedule = createScheduleHandler({ config, queue, log: bot.log });
    const handler = await worker();

    // The 08:00 tick, then the 08:01 tick whose lookback still covers 08:00: each queues the acme digest.
    expect(await schedule({ time: '2026-11-23T08:00:00Z' })).toEqual({ due: 1, runtime: 0 });
    const first = queue.drain();
    expect(await schedule({ time: '2026-11-23T08:01:00Z' })).toEqual({ due: 1, runtime: 0 });
    const second = queue.drain();
    expect(first.Records[0]!.messageId).not.toBe(second.Records[0]!.messageId);
    expect(JSON.parse(first.Records[0]!.body)).toEqual(JSON.parse(second.Records[0]!.body));

    expect(await handler(first)).toEqual({ batchItemFailures: [] });
    expect(await handler(second)).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);

    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'COMPLETED' });
    // Powertools hashes the key into the record id; the expiry is about 7 days ahead (epoch seconds).
    const expiration = Number(stored[0]!.expiration);
    expect(expiration * 1000 - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiration * 1000 - Date.now()).toBeLessThan(7.1 * 86_400_000);
    if (!ttlSupported) console.warn('moto did not confirm TTL on the idempotency table; the expiration attribute was still checked');
  });

  it('the same SQS message delivered twice posts once', async () => {
    const handler = await worker();
    const body = JSON.stringify(digestJob('bella-weekly', '2026-11-23T13:30:00.000Z'));
    expect(await handler({ Records: [sqsRecord(body, 'm-1', 1)] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [sqsRecord(body, 'm-1', 2)] })).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0BELLA')).toHaveLength(1);
  });

  it('the same digest delivered concurrently (one batch, and two invocations at once) posts once', async () => {
    const job = digestJob('acme-weekly', '2026-11-30T08:00:00.000Z');
    const handler = await worker();
    const other = await worker();
    // Slow ChatDash down a little so the deliveries really overlap.
    bot.sandbox.setFault({ type: 'slow', delayMs: 150 });
    const batch = sqsEvent(job, job);
    const [a, b] = await Promise.all([handler(batch), other(sqsEvent(job))]);
    bot.sandbox.setFault(undefined);
    const failed = [...a.batchItemFailures, ...b.batchItemFailures];
    // Deliveries that found the digest in progress are handed back to SQS, never run a second time.
    expect(failed).toHaveLength(2);
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);

    // SQS redelivers them: the digest is COMPLETED, so they succeed without posting.
    for (let i = 0; i < failed.length; i++) {
      expect(await handler(sqsEvent({ body: job, id: `redelivered-${i}`, receiveCount: 2 }))).toEqual({ batchItemFailures: [] });
    }
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(await records()).toEqual([expect.objectContaining({ status: 'COMPLETED' })]);
  });

  it('a manual run of an already posted digest posts again', async () => {
    const handler = await worker();
    const scheduled = digestJob('acme-weekly', '2026-11-23T08:00:00.000Z');
    expect(await handler(sqsEvent(scheduled))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(scheduled))).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(await handler(sqsEvent(digestJob('acme-weekly', '2026-11-23T10:12:00.000Z', 'manual')))).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(2);
    expect(await records()).toHaveLength(2);
  });

  it('a post that fails (Slack 500 on every try) is a batch item failure, leaves no record, and the retry posts once', {
    timeout: 40_000,
  }, async () => {
    const handler = await worker();
    const job = digestJob('bella-weekly', '2026-11-30T13:30:00.000Z');
    // The Web API client tries 4 times (1 + 3 retries); fail them all.
    bot.slack.fail('chat.postMessage', { error: 'internal_error', httpStatus: 500, times: 4 });
    const event = sqsEvent({ body: job, id: 'bella-1' });
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: 'bella-1' }] });
    expect(bot.slack.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, false, false, false]);
    expect(postsTo(bot.slack, 'C0BELLA')).toEqual([]);
    // Powertools removed the record, so the retry is allowed to run.
    expect(await records()).toEqual([]);

    expect(await handler(sqsEvent({ body: job, id: 'bella-1', receiveCount: 2 }))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent({ body: job, id: 'bella-1', receiveCount: 3 }))).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0BELLA')).toHaveLength(1);
  });
});
