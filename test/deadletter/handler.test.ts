/** The dead-letter function: jobs that failed every try are reported to whoever waits for them, never dropped. */
import { describe, expect, it } from 'vitest';
import { createDeadLetterHandler } from '../../src/deadletter/handler.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { requester, sqsEvent } from '../support/payloads.ts';
import { leakedSecrets } from '../support/secrets.ts';

const bot = useBot();

async function deadLetter() {
  return createDeadLetterHandler({ config, deps: await bot.deps(), log: bot.log });
}

describe('dead-letter handler', () => {
  it('a dead stats job → an apology through its response_url', async () => {
    const job: Job = {
      kind: 'stats',
      idempotencyKey: 'stats:t1',
      requester: requester(),
      projectKey: 'acme',
      rangeText: '7d',
      responseUrl: bot.slack.responseUrl('dead-stats'),
      requestedAt: new Date().toISOString(),
    };
    const result = await (await deadLetter())(sqsEvent(JSON.stringify(job)));
    expect(result.batchItemFailures).toEqual([]);
    const calls = bot.slack.callsTo('response_url');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ __responseUrlId: 'dead-stats', response_type: 'ephemeral', replace_original: true });
    expect(String(calls[0]!.body.text)).toContain('I tried several times and couldn\u2019t finish this');
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'deadletter.job', level: 'error', kind: 'stats' }));
  });

  it('a dead digest job → an alert in the admin channel naming the subscription', async () => {
    const job: Job = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
    const result = await (await deadLetter())(sqsEvent(JSON.stringify(job)));
    expect(result.batchItemFailures).toEqual([]);
    const posts = bot.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe(config.adminChannel);
    expect(String(posts[0]!.body.text)).toContain('Digest *acme-weekly*');
    expect(String(posts[0]!.body.text)).toContain('was not posted');
    expect(bot.slack.callsTo('response_url')).toHaveLength(0);
  });

  it('a dead drill-down from a thread → an ephemeral apology in that thread', async () => {
    const job: Job = {
      kind: 'drilldown',
      idempotencyKey: 'event:Ev1',
      requester: requester(),
      view: 'costs',
      threadTs: '1732550000.000100',
    };
    await (await deadLetter())(sqsEvent(JSON.stringify(job)));
    const ephemeral = bot.slack.callsTo('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]!.body).toMatchObject({ channel: 'C0ACME', user: 'U0ALICE', thread_ts: '1732550000.000100' });
  });

  it('an unreadable dead message → an admin alert, not a crash', async () => {
    const result = await (await deadLetter())(sqsEvent({ body: '{"kind":', id: 'garbled-<1>' }));
    expect(result.batchItemFailures).toEqual([]);
    const posts = bot.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('C0ADMIN');
    expect(String(posts[0]!.body.text)).toContain('garbled-&lt;1&gt;');
  });

  it('when the apology cannot be delivered (response_url expired), the admins are told instead', async () => {
    bot.slack.fail('response_url', { error: 'internal_error', httpStatus: 500 });
    const job: Job = {
      kind: 'stats',
      idempotencyKey: 'stats:t2',
      requester: requester(),
      projectKey: 'acme',
      rangeText: '',
      responseUrl: bot.slack.responseUrl('dead-2'),
      requestedAt: new Date().toISOString(),
    };
    const result = await (await deadLetter())(sqsEvent({ body: JSON.stringify(job), id: 'dead-msg' }));
    expect(result.batchItemFailures).toEqual([]);
    const posts = bot.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe('C0ADMIN');
    expect(String(posts[0]!.body.text)).toContain('A stats request from <@U0ALICE> failed every try, and I could not tell them.');
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'deadletter.asker_unreachable', level: 'error' }));
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });
});

describe('dead-letter handler start-up', () => {
  it('a failed secrets read is not kept: once the secrets are there, the next invocation reports', async () => {
    const env: NodeJS.ProcessEnv = { SLACK_API_URL: bot.slack.apiUrl };
    const handler = createDeadLetterHandler({ config, env, log: bot.log });
    const job: Job = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
    await expect(handler(sqsEvent(JSON.stringify(job)))).rejects.toThrow(/Missing secrets/);
    Object.assign(env, { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-test-token', CHATDASH_API_KEY: 'k' });
    expect((await handler(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    expect(bot.slack.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual([config.adminChannel]);
  });
});
