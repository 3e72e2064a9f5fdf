/** The dead-letter function: jobs that failed every try are reported to whoever waits for them, never dropped. */
import { describe, expect, it } from 'vitest';
import { createDeadLetterHandler } from '../../src/deadletter/handler.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import { userActor } from '../../src/store/store.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { makeAlert } from '../support/alert-input.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { requester, sendNowJob, sqsEvent, statsJob } from '../support/payloads.ts';
import { leakedSecrets } from '../support/secrets.ts';
import { textsIn } from '../support/slack-messages.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

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
    expect(posts[0]!.body.text).toBe(
      ':rotating_light: A digest failed every try and was not posted: the *Acme Support Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris (`acme-weekly` in the configuration), due Mon, Nov 23, 09:00 Europe/Paris. Check the worker logs; `npm run digest -- --subscription acme-weekly` posts it by hand.',
    );
    expect(bot.slack.callsTo('response_url')).toHaveLength(0);
    // Its last delivery (on the YAML subscription's state item) says it failed.
    expect(await bot.store.configDelivery('acme-weekly')).toMatchObject({
      result: 'failed',
      reason: 'retries_exhausted',
    });
  });

  it('a dead digest of a runtime subscription → the admins read it as people see it (project, channel, schedule), not its id', async () => {
    const sub = await bot.store.createSubscription(
      subscriptionSettings({ project: 'bella', channel: 'C0BELLA', schedule: '30 8 * * *', timeZone: 'America/New_York' }),
      userActor('U0ALICE'),
    );
    const job: Job = {
      kind: 'digest',
      subscription: sub.id,
      source: 'runtime',
      scheduledFor: '2026-11-23T13:30:00.000Z',
      trigger: 'schedule',
    };
    expect((await (await deadLetter())(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    const [text, ...more] = textsIn(bot.slack, 'C0ADMIN');
    expect(more).toEqual([]);
    expect(text).toBe(
      ':rotating_light: A digest failed every try and was not posted: the *Bella Pizza Phone Line* digest for <#C0BELLA>, every day at 08:30 America/New_York, due Mon, Nov 23, 08:30 America/New_York. Check the worker logs; its *Send now* button (`/chatdash subscriptions` in its channel, or my Home tab) posts it by hand.',
    );
    expect(text).not.toContain(sub.id);
    // recordDelivery: the subscription lists show the failure.
    expect((await bot.store.getSubscription(sub.id))?.lastDelivery).toMatchObject({
      result: 'failed',
      reason: 'retries_exhausted',
      scheduledFor: '2026-11-23T13:30:00.000Z',
      trigger: 'schedule',
    });
    expect(bot.entries()).toContainEqual(
      expect.objectContaining({ event: 'store.change', action: 'subscription.delivery', actor: 'system:deadletter', id: sub.id }),
    );
  });

  it('a dead digest whose subscription was deleted, or whose delivery can\u2019t be recorded, is still reported (and logged)', async () => {
    const gone: Job = {
      kind: 'digest',
      subscription: 'sub_deleted00000',
      source: 'runtime',
      scheduledFor: '2026-11-23T08:00:00.000Z',
      trigger: 'schedule',
    };
    const deps = await bot.deps();
    // The state store refuses the delivery note (its table unavailable, say): the report still goes out.
    const failing = {
      ...deps,
      store: Object.assign(Object.create(deps.store) as typeof deps.store, {
        recordDelivery: async () => Promise.reject(new Error('table unavailable')),
      }),
    };
    const handler = createDeadLetterHandler({ config, deps: failing, log: bot.log });
    expect((await handler(sqsEvent(JSON.stringify(gone)))).batchItemFailures).toEqual([]);
    expect(textsIn(bot.slack, 'C0ADMIN')).toEqual([
      ':rotating_light: A digest failed every try and was not posted: a subscription that no longer exists (id `sub_deleted00000`), due Mon, Nov 23, 09:00 Europe/Paris. Check the worker logs; it was probably deleted meanwhile.',
    ]);
    expect(bot.entries()).toContainEqual(
      expect.objectContaining({ event: 'deadletter.record_failed', level: 'error', errorMessage: 'table unavailable' }),
    );
  });

  it('a dead Send now → an apology through the click\u2019s response_url, or by DM without one', async () => {
    const base = {
      kind: 'send_now' as const,
      subscription: 'acme-weekly',
      source: 'config' as const,
      requester: requester(),
      requestedAt: '2026-11-23T10:00:00.000Z',
    };
    const withUrl: Job = { ...base, idempotencyKey: 'send:1', responseUrl: bot.slack.responseUrl('dead-send') };
    const withoutUrl: Job = { ...base, idempotencyKey: 'send:2' };
    expect((await (await deadLetter())(sqsEvent(JSON.stringify(withUrl), JSON.stringify(withoutUrl)))).batchItemFailures).toEqual([]);
    const [answer] = bot.slack.callsTo('response_url');
    expect(answer?.body).toMatchObject({ __responseUrlId: 'dead-send', response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.body.text)).toContain('I tried several times and couldn\u2019t finish this');
    expect(textsIn(bot.slack, 'U0ALICE')).toEqual([expect.stringContaining('I tried several times and couldn\u2019t finish this')]);
    expect(textsIn(bot.slack, 'C0ADMIN')).toEqual([]);
    // The YAML subscription's last delivery (its state item) says the click's post failed; recorded once.
    expect(await bot.store.configDelivery('acme-weekly')).toMatchObject({
      result: 'failed',
      reason: 'retries_exhausted',
      scheduledFor: '2026-11-23T10:00:00.000Z',
      trigger: 'send_now',
    });
    expect(
      bot
        .entries()
        .filter((l) => l.event === 'deadletter.job')
        .map((l) => [l.level, l.kind]),
    ).toEqual([
      ['error', 'send_now'],
      ['error', 'send_now'],
    ]);
  });

  it('a dead Send now is recorded as a failed delivery and gives its claim back, once, even when the report comes twice', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings({ project: 'acme', channel: 'C0ACME' }), userActor('U0ALICE'));
    const ref = { source: 'runtime' as const, id: sub.id };
    const job = sendNowJob(sub.id, 'send:dead', 5_000, { responseUrl: bot.slack.responseUrl('dead-send') });
    const { requestedAt } = job;
    // The worker claimed the Send now before it failed for good.
    expect(await bot.store.claimSendNow(ref, 'send:dead', Date.now(), 60_000)).toEqual({ ok: true });
    const handler = await deadLetter();
    expect((await handler(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    const recorded = (await bot.store.getSubscription(sub.id))?.lastDelivery;
    expect(recorded).toMatchObject({ result: 'failed', reason: 'retries_exhausted', scheduledFor: requestedAt, trigger: 'send_now' });
    expect(bot.entries()).toContainEqual(
      expect.objectContaining({ event: 'store.change', action: 'subscription.delivery', actor: 'system:deadletter', id: sub.id }),
    );
    // Given back: a click now may post (not "I posted this a moment ago").
    expect(await bot.store.claimSendNow(ref, 'send:next', Date.now(), 60_000)).toEqual({ ok: true });

    // The same dead letter again (SQS redelivers): the person hears it again at most, nothing else changes; the
    // newer click's claim stays.
    expect((await handler(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    expect((await bot.store.getSubscription(sub.id))?.lastDelivery).toEqual(recorded);
    expect(bot.entries().filter((l) => l.event === 'store.change' && l.action === 'subscription.delivery')).toHaveLength(1);
    expect(await bot.store.claimSendNow(ref, 'send:third', Date.now(), 60_000)).toMatchObject({ ok: false });
  });

  it('a dead Send now whose post did go out (recorded since the click) records no failure and keeps the claim', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings({ project: 'acme', channel: 'C0ACME' }), userActor('U0ALICE'));
    const ref = { source: 'runtime' as const, id: sub.id };
    const requestedAt = new Date(Date.now() - 5_000).toISOString();
    expect(await bot.store.claimSendNow(ref, 'send:posted', Date.now(), 60_000)).toEqual({ ok: true });
    const posted = {
      result: 'posted' as const,
      at: new Date().toISOString(),
      ts: '1790000000.000100',
      scheduledFor: requestedAt,
      trigger: 'send_now' as const,
    };
    await bot.store.recordDelivery(ref, posted);
    const job = sendNowJob(sub.id, 'send:posted', 0, { requestedAt });
    expect((await (await deadLetter())(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    expect((await bot.store.getSubscription(sub.id))?.lastDelivery).toEqual(posted);
    expect(await bot.store.claimSendNow(ref, 'send:again', Date.now(), 60_000)).toMatchObject({ ok: false });
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'deadletter.send_now_settled_before', subscription: sub.id }));
  });

  it('a dead alert check → the admins read the project, the window and the alerts by name, in words', async () => {
    const stores = createMemoryAlertStores({ log: bot.log });
    const now = new Date('2026-11-17T09:00:00Z');
    const named = makeAlert({ name: 'Checkout <quality>' }, { id: 'dead-a', now });
    const plain = makeAlert({ condition: { kind: 'threshold', direction: 'below', value: 0.85 } }, { id: 'dead-b', now });
    for (const a of [named, plain]) await stores.store.create(a.definition, a.state, 'U0ALICE');
    const deps = await bot.deps({ alerts: { ...stores, once: createMemoryOnceGuard() } });
    const handler = createDeadLetterHandler({ config, deps, log: bot.log });
    const job: Job = {
      kind: 'alert_check',
      idempotencyKey: 'alert_check:shop:x',
      project: 'shop',
      frequency: 'hourly',
      timeZone: 'Europe/Paris',
      window: { start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T11:00:00.000Z' },
      alertIds: ['dead-a', 'dead-b', 'deleted-since'],
      queuedAt: '2026-11-17T11:10:00.000Z',
    };
    expect((await handler(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    expect(textsIn(bot.slack, 'C0ADMIN')).toEqual([
      ':rotating_light: The check of 3 alerts on *Maya Shop Assistant* for the hour from Tue, Nov 17, 11:00 Europe/Paris failed every try: *“Checkout &lt;quality&gt;”* in <#C0SHOP>; *Understood rate below 85% · checked hourly* in <#C0SHOP> and 1 more. An alert it could not check misses that hour; a message it could not post goes out with the next check. See the worker logs.',
    ]);
    expect(bot.entries()).toContainEqual(
      expect.objectContaining({ event: 'deadletter.alert_check', level: 'error', project: 'shop', alerts: 3 }),
    );
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
    const job = statsJob('stats:t2', bot.slack.responseUrl('dead-2'));
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
