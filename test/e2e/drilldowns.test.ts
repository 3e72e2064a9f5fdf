/**
 * Drill-downs end to end: a digest posted by the worker, a signed click on one of its buttons (or an @mention in
 * its thread) into the real HTTP handler, the job through the worker, and the reply in the Slack double.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import type { DrilldownJob } from '../../src/jobs/schema.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { DIGEST_PROJECT_NOT_HERE } from '../../src/slack/messages.ts';
import { eventsApiEvent } from '../../src/slack-double/requests.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { postDigest, threadReplies } from '../support/digest-thread.ts';
import { blockActionsPayload, mentionPayload, sqsEvent } from '../support/payloads.ts';
import { leakedSecrets, SECRETS } from '../support/secrets.ts';
import { allText, answersTo, buttonsOf } from '../support/slack-messages.ts';

const bot = useBot();

describe('drill-down buttons', () => {
  it('a click on a digest button queues one job and the worker posts exactly one threaded reply', async () => {
    const digest = await postDigest(bot);
    const buttons = buttonsOf(digest.message);
    expect(buttons.map((b) => b.action_id)).toContain('drilldown:costs');
    const costs = buttons.find((b) => b.action_id === 'drilldown:costs')!;

    const answer = await bot.click(
      blockActionsPayload({ button: costs, messageTs: digest.ts, responseUrl: bot.slack.responseUrl('click-1') }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(bot.sandbox.requests).toHaveLength(0);

    const { event, jobs } = bot.drain();
    expect(jobs).toHaveLength(1);
    const job = jobs[0] as DrilldownJob;
    expect(job).toMatchObject({
      kind: 'drilldown',
      buttonValue: costs.value,
      view: 'costs',
      threadTs: digest.ts,
      requester: { channelId: 'C0ACME', userId: 'U0ALICE' },
    });
    // The click's response_url rides along for failure notices; the reply itself goes to the thread.
    expect(job.responseUrl).toBe(bot.slack.responseUrl('click-1'));
    expect(job.ephemeral).toBeUndefined();

    const worker = await bot.worker({ once: createMemoryOnceGuard() });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const replies = threadReplies(bot, digest.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ ok: true, body: { channel: 'C0ACME', thread_ts: digest.ts } });
    expect(allText(replies[0]!.body)).toMatch(/Costs/i);
    expect(allText(replies[0]!.body)).toContain('Acme Support Bot');
    expect(bot.sandbox.requests.length).toBeGreaterThan(0);
    expect(bot.sandbox.requests.every((r) => r.projectId === 'proj_demo_text' && r.authorized)).toBe(true);
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });

  it('the same click delivered twice by SQS (same batch and a later one) still yields one reply', async () => {
    const digest = await postDigest(bot);
    const topics = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:topics')!;
    await bot.click(blockActionsPayload({ button: topics, messageTs: digest.ts, responseUrl: bot.slack.responseUrl() }));
    const { jobs } = bot.drain();
    expect(jobs).toHaveLength(1);
    const body = JSON.stringify(jobs[0]);

    const worker = await bot.worker({ once: createMemoryOnceGuard() });
    const first = await worker(sqsEvent({ body, id: 'a' }, { body, id: 'b' }));
    const again = await worker(sqsEvent({ body, id: 'c' }));
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(threadReplies(bot, digest.ts)).toHaveLength(1);
    const done = bot.entries().filter((l) => l.event === 'job.done');
    expect(done).toHaveLength(3);
    expect(done.every((l) => l.outcome === 'delivered')).toBe(true);
  });

  it('two different clicks on the same button are two replies', async () => {
    const digest = await postDigest(bot);
    const topics = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:topics')!;
    await bot.click(
      blockActionsPayload({ button: topics, messageTs: digest.ts, responseUrl: bot.slack.responseUrl(), actionTs: '1732550001.000001' }),
    );
    await bot.click(
      blockActionsPayload({ button: topics, messageTs: digest.ts, responseUrl: bot.slack.responseUrl(), actionTs: '1732550009.000002' }),
    );
    const worker = await bot.worker();
    await worker(bot.drain().event);
    expect(threadReplies(bot, digest.ts)).toHaveLength(2);
  });

  it('a click from a channel where the project is not bound is refused ephemerally via response_url', async () => {
    const digest = await postDigest(bot);
    const costs = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:costs')!;
    const responseUrl = bot.slack.responseUrl('refused-click');
    const answer = await bot.click(blockActionsPayload({ button: costs, messageTs: digest.ts, channel: 'C0BELLA', responseUrl }));
    expect(answer.response.statusCode).toBe(200);
    // The button's value is checked by the worker (no schema library on the ack path).
    const worker = await bot.worker();
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    expect(bot.sandbox.requests).toHaveLength(0);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const calls = bot.slack.callsTo('response_url');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ __responseUrlId: 'refused-click', response_type: 'ephemeral', replace_original: false });
    expect(calls[0]!.body.text).toBe(DIGEST_PROJECT_NOT_HERE);
    expect(String(calls[0]!.body.text)).not.toMatch(/acme|bella|quiet|by that name|did you mean/i);
  });

  it('a click from another workspace is refused at once, with no job', async () => {
    const digest = await postDigest(bot);
    const costs = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:costs')!;
    const responseUrl = bot.slack.responseUrl('foreign');
    await bot.click(blockActionsPayload({ button: costs, messageTs: digest.ts, team: 'T0OTHER', responseUrl }));
    expect(bot.queue.size).toBe(0);
    expect(bot.slack.callsTo('response_url')[0]?.body.text).toBe(ACCESS_MESSAGES.workspace);
  });

  it('a button with a value that is not ours gets a polite "older version" answer and nothing else', async () => {
    const responseUrl = bot.slack.responseUrl('forged');
    await bot.click(
      blockActionsPayload({
        button: { action_id: 'drilldown:costs', value: '{"v":1,"project":"proj_demo_text"}' },
        messageTs: '1.000001',
        responseUrl,
      }),
    );
    const worker = await bot.worker();
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    expect(bot.sandbox.requests).toHaveLength(0);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(String(bot.slack.callsTo('response_url')[0]?.body.text)).toContain('older version of this message');
  });

  it('a click on the ephemeral /chatdash stats answer replies through its response_url', async () => {
    const statsUrl = bot.slack.responseUrl('stats');
    await bot.command('stats acme 30d', { response_url: statsUrl });
    const worker = await bot.worker();
    await worker(bot.drain().event);
    const answer = answersTo(bot.slack, 'stats')[0]!;
    const button = buttonsOf(answer.body).find((b) => b.action_id === 'drilldown:topics')!;
    expect(button).toBeDefined();

    const clickUrl = bot.slack.responseUrl('stats-click');
    await bot.click(blockActionsPayload({ button, messageTs: '1732550000.000100', responseUrl: clickUrl, ephemeral: true }));
    const { event, jobs } = bot.drain();
    expect(jobs).toMatchObject([{ kind: 'drilldown', view: 'topics', responseUrl: clickUrl }]);
    await worker(event);
    const reply = answersTo(bot.slack, 'stats-click')[0];
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(reply?.body)).toMatch(/Topics/);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('@mentions in a digest thread', () => {
  it('reads the digest from the thread root and replies once, even when Slack retries the event', async () => {
    const digest = await postDigest(bot);
    const mention = mentionPayload({ eventId: 'Ev0MENTION1', text: '<@U0BOT> costs please', ts: '1732551000.000100', threadTs: digest.ts });
    const first = await bot.event(mention);
    const retry = await bot.event(mention, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(first.response.statusCode).toBe(200);
    expect(retry.response.statusCode).toBe(200);
    expect(bot.sandbox.requests).toHaveLength(0);

    const { event, jobs } = bot.drain();
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(
      jobs.every(
        (j) => j.kind === 'drilldown' && j.idempotencyKey === 'event:Ev0MENTION1' && j.view === 'costs' && j.threadTs === digest.ts,
      ),
    ).toBe(true);

    const worker = await bot.worker({ once: createMemoryOnceGuard() });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    expect(bot.slack.callsTo('conversations.replies').length).toBeGreaterThanOrEqual(1);
    expect(bot.slack.callsTo('conversations.replies')[0]!.body).toMatchObject({ channel: 'C0ACME', ts: digest.ts });
    const replies = threadReplies(bot, digest.ts);
    expect(replies).toHaveLength(1);
    expect(allText(replies[0]!.body)).toMatch(/Costs/i);
    expect(allText(replies[0]!.body)).toContain('Acme Support Bot');
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });

  it('a mention with an unknown word lists the views it can show', async () => {
    const digest = await postDigest(bot);
    await bot.event(
      mentionPayload({ eventId: 'Ev0MENTION2', text: '<@U0BOT> what about the weather?', ts: '1732551000.000200', threadTs: digest.ts }),
    );
    const worker = await bot.worker();
    await worker(bot.drain().event);
    const replies = threadReplies(bot, digest.ts);
    expect(replies).toHaveLength(1);
    const text = String(replies[0]!.body.text);
    for (const word of ['`topics`', '`misunderstood`', '`intents`', '`costs`', '`countries`', '`ended reasons`'])
      expect(text).toContain(word);
    expect(bot.sandbox.requests).toHaveLength(0);
  });

  it('a mention outside any thread gets a how-to reply', async () => {
    await bot.event(mentionPayload({ eventId: 'Ev0MENTION3', text: '<@U0BOT> costs', ts: '1732551000.000300' }));
    const { event, jobs } = bot.drain();
    expect(jobs).toMatchObject([{ kind: 'drilldown', inThread: false, threadTs: '1732551000.000300' }]);
    const worker = await bot.worker();
    await worker(event);
    const posts = bot.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: 'C0ACME', thread_ts: '1732551000.000300' });
    expect(String(posts[0]!.body.text)).toContain('I can drill into a digest from its thread');
    expect(bot.slack.callsTo('conversations.replies')).toHaveLength(0);
    expect(bot.sandbox.requests).toHaveLength(0);
  });

  it('a mention in a thread that is not a digest gets the how-to', async () => {
    const root = await (await bot.deps()).slack.chat.postMessage({ channel: 'C0ACME', text: 'lunch?' });
    bot.slack.calls.length = 0;
    await bot.event(mentionPayload({ eventId: 'Ev0MENTION4', text: '<@U0BOT> topics', ts: '1732551000.000400', threadTs: root.ts! }));
    const worker = await bot.worker();
    await worker(bot.drain().event);
    const replies = threadReplies(bot, root.ts!);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.body.text)).toContain('I can drill into a digest from its thread');
  });

  it('a mention in a digest thread of a channel where the project is not bound is refused ephemerally', async () => {
    const digest = await postDigest(bot);
    // The digest's message copied into C0BELLA's history (as if forwarded there), then a mention in its thread.
    const copy = await (await bot.deps()).slack.chat.postMessage({
      channel: 'C0BELLA',
      text: String(digest.message.text),
      blocks: digest.message.blocks as never,
    });
    bot.slack.calls.length = 0;
    await bot.event(
      mentionPayload({ eventId: 'Ev0MENTION5', text: '<@U0BOT> costs', ts: '1732551000.000500', threadTs: copy.ts!, channel: 'C0BELLA' }),
    );
    const worker = await bot.worker();
    await worker(bot.drain().event);
    expect(bot.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const ephemeral = bot.slack.callsTo('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    // The mention named no project: not "no project by that name", and no project named or suggested.
    expect(ephemeral[0]!.body).toMatchObject({ channel: 'C0BELLA', user: 'U0ALICE', text: DIGEST_PROJECT_NOT_HERE });
    expect(String(ephemeral[0]!.body.text)).not.toMatch(/acme|bella|quiet|by that name|did you mean/i);
    expect(bot.sandbox.requests).toHaveLength(0);
  });

  it('tells the person ephemerally when the queue cannot take a mention', async () => {
    const failing = { send: async () => Promise.reject(new Error('queue down')) };
    const http = createHttpHandler({
      config,
      env: { SLACK_API_URL: bot.slack.apiUrl },
      queue: failing,
      secrets: async () => SECRETS,
      log: () => {},
    });
    const response = await http(
      eventsApiEvent(
        mentionPayload({ eventId: 'Ev0MENTION6', text: '<@U0BOT> costs', ts: '1732551000.000600', threadTs: '1732550000.000001' }),
      ),
    );
    expect(response.statusCode).toBe(200);
    const ephemeral = bot.slack.callsTo('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]!.body).toMatchObject({ channel: 'C0ACME', user: 'U0ALICE', thread_ts: '1732550000.000001' });
    expect(String(ephemeral[0]!.body.text)).toContain('Please try again in a minute');
  });
});

describe('drill-down failures reach the person who clicked', () => {
  it('the bot was removed from the channel after posting: the clicker is told why through the click\u2019s response_url', async () => {
    const digest = await postDigest(bot);
    const topics = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:topics')!;
    const responseUrl = bot.slack.responseUrl('kicked');
    await bot.click(blockActionsPayload({ button: topics, messageTs: digest.ts, responseUrl }));
    bot.slack.setChannel('C0ACME', 'not_in_channel');
    try {
      const worker = await bot.worker({ once: createMemoryOnceGuard() });
      expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    } finally {
      bot.slack.setChannel('C0ACME', 'ok');
    }
    const notices = answersTo(bot.slack, 'kicked');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notices[0]!.body.text)).toContain('not a member of <#C0ACME>');
  });

  it('ChatDash down for a thread button: an ephemeral notice to the clicker, nothing in the thread', async () => {
    const digest = await postDigest(bot);
    const costs = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:costs')!;
    const responseUrl = bot.slack.responseUrl('down');
    await bot.click(blockActionsPayload({ button: costs, messageTs: digest.ts, responseUrl }));
    bot.sandbox.setFault({ type: 'server_error', status: 503 });
    try {
      const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 800 }), once: createMemoryOnceGuard() });
      expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    } finally {
      bot.sandbox.setFault(undefined);
    }
    expect(threadReplies(bot, digest.ts)).toHaveLength(0);
    const notices = answersTo(bot.slack, 'down');
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.body.text)).toContain('isn\u2019t answering right now');
  });
});
