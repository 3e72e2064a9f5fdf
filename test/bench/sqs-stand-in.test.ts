import { afterEach, describe, expect, it } from 'vitest';
import { createSqsJobQueue } from '../../src/aws/sqs-queue.ts';
import { statsJob } from '../../src/bench/events.ts';
import { type SqsStandIn, startSqsStandIn } from '../../src/bench/sqs-stand-in.ts';

describe('SQS stand-in', () => {
  let sqs: SqsStandIn | undefined;
  afterEach(async () => {
    await sqs?.close();
    sqs = undefined;
  });

  it('takes signed SendMessage and SendMessageBatch from the real sender', async () => {
    sqs = await startSqsStandIn();
    const env = { AWS_ENDPOINT_URL: sqs.url, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' };
    const queue = createSqsJobQueue({ queueUrl: `${sqs.url}/000000000000/jobs`, env });
    const job = statsJob('http://127.0.0.1:9/r', 'stats:t1');
    await queue.send(job);
    await queue.sendAll!(Array.from({ length: 12 }, (_, i) => statsJob('http://127.0.0.1:9/r', `stats:b${i}`)));
    expect(sqs.messages).toHaveLength(13);
    expect(sqs.messages.every((m) => m.signed && m.queueUrl.endsWith('/jobs'))).toBe(true);
    expect(JSON.parse(sqs.messages[0]!.body)).toEqual(job);
  });

  it('refuses what it does not speak', async () => {
    sqs = await startSqsStandIn();
    const response = await fetch(sqs.url, { method: 'POST', headers: { 'X-Amz-Target': 'AmazonSQS.DeleteQueue' }, body: '{}' });
    expect(response.status).toBe(400);
    expect(sqs.messages).toEqual([]);
  });
});
