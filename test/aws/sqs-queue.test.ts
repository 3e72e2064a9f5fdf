/**
 * The SQS job queue against a local AWS endpoint (moto): jobs sent with our signed-fetch client are received with
 * the AWS SDK and run by the worker as the SQS event Lambda would deliver.
 */

import {
  CreateQueueCommand,
  DeleteMessageCommand,
  type Message,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqsJobQueue, QueueSendError } from '../../src/aws/sqs-queue.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { slashCommandEvent } from '../../src/slack-double/requests.ts';
import { useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { SECRETS } from '../support/secrets.ts';
import { allText } from '../support/slack-messages.ts';

/** Credentials moto accepts; distinctive so a leak into an error message would be seen. */
const ACCESS_KEY = 'AKIATESTLEAKCHECK0001';
const SECRET_KEY = 'sqs-secret-access-key-must-not-leak';

describe.skipIf(!motoAvailable)('SQS job queue (moto)', () => {
  const moto = useMoto();
  const bot = useBot();
  let proxy: CountingProxy;
  let sqs: SQSClient;
  let queueUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    proxy = await startCountingProxy(moto.endpoint);
    env = { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY };
    sqs = new SQSClient({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    });
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'chatdash-jobs' }))).QueueUrl!;
  });
  afterAll(async () => {
    sqs?.destroy();
    await proxy?.close();
  });
  beforeEach(async () => {
    await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
    proxy.targets.length = 0;
  });

  /** Everything waiting in the queue (deleted as it is received). */
  async function receiveAll(): Promise<Message[]> {
    const all: Message[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 30 }),
      );
      if (Messages.length === 0) return all;
      all.push(...Messages);
      for (const m of Messages) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle! }));
    }
  }

  const asEvent = (messages: Message[]): SQSEvent => ({ Records: messages.map((m) => sqsRecord(m.Body!, m.MessageId!)) });

  const digestJob = (n: number): Job => ({
    kind: 'digest',
    subscription: `sub-${n}`,
    scheduledFor: new Date(Date.UTC(2026, 10, 23, 8, n)).toISOString(),
    trigger: 'schedule',
  });

  it('a /chatdash stats job goes through SQS (the HTTP function\u2019s default queue) to the worker and back to Slack', async () => {
    // No queue option: the handler builds its SQS queue from JOBS_QUEUE_URL, as in Lambda.
    const http = createHttpHandler({
      config,
      env: { ...env, JOBS_QUEUE_URL: queueUrl, SLACK_API_URL: bot.slack.apiUrl },
      secrets: async () => SECRETS,
      log: bot.log,
    });
    const responseUrl = bot.slack.responseUrl('via-sqs');
    // The ack only queues (one SendMessage, asserted below); its speed is `npm run bench`'s business.
    const ack = await http(slashCommandEvent({ text: 'stats acme 30d', response_url: responseUrl, trigger_id: 'trig.sqs' }));
    expect(ack.statusCode).toBe(200);
    expect(JSON.parse(ack.body).text).toContain('Getting the numbers for *Acme Support Bot*');
    expect(proxy.targets).toEqual(['AmazonSQS.SendMessage']);

    const messages = await receiveAll();
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!.Body!)).toMatchObject({
      kind: 'stats',
      idempotencyKey: 'stats:trig.sqs',
      projectKey: 'acme',
      rangeText: '30d',
      responseUrl,
    });

    const worker = await bot.worker();
    const result = await worker(asEvent(messages));
    expect(result.batchItemFailures).toEqual([]);
    const answers = bot.slack.callsTo('response_url');
    expect(answers).toHaveLength(1);
    expect(allText(answers[0]!.body)).toContain('Acme Support Bot');
  });

  it('sendAll sends 25 jobs in batches of at most 10', async () => {
    const queue = createSqsJobQueue({ queueUrl, env });
    const jobs = Array.from({ length: 25 }, (_, n) => digestJob(n));
    await queue.sendAll!(jobs);
    expect(proxy.targets).toEqual(['AmazonSQS.SendMessageBatch', 'AmazonSQS.SendMessageBatch', 'AmazonSQS.SendMessageBatch']);
    const received = (await receiveAll()).map((m) => JSON.parse(m.Body!) as Job);
    expect(received).toHaveLength(25);
    expect(received.map((j) => (j.kind === 'digest' ? j.subscription : '')).sort()).toEqual(
      jobs.map((j) => (j.kind === 'digest' ? j.subscription : '')).sort(),
    );
  });

  it('sendAll with exactly 10 jobs is one batch', async () => {
    await createSqsJobQueue({ queueUrl, env }).sendAll!(Array.from({ length: 10 }, (_, n) => digestJob(n)));
    expect(proxy.targets).toEqual(['AmazonSQS.SendMessageBatch']);
    expect(await receiveAll()).toHaveLength(10);
  });

  it('a queue that does not exist → QueueSendError naming the AWS error, never the credentials', async () => {
    const queue = createSqsJobQueue({ queueUrl: queueUrl.replace(/chatdash-jobs$/, 'no-such-queue'), env });
    const error = await queue.send(digestJob(1)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueueSendError);
    const message = (error as Error).message;
    expect(message).toMatch(/^SQS SendMessage failed: HTTP 4\d\d /);
    expect(message).toMatch(/NonExistentQueue|QueueDoesNotExist/);
    for (const secret of [ACCESS_KEY, SECRET_KEY]) expect(message).not.toContain(secret);
  });

  it('no AWS credentials → QueueSendError before any request', async () => {
    const queue = createSqsJobQueue({ queueUrl, env: { AWS_ENDPOINT_URL: proxy.endpoint, AWS_REGION: 'us-east-1' } });
    await expect(queue.send(digestJob(1))).rejects.toThrow(QueueSendError);
    expect(proxy.targets).toEqual([]);
  });
});
