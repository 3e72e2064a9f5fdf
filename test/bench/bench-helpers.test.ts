import { afterEach, describe, expect, it } from 'vitest';
import { createSqsJobQueue } from '../../src/aws/sqs-queue.ts';
import type { VariantResult } from '../../src/bench/cold-start.ts';
import { answerProblem, statsJob } from '../../src/bench/events.ts';
import { FANOUT_TICK, fanoutChannelId, fanoutConfig } from '../../src/bench/fanout-config.ts';
import { coldStartChecks, formatChecks } from '../../src/bench/report.ts';
import { type SqsStandIn, startSqsStandIn } from '../../src/bench/sqs-stand-in.ts';
import { median } from '../../src/bench/stats.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { ConfigError, loadConfigFile } from '../../src/config/load.ts';
import { dueDigestJobs } from '../../src/schedule/handler.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, ignoring non-numbers', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});

const variant = (name: VariantResult['name'], firstMs: number, bytes = 100_000): VariantResult => ({
  name,
  bytes,
  samples: [],
  median: { bootMs: 30, loadMs: firstMs / 2, firstMs, warmMs: 1, processMs: firstMs + 40, slackCalls: 0 },
});

describe('cold-start checks', () => {
  it('passes within 3× slim Bolt, under naive Bolt and under 300 KB', () => {
    const checks = coldStartChecks([variant('http', 60, 150_000), variant('slim-bolt', 20), variant('naive-bolt', 110)]);
    expect(checks.map((c) => [c.name, c.pass])).toEqual([
      ['http load+first ack vs slim Bolt', true],
      ['http load+first ack vs naive Bolt', true],
      ['http bundle size', true],
    ]);
    expect(formatChecks(checks)).toContain('3.00×');
  });

  it('fails each target it misses', () => {
    const checks = coldStartChecks([variant('http', 61, 300_001), variant('slim-bolt', 20), variant('naive-bolt', 60)]);
    expect(checks.every((c) => !c.pass)).toBe(true);
    expect(formatChecks(checks)).toContain('FAIL');
  });
});

describe('fan-out configuration', () => {
  it('is a valid configuration whose subscriptions all fall due on one tick', () => {
    const { projects } = loadConfigFile(DEMO_CONFIG_PATH);
    const config = fanoutConfig({ subscriptions: 250, channels: 25, projects });
    expect(config.subscriptions).toHaveLength(250);
    expect(new Set(config.subscriptions.map((s) => s.channel)).size).toBe(25);
    expect(config.subscriptions.filter((s) => s.channel === fanoutChannelId(3))).toHaveLength(10);
    const jobs = dueDigestJobs(config, new Date(FANOUT_TICK));
    expect(new Set(jobs.map((j) => j.subscription)).size).toBe(250);
    expect(dueDigestJobs(config, new Date('2025-01-07T09:00:00Z'))).toEqual([]);
  });

  it('is checked like a file', () => {
    expect(() => fanoutConfig({ projects: [], subscriptions: 1 })).toThrow(RangeError);
    expect(() => fanoutConfig({ projects: [{ key: 'a', id: 'x', name: 'A' }], schedule: 'every day' })).toThrow(ConfigError);
  });
});

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

describe('answer checks', () => {
  it('accepts a queued-job ack from http and rejects an error notice', () => {
    expect(answerProblem('http', { statusCode: 200, body: '{"text":"Getting the numbers for *Acme*"}' })).toBeUndefined();
    expect(answerProblem('http', { statusCode: 200, body: '{"text":"Sorry, I couldn’t start on that"}' })).toMatch(/unexpected ack/);
    expect(answerProblem('schedule', { due: 0 })).toMatch(/due 0/);
    expect(answerProblem('worker', { batchItemFailures: [{ itemIdentifier: 'x' }] })).toMatch(/batch failures/);
  });
});
