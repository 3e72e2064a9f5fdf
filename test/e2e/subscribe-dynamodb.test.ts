/**
 * Issue 9's "done when", end to end as deployed, without a redeploy: from a bound channel a person subscribes it in the
 * modal, sees it in `/chatdash subscriptions`, clicks Send now and gets exactly one digest (a double-click posts
 * nothing more), then the tick posts it at its time. Every part as in AWS, on moto: the HTTP handler reads its
 * bindings with the signed request and makes the subscription UI's store from `STATE_TABLE` (DynamoDB), sends jobs
 * to SQS (`JOBS_QUEUE_URL`); the worker and the tick build their own stores from the same environment; Slack is the
 * double, every request signed.
 */
import { CreateQueueCommand, DeleteMessageCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createDeadLetterHandler } from '../../src/deadletter/handler.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import { createWorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { SEND_NOW_MESSAGES } from '../../src/worker/send-now.ts';
import { useBot } from '../support/bot.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { motoAvailable } from '../support/moto.ts';
import { digestJob, sendNowJob, sqsEvent } from '../support/payloads.ts';
import { SECRETS } from '../support/secrets.ts';
import { allowedOnly, dynamoRequest } from '../support/serverless-yml.ts';
import { allText, answersTo, postsTo, textsIn } from '../support/slack-messages.ts';
import { type StateTable, useStateTables } from '../support/state-table.ts';
import { clickInList, openHome, openSubscribe, rowButtons, slash, submitModal } from '../support/subscribe-ui.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

describe.skipIf(!motoAvailable)('subscribe from Slack, end to end on DynamoDB and SQS (moto)', () => {
  const tables = useStateTables();
  const bot = useBot();
  let table: StateTable;
  let sqs: SQSClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    table = await tables.create();
    sqs = new SQSClient({
      region: table.env.AWS_REGION,
      endpoint: table.env.AWS_ENDPOINT_URL,
      credentials: { accessKeyId: table.env.AWS_ACCESS_KEY_ID!, secretAccessKey: table.env.AWS_SECRET_ACCESS_KEY! },
    });
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `chatdash-jobs-${process.pid}` }))).QueueUrl!;
    env = { ...bot.env, ...table.env, JOBS_QUEUE_URL: queueUrl };
    return () => sqs.destroy();
  });

  /**
   * Everything waiting on the queue, as the SQS event Lambda would deliver (and deleted, as Lambda does on success);
   * `waitSeconds`: long-poll for messages sent with a delay (a digest the worker put back for its channel's pace).
   */
  async function received(waitSeconds = 0): Promise<SQSEvent> {
    const all: Message[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: env.JOBS_QUEUE_URL,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: all.length === 0 ? waitSeconds : 0,
          VisibilityTimeout: 60,
        }),
      );
      if (Messages.length === 0) return { Records: all.map((m) => sqsRecord(m.Body!, m.MessageId!)) };
      all.push(...Messages);
      for (const m of Messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: env.JOBS_QUEUE_URL, ReceiptHandle: m.ReceiptHandle! }));
    }
  }

  /**
   * The functions as deployed: no store or queue handed in (each makes its own from the environment, as in AWS), and
   * each reaching AWS through a proxy of its own, so that a test can check every DynamoDB request it made against
   * its role in serverless.yml (closed when the test ends).
   */
  async function deployed() {
    const [http, worker, tick, deadletter] = await Promise.all([0, 1, 2, 3].map(() => startCountingProxy(env.AWS_ENDPOINT_URL!)));
    const proxies = { http: http!, worker: worker!, tick: tick!, deadletter: deadletter! };
    onTestFinished(() => Promise.all(Object.values(proxies).map((p) => p.close())).then(() => undefined));
    const through = (proxy: CountingProxy) => ({ ...env, AWS_ENDPOINT_URL: proxy.endpoint });
    const workerEnv = through(proxies.worker);
    return {
      proxies,
      ui: {
        http: createHttpHandler({ config: bot.config, env: through(proxies.http), secrets: async () => SECRETS, log: bot.log }),
        slack: bot.slack,
      },
      worker: createWorkerHandler({
        config: bot.config,
        env: workerEnv,
        deps: await buildDeps(bot.config, workerEnv, async () => SECRETS, bot.log),
        once: createMemoryOnceGuard(),
        log: bot.log,
      }),
      tick: createScheduleHandler({ config: bot.config, env: through(proxies.tick), log: bot.log }),
      deadLetter: createDeadLetterHandler({
        config: bot.config,
        env: through(proxies.deadletter),
        secrets: async () => SECRETS,
        log: bot.log,
      }),
    };
  }

  it('subscribe in the modal, see it listed, Send now once (a double-click posts nothing more), then the tick posts it on time', async () => {
    // Each function reaches AWS through a proxy of its own: at the end, every DynamoDB request it made is checked
    // against its role in serverless.yml.
    const { proxies, ui, worker, tick } = await deployed();
    const store = createDynamoStore({ tableName: table.name, env: table.env, log: bot.log });

    // 1. The modal, submitted: stored in DynamoDB, the channel told.
    const open = await openSubscribe(ui, 'subscribe acme');
    expect(await submitModal(ui, open, { frequency: 'weekly', weekday: 'TUE', time: '08:30', period: 'last 7 days' })).toBeUndefined();
    const { items } = await store.listByChannel('C0ACME');
    expect(items).toHaveLength(1);
    const sub = items[0]!;
    expect(sub).toMatchObject({ project: 'acme', schedule: '30 8 * * TUE', timeZone: 'Europe/Paris', owner: 'U0ALICE', version: 1 });
    expect(textsIn(bot.slack, 'C0ACME')).toEqual([
      expect.stringContaining('<@U0ALICE> subscribed this channel to the *Acme Support Bot* digest'),
    ]);

    // 2. Listed, beside the configuration's.
    const list = await slash(ui, 'subscriptions');
    expect(allText(list.json)).toContain('Tuesdays at 08:30 Europe/Paris \u00b7 covers last 7 days');
    expect(Object.keys(rowButtons(list.json, sub.id))).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);
    expect(Object.keys(rowButtons(list.json, 'acme-weekly'))).toEqual(['Send now']);

    // 3. Send now, clicked twice quickly: one digest.
    bot.slack.reset();
    const send = rowButtons(list.json, sub.id)['Send now']!;
    await clickInList(ui, send, { responseUrlId: 'click-1', actionTs: '1790000001.000100' });
    await clickInList(ui, send, { responseUrlId: 'click-2', actionTs: '1790000001.000700' });
    const clicks = await received();
    expect(clicks.Records.map((r) => JSON.parse(r.body).kind)).toEqual(['send_now', 'send_now']);
    expect((await worker(clicks)).batchItemFailures).toEqual([]);
    const posted = postsTo(bot.slack, 'C0ACME');
    expect(posted).toHaveLength(1);
    expect(allText(posted[0]?.body)).toContain('Acme Support Bot');
    expect([...answersTo(bot.slack, 'click-1'), ...answersTo(bot.slack, 'click-2')].map((c) => String(c.body.text)).sort()).toEqual([
      expect.stringContaining('Posted the *Acme Support Bot* digest'),
      SEND_NOW_MESSAGES.alreadySent,
    ]);
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'send_now' });

    // 4. The tick at its time: one digest, recorded, next run moved on.
    bot.slack.reset();
    expect(await tick({ time: sub.nextRunAt! })).toEqual({ due: 1, runtime: 1, alertChecks: { alerts: 0, jobs: 0, failed: 0 } });
    const due = await received();
    expect(due.Records.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({ kind: 'digest', subscription: sub.id, source: 'runtime', scheduledFor: sub.nextRunAt }),
    ]);
    expect((await worker(due)).batchItemFailures).toEqual([]);
    // The Send now post a moment ago holds the channel's next slot (Slack's pace): the digest came back with a delay.
    for (let round = 0; round < 5 && postsTo(bot.slack, 'C0ACME').length === 0; round++) {
      const requeued = await received(2);
      expect((await worker(requeued)).batchItemFailures).toEqual([]);
    }
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    const after = await store.getSubscription(sub.id);
    expect(after?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'schedule', scheduledFor: sub.nextRunAt });
    expect(String(after?.nextRunAt) > String(sub.nextRunAt)).toBe(true);
    // Every change is in the audit log, with who made it.
    expect(bot.entries().find((l) => l.event === 'store.change' && l.action === 'subscription.create')).toMatchObject({ actor: 'U0ALICE' });

    // Least privilege, as exercised: the UI's reads and writes, the tick's due Query and advance, the worker's
    // subscription read, Send now claim, pacer and delivery records, each allowed by its own role.
    expect(allowedOnly(proxies.http, 'HttpRole')).toEqual(expect.arrayContaining(['PutItem', 'Query']));
    expect(allowedOnly(proxies.tick, 'ScheduleRole')).toEqual(['Query', 'UpdateItem']);
    expect(allowedOnly(proxies.worker, 'WorkerRole')).toEqual(['GetItem', 'PutItem', 'Query', 'UpdateItem']);
  });

  it('what goes wrong and what admins do, each function within its role: connect, Home tab lists, pause and delete; a channel Slack refuses pauses its subscription; YAML deliveries recorded, dead or alive', async () => {
    // The call sites the happy path above does not reach, each function checked against its role at the end.
    const { proxies, ui, worker, deadLetter } = await deployed();
    const store = createDynamoStore({ tableName: table.name, env: table.env, log: bot.log });
    const admin = { user: 'U0ADMIN', channel: 'C0LAB' };

    // 1. http: an admin connects a channel (twice: the second finds it), Alice and the admin open their Home tabs (the
    // owner's and the admins' lists), Alice pauses, resumes and deletes a subscription from her list, the admin disconnects.
    await slash(ui, 'connect acme', admin);
    await slash(ui, 'connect acme', admin);
    expect((await store.bindingsOf('C0LAB')).map((b) => b.project)).toEqual(['acme']);
    const mine = await store.createSubscription(subscriptionSettings({ channel: 'C0ACME' }), { type: 'user', userId: 'U0ALICE' });
    expect(await openHome(ui, 'U0ALICE')).toBeDefined();
    expect(await openHome(ui, 'U0ADMIN')).toBeDefined();
    const buttons = async () => rowButtons((await slash(ui, 'subscriptions')).json, mine.id);
    await clickInList(ui, (await buttons()).Pause!);
    expect((await store.getSubscription(mine.id))?.paused).toBeDefined();
    await clickInList(ui, (await buttons()).Resume!);
    expect((await store.getSubscription(mine.id))?.paused).toBeUndefined();
    await clickInList(ui, (await buttons()).Delete!);
    expect(await store.getSubscription(mine.id)).toBeUndefined();
    await slash(ui, 'disconnect acme', admin);
    expect(await store.bindingsOf('C0LAB')).toEqual([]);

    // 2. worker: a YAML digest posted (its delivery is a STATE item of its own); then Slack refuses #acme (bot removed):
    // a Send now there gives its claim back, pauses the runtime subscription and records the failure.
    expect((await worker(sqsEvent(digestJob('bella-weekly', '2026-11-23T13:30:00.000Z')))).batchItemFailures).toEqual([]);
    expect(await store.configDelivery('bella-weekly')).toMatchObject({ result: 'posted' });
    const sub = await store.createSubscription(subscriptionSettings({ channel: 'C0ACME' }), { type: 'user', userId: 'U0ALICE' });
    bot.slack.setChannel('C0ACME', 'not_in_channel');
    const click = sendNowJob(sub.id, 'send:refused', 1_000, { responseUrl: bot.slack.responseUrl('refused') });
    expect((await worker(sqsEvent(click))).batchItemFailures).toEqual([]);
    const paused = await store.getSubscription(sub.id);
    expect(paused?.paused).toMatchObject({ reason: 'bot_removed' });
    expect(paused?.lastDelivery).toMatchObject({ result: 'failed', reason: 'not_in_channel', trigger: 'send_now' });
    // The claim was given back: another click may post once the channel is fixed.
    expect(await store.claimSendNow({ source: 'runtime', id: sub.id }, 'send:after', Date.now(), 60_000)).toEqual({ ok: true });

    // 3. deadletter: the YAML digest dead after every try: its failure recorded on its STATE item.
    expect((await deadLetter(sqsEvent(digestJob('bella-weekly', '2026-11-30T13:30:00.000Z')))).batchItemFailures).toEqual([]);
    expect(await store.configDelivery('bella-weekly')).toMatchObject({ result: 'failed', reason: 'retries_exhausted' });
    expect(bot.entries().filter((l) => l.event.endsWith('_failed') && l.level === 'error')).toEqual([]);

    // Least privilege, as exercised: the http function's writes on SUB# and CHANNEL# and the Home tab's indexes; the
    // worker's give-back (DeleteItem) and pause; the deadletter's write of a YAML subscription's STATE item (PutItem).
    expect(allowedOnly(proxies.http, 'HttpRole')).toEqual(['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem']);
    const indexes = new Set(proxies.http.requests.filter((r) => r.target.startsWith('DynamoDB_')).map((r) => dynamoRequest(r).index));
    expect(indexes).toEqual(new Set([undefined, 'byChannel', 'byOwner', 'byKind']));
    expect(allowedOnly(proxies.worker, 'WorkerRole')).toEqual(['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem']);
    expect(allowedOnly(proxies.deadletter, 'DeadLetterRole')).toEqual(['PutItem']);
  });

  it('a dead Send now, digest and alert check: the dead-letter function records, gives the claim back and names them, within its role', async () => {
    const { proxies, deadLetter } = await deployed();
    const store = createDynamoStore({ tableName: table.name, env: table.env, log: bot.log });
    const sub = await store.createSubscription(subscriptionSettings({ channel: 'C0ACME' }), { type: 'user', userId: 'U0ALICE' });
    const ref = { source: 'runtime' as const, id: sub.id };
    // The worker claimed this click's Send now, then failed every try.
    expect(await store.claimSendNow(ref, 'send:dead', Date.now(), 60_000)).toEqual({ ok: true });
    const sendNow = sendNowJob(sub.id, 'send:dead', 1_000);
    const digest: Job = { kind: 'digest', subscription: sub.id, source: 'runtime', scheduledFor: sub.nextRunAt!, trigger: 'schedule' };
    const alertCheck: Job = {
      kind: 'alert_check',
      idempotencyKey: 'alert_check:acme:dead',
      project: 'acme',
      frequency: 'daily',
      timeZone: 'Europe/Paris',
      window: { start: '2026-11-22T23:00:00.000Z', end: '2026-11-23T23:00:00.000Z' },
      alertIds: ['alert-gone'],
      queuedAt: '2026-11-24T00:05:00.000Z',
    };
    expect(
      (await deadLetter(sqsEvent(JSON.stringify(sendNow), JSON.stringify(digest), JSON.stringify(alertCheck)))).batchItemFailures,
    ).toEqual([]);
    // The Send now's failure recorded and its claim given back: a click now posts.
    expect(await store.claimSendNow(ref, 'send:next', Date.now(), 60_000)).toEqual({ ok: true });
    // The digest named as people see it (its subscription read), its failure recorded after the Send now's.
    expect(textsIn(bot.slack, 'C0ADMIN')).toEqual([
      expect.stringContaining('A digest failed every try and was not posted: the *Acme Support Bot* digest for <#C0ACME>'),
      expect.stringContaining('The check of 1 alert on *Acme Support Bot*'),
    ]);
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'failed', trigger: 'schedule' });
    // Redelivered, the Send now report records nothing over the newer delivery, and leaves the newer click's claim.
    expect((await deadLetter(sqsEvent(JSON.stringify(sendNow)))).batchItemFailures).toEqual([]);
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'failed', trigger: 'schedule' });
    expect(await store.claimSendNow(ref, 'send:third', Date.now(), 60_000)).toMatchObject({ ok: false });
    expect(bot.entries().filter((l) => l.event === 'deadletter.record_failed' || l.event === 'deadletter.subscription_unreadable')).toEqual(
      [],
    );
    expect(allowedOnly(proxies.deadletter, 'DeadLetterRole')).toEqual(['BatchGetItem', 'DeleteItem', 'GetItem', 'UpdateItem']);
  });
});
