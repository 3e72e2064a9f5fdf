/**
 * The demo's `agency-weekly` subscription (`projects: all` in the agency channel) posts the overview on schedule
 * exactly once per (subscription, period): overlapping schedule ticks and SQS redeliveries post one message, with
 * the in-process guard and with the production one (Powertools idempotency records in DynamoDB on moto). Its
 * "Full stats" buttons answer in the overview's thread, once per click.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createLocalQueue, sqsRecord } from '../../src/jobs/local-queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createDynamoOnceGuard, createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { useBot } from '../support/bot.ts';
import { createIdempotencyTable } from '../support/idempotency-table.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { overviewButtons, sectionTexts } from '../support/overview.ts';
import { blockActionsPayload } from '../support/payloads.ts';
import { allText, postsTo } from '../support/slack-messages.ts';

/** Friday 27 Nov 2026, 09:00 in Paris: agency-weekly's occurrence. */
const DUE = '2026-11-27T08:00:00.000Z';
const bot = useBot();

async function workerWith(once: OnceGuard): Promise<WorkerHandler> {
  const handler = createWorkerHandler({ config: bot.config, env: bot.env, deps: await bot.deps(), once, log: bot.log });
  const context = { functionName: 'worker', awsRequestId: 'req', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
  return (event) => handler(event, context);
}

/** The overviews posted in the agency channel (not the replies in their threads). */
const overviewPosts = () => postsTo(bot.slack, 'C0AGENCY').filter((c) => !c.body.thread_ts);

/**
 * Overlapping schedule ticks and a redelivery post the overview once; "Full stats" on it answers in its thread,
 * once despite a redelivery.
 */
async function postsOnceAndAnswersInThread(worker: WorkerHandler): Promise<void> {
  const queue = createLocalQueue();
  const schedule = createScheduleHandler({ config: bot.config, queue, log: bot.log });
  // The 08:00 tick, a late one whose lookback still covers 08:00, and SQS delivering the first message again.
  expect(await schedule({ time: '2026-11-27T08:00:04Z' })).toEqual({ due: 1, runtime: 0 });
  const first = queue.drain();
  expect(await schedule({ time: '2026-11-27T08:01:30Z' })).toEqual({ due: 1, runtime: 0 });
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
  expect(allText(overview)).toContain('7 projects');
  expect(sectionTexts(overview)).toHaveLength(7); // six rows and the quiet line

  // "Full stats" on the posted overview: the project's digest as a reply in its thread, once despite a redelivery.
  const [posted] = bot.entries().filter((l) => l.event === 'digest.posted');
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
}

const SCENARIO = 'overlapping ticks and a redelivery post the overview once; its buttons answer in its thread, once';

describe('agency-weekly on schedule, in-process guard', () => {
  it(SCENARIO, async () => {
    await postsOnceAndAnswersInThread(await workerWith(createMemoryOnceGuard()));
  });
});

describe.skipIf(!motoAvailable)('agency-weekly on schedule, DynamoDB guard (moto)', () => {
  // The AWS SDK inside Powertools takes its credentials from the process environment.
  const moto = useMoto({ processEnv: true });

  it(SCENARIO, async () => {
    const dynamo = new DynamoDBClient({ region: moto.env.AWS_REGION, endpoint: moto.endpoint });
    try {
      const tableName = 'overview-idempotency';
      await createIdempotencyTable(dynamo, tableName);
      await postsOnceAndAnswersInThread(await workerWith(createDynamoOnceGuard({ tableName, env: { ...process.env, ...moto.env } })));
    } finally {
      dynamo.destroy();
    }
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
