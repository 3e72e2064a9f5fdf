/**
 * The demo's `agency-weekly` subscription (`projects: all` in the agency channel) posts the overview on schedule
 * exactly once per (subscription, period): overlapping schedule ticks and SQS redeliveries post one message, with
 * the in-process guard and with the production one (Powertools idempotency records in DynamoDB on moto). Its
 * "Full stats" buttons answer in the overview's thread, once per click.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalQueue, sqsRecord } from '../../src/jobs/local-queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createDynamoOnceGuard, createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { allText, type Bot, blockActionsPayload, startBot } from '../slack/harness.ts';
import { type Moto, motoAvailable, startMoto } from '../support/moto.ts';
import { overviewButtons, sectionTexts } from '../support/overview.ts';

/** Friday 27 Nov 2026, 09:00 in Paris: agency-weekly's occurrence. */
const DUE = '2026-11-27T08:00:00.000Z';
let bot: Bot;
let moto: Moto | undefined;
let dynamo: DynamoDBClient | undefined;
const savedEnv: Record<string, string | undefined> = {};
let tables = 0;

beforeAll(async () => {
  bot = await startBot();
  if (!motoAvailable) return;
  moto = await startMoto();
  // The AWS SDK inside Powertools takes its credentials from the process environment.
  for (const [key, value] of Object.entries(moto.env)) {
    savedEnv[key] = process.env[key];
    process.env[key] = value;
  }
  dynamo = new DynamoDBClient({ region: moto.env.AWS_REGION, endpoint: moto.endpoint });
});
afterAll(async () => {
  dynamo?.destroy();
  await moto?.stop();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await bot?.close();
});
beforeEach(() => {
  bot.reset();
});

/** A fresh once-guard of each kind: in-process, and DynamoDB (shaped like serverless.yml's table) when moto is installed. */
const guards: Array<[string, () => Promise<OnceGuard>]> = [
  ['in-process guard', async () => createMemoryOnceGuard()],
  ...(motoAvailable
    ? ([
        [
          'DynamoDB guard (moto)',
          async () => {
            const tableName = `overview-idempotency-${++tables}`;
            await dynamo!.send(
              new CreateTableCommand({
                TableName: tableName,
                BillingMode: 'PAY_PER_REQUEST',
                AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
                KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              }),
            );
            return createDynamoOnceGuard({ tableName, env: { ...process.env, ...moto!.env } });
          },
        ],
      ] as Array<[string, () => Promise<OnceGuard>]>)
    : []),
];

async function workerWith(once: OnceGuard): Promise<WorkerHandler> {
  const handler = createWorkerHandler({ config: bot.config, env: bot.env, deps: await bot.deps(), once, log: bot.log });
  const context = { functionName: 'worker', awsRequestId: 'req', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
  return (event) => handler(event, context);
}

const overviewPosts = () => bot.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.channel === 'C0AGENCY' && !c.body.thread_ts);

describe.each(guards)('agency-weekly on schedule, %s', (_, makeGuard) => {
  it('overlapping ticks and a redelivery post the overview once; its buttons answer in its thread, once', async () => {
    const worker = await workerWith(await makeGuard());
    const queue = createLocalQueue();
    const schedule = createScheduleHandler({ config: bot.config, queue, log: bot.log });
    // The 08:00 tick, a late one whose lookback still covers 08:00, and SQS delivering the first message again.
    expect(await schedule({ time: '2026-11-27T08:00:04Z' })).toEqual({ due: 1 });
    const first = queue.drain();
    expect(await schedule({ time: '2026-11-27T08:01:30Z' })).toEqual({ due: 1 });
    const second = queue.drain();
    expect(JSON.parse(first.Records[0]!.body)).toEqual({
      kind: 'digest',
      subscription: 'agency-weekly',
      scheduledFor: DUE,
      trigger: 'schedule',
    });
    expect(await worker(first)).toEqual({ batchItemFailures: [] });
    expect(await worker(second)).toEqual({ batchItemFailures: [] });
    expect(await worker({ Records: [sqsRecord(first.Records[0]!.body, first.Records[0]!.messageId, 2)] })).toEqual({
      batchItemFailures: [],
    });

    const posts = overviewPosts();
    expect(posts).toHaveLength(1);
    const overview = posts[0]!.body;
    expect(allText(overview)).toContain('Agency overview');
    expect(allText(overview)).toContain('6 projects');
    expect(sectionTexts(overview)).toHaveLength(6); // five rows and the quiet line

    // "Full stats" on the posted overview: the project's digest as a reply in its thread, once despite a redelivery.
    const posted = bot.lines.map((l) => JSON.parse(l) as { event: string; ts?: string }).find((l) => l.event === 'digest.posted');
    const ts = String(posted?.ts);
    expect(ts).toMatch(/^\d+\.\d{6}$/);
    const acme = overviewButtons(overview).find((b) => b.action_id === 'overview:project:acme')!;
    const payload = blockActionsPayload({ button: acme, messageTs: ts, channel: 'C0AGENCY', responseUrl: bot.slack.responseUrl('row') });
    await bot.click(payload);
    const click = bot.drain().event;
    expect(await worker(click)).toEqual({ batchItemFailures: [] });
    expect(await worker({ Records: [sqsRecord(click.Records[0]!.body, click.Records[0]!.messageId, 2)] })).toEqual({
      batchItemFailures: [],
    });
    const replies = bot.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.ok).toBe(true);
    expect(allText(replies[0]!.body)).toContain('Acme Support Bot');
  });
});

describe('agency-weekly when ChatDash answers for none of its projects', () => {
  it('is retried by the queue (nothing posted), and the retry posts once', async () => {
    const worker = await workerWith(createMemoryOnceGuard());
    bot.sandbox.setFault({ type: 'server_error', status: 503 });
    const body = JSON.stringify({ kind: 'digest', subscription: 'agency-weekly', scheduledFor: DUE, trigger: 'schedule' });
    expect(await worker({ Records: [sqsRecord(body, 'agency-1', 1)] })).toEqual({ batchItemFailures: [{ itemIdentifier: 'agency-1' }] });
    expect(overviewPosts()).toEqual([]);
    bot.sandbox.setFault(undefined);
    expect(await worker({ Records: [sqsRecord(body, 'agency-1', 2)] })).toEqual({ batchItemFailures: [] });
    expect(await worker({ Records: [sqsRecord(body, 'agency-1', 3)] })).toEqual({ batchItemFailures: [] });
    expect(overviewPosts()).toHaveLength(1);
  });

  it('one project failing for good is not a reason to hold the rest back: posted with that row saying why', async () => {
    const worker = await workerWith(createMemoryOnceGuard());
    bot.sandbox.setFault({ type: 'malformed_json' }, 'proj_demo_broken');
    const body = JSON.stringify({
      kind: 'digest',
      subscription: 'agency-weekly',
      scheduledFor: '2026-12-04T08:00:00.000Z',
      trigger: 'schedule',
    });
    expect(await worker({ Records: [sqsRecord(body, 'agency-2', 1)] })).toEqual({ batchItemFailures: [] });
    const posts = overviewPosts();
    expect(posts).toHaveLength(1);
    expect(sectionTexts(posts[0]!.body)).toContain(
      ':white_circle: *Echo Hotel Concierge*\nno data: ChatDash sent an answer I couldn\u2019t read',
    );
    bot.sandbox.setFault(undefined, 'proj_demo_broken');
  });
});
