/**
 * Digest delivery through the worker handler, against the ChatDash sandbox and the Slack double: Slack rate
 * limits are waited out, channels that can't take a message are reported to the admins (no retry), ChatDash
 * outages are retried by the queue and a rejected ChatDash key is reported.
 */
import { describe, expect, it } from 'vitest';
import { useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { digestJob, sqsEvent } from '../support/payloads.ts';
import { postsTo, textsIn } from '../support/slack-messages.ts';

const ADMIN = config.adminChannel as string;
// Both demo digests fall due on Monday 23 November 2026.
const acme = digestJob('acme-weekly', '2026-11-23T08:00:00.000Z');
const bella = digestJob('bella-weekly', '2026-11-23T13:30:00.000Z');

const bot = useBot();

/** The worker with its real deps (4 jobs at once), optionally with another ChatDash key. */
async function worker(secrets: { chatdashApiKey?: string } = {}) {
  return bot.worker({ deps: await bot.deps({}, secrets), concurrency: 4 });
}

describe('Slack answers a digest post with ratelimited', () => {
  it('waits the Retry-After and posts once', async () => {
    bot.slack.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1 });
    const handler = await worker();
    const result = await handler(sqsEvent(acme));
    expect(result.batchItemFailures).toEqual([]);
    const attempts = bot.slack.callsTo('chat.postMessage');
    expect(attempts.map((c) => [c.ok, c.error ?? null])).toEqual([
      [false, 'ratelimited'],
      [true, null],
    ]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(textsIn(bot.slack, ADMIN)).toEqual([]);
  });
});

describe.each(['not_in_channel', 'channel_not_found', 'is_archived'] as const)('the digest channel answers %s', (state) => {
  it('alerts the admin channel naming the subscription and channel, does not retry, and still posts the other digest', async () => {
    bot.slack.setChannel('C0ACME', state);
    const handler = await worker();
    const result = await handler(sqsEvent(acme, bella));
    expect(result.batchItemFailures).toEqual([]);

    // Tried once: Slack's answer is final, so neither the Web API client nor the queue tries again.
    const toAcme = bot.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0ACME');
    expect(toAcme.map((c) => c.error)).toEqual([state]);

    const alerts = textsIn(bot.slack, ADMIN);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('acme-weekly');
    expect(alerts[0]).toContain('C0ACME');
    expect(bot.entries().filter((l) => l.event === 'digest.undeliverable')).toEqual([
      expect.objectContaining({ level: 'error', subscription: 'acme-weekly', channel: 'C0ACME', error: state }),
    ]);

    expect(postsTo(bot.slack, 'C0BELLA')).toHaveLength(1);
    expect(JSON.stringify(postsTo(bot.slack, 'C0BELLA')[0]!.body.blocks)).toContain('Bella Pizza Phone Line');
  });
});

describe('ChatDash fails for a digest', () => {
  it('down (5xx every try): the digest is a batch item failure for the queue to retry; the other digest is posted', async () => {
    bot.sandbox.setFault({ type: 'server_error', status: 503 }, 'proj_demo_text');
    const handler = await worker();
    const event = sqsEvent(acme, bella);
    const result = await handler(event);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
    expect(postsTo(bot.slack, 'C0ACME')).toEqual([]);
    expect(postsTo(bot.slack, 'C0BELLA')).toHaveLength(1);
    // A transient failure is the queue's business (the dead-letter function reports it if it never recovers).
    expect(textsIn(bot.slack, ADMIN)).toEqual([]);
    // The client retried before giving up.
    expect(bot.sandbox.requests.filter((r) => r.projectId === 'proj_demo_text').length).toBeGreaterThan(2);

    // ChatDash recovers; SQS delivers the message again and it is posted once.
    bot.sandbox.setFault(undefined, 'proj_demo_text');
    const retry = await handler({
      Records: [{ ...event.Records[0]!, attributes: { ...event.Records[0]!.attributes, ApproximateReceiveCount: '2' } }],
    });
    expect(retry.batchItemFailures).toEqual([]);
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
  });

  it('401 (the API key is rejected): an admin alert naming the subscription, no retry, and the key never shown', async () => {
    const wrongKey = 'cd_live_wrong_key_9f8e7d6c5b4a';
    const handler = await worker({ chatdashApiKey: wrongKey });
    const result = await handler(sqsEvent(acme));
    expect(result.batchItemFailures).toEqual([]);
    expect(postsTo(bot.slack, 'C0ACME')).toEqual([]);
    const alerts = textsIn(bot.slack, ADMIN);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('acme-weekly');
    expect(alerts[0]).toMatch(/API key/);
    // Not retried by the client either: one request per period (current and previous).
    expect(bot.sandbox.requests.filter((r) => !r.authorized)).toHaveLength(2);
    expect(JSON.stringify(bot.slack.calls)).not.toContain(wrongKey);
    expect(bot.lines.join('\n')).not.toContain(wrongKey);
  });
});
