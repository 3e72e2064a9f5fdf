/**
 * Send now, through the real worker handler: one click posts one digest (Slack's retries and SQS redeliveries of the
 * click included), a quick double-click posts once and says so, permissions are checked again in the worker, a
 * failed post gives the claim back, and the clicker always hears the outcome.
 */
import { describe, expect, it } from 'vitest';
import type { SendNowJob } from '../../src/jobs/schema.ts';
import { type NewSubscription, userActor } from '../../src/store/store.ts';
import { POLICY_MESSAGES } from '../../src/subscriptions/policy.ts';
import { SEND_NOW_MESSAGES } from '../../src/worker/send-now.ts';
import { useBot } from '../support/bot.ts';
import { sqsEvent } from '../support/payloads.ts';
import { postsTo } from '../support/slack-messages.ts';
import { jobOutcomes, overviewSettings, subscriptionSettings, workerWithStore } from '../support/subscriptions.ts';

const bot = useBot();
const settings = (overrides: Partial<NewSubscription> = {}) => subscriptionSettings({ period: 'last 7 days', ...overrides });
const setup = () => workerWithStore(bot);

let clicks = 0;
function click(subscription: string, user: string, channel: string, overrides: Partial<SendNowJob> = {}): SendNowJob {
  clicks++;
  return {
    kind: 'send_now',
    idempotencyKey: `action:1790000000.000100:1790000100.${clicks}:${user}`,
    subscription,
    source: 'runtime',
    requester: { teamId: 'T0DEMO', channelId: channel, userId: user, isDirectMessage: channel.startsWith('D') },
    requestedAt: new Date().toISOString(),
    responseUrl: bot.slack.responseUrl(`click-${clicks}`),
    ...overrides,
  };
}

const replies = () => bot.slack.callsTo('response_url').map((c) => String(c.body.text ?? ''));

describe('Send now', () => {
  it('posts the digest to the subscription’s channel once, and tells the clicker', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings(), userActor('U0ALICE'));
    const job = click(sub.id, 'U0ALICE', 'C0ACME');
    // Slack retried the click's delivery, SQS redelivered the message: three deliveries of one click.
    expect(await handler(sqsEvent(job, job))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(job))).toEqual({ batchItemFailures: [] });
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(replies()).toEqual([expect.stringContaining('Posted the *Acme Support Bot* digest (Last 7 days) to <#C0ACME>')]);
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'send_now' });
  });

  it('a quick double-click posts once; the second click is told why', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings(), userActor('U0ALICE'));
    await handler(sqsEvent(click(sub.id, 'U0ALICE', 'C0ACME'), click(sub.id, 'U0ALICE', 'C0ACME')));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    const told = replies();
    expect(told).toHaveLength(2);
    expect(told).toContain(SEND_NOW_MESSAGES.alreadySent);
    expect(told.filter((t) => t.includes('Posted the'))).toHaveLength(1);
    expect(jobOutcomes(bot)).toEqual(['duplicate_click', 'posted']);
  });

  it('someone else may send it from its channel if they may see its project there, not from elsewhere', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings(), userActor('U0ALICE'));
    await handler(sqsEvent(click(sub.id, 'U0BOB', 'C0BELLA')));
    expect(replies()).toEqual([POLICY_MESSAGES.not_owner]);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
    await handler(sqsEvent(click(sub.id, 'U0BOB', 'C0ACME')));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    // An admin may send it from anywhere (their App Home, a DM).
    bot.slack.reset();
    const fresh = await store.createSubscription(settings(), userActor('U0ALICE'));
    await handler(sqsEvent(click(fresh.id, 'U0ADMIN', 'D0ADMIN')));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
  });

  it('a failed post gives the claim back (the next click posts) and the clicker hears why', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings(), userActor('U0ALICE'));
    bot.slack.setChannel('C0ACME', 'not_in_channel');
    await handler(sqsEvent(click(sub.id, 'U0ALICE', 'C0ACME')));
    expect(replies()[0]).toContain('I\u2019m not a member of <#C0ACME>');
    // The subscription is paused (the scheduled digest would fail too); Send now still works once the bot is back.
    expect((await store.getSubscription(sub.id))?.paused?.reason).toBe('bot_removed');
    bot.slack.setChannel('C0ACME', 'ok');
    await handler(sqsEvent(click(sub.id, 'U0ALICE', 'C0ACME')));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
  });

  it('works for a YAML subscription, and says so when the subscription is gone', async () => {
    const { handler } = await setup();
    await handler(sqsEvent(click('acme-weekly', 'U0CAROL', 'C0ACME', { source: 'config' })));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    await handler(sqsEvent(click('sub_nosuchthing00', 'U0ALICE', 'C0ACME')));
    expect(replies().at(-1)).toBe(SEND_NOW_MESSAGES.gone);
  });

  it('without a response_url the clicker gets a DM', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings(), userActor('U0ALICE'));
    const { responseUrl: _drop, ...job } = click(sub.id, 'U0ALICE', 'C0ACME');
    await handler(sqsEvent(job));
    expect(postsTo(bot.slack, 'U0ALICE').map((c) => String(c.body.text))).toEqual([expect.stringContaining('Posted the')]);
  });

  it('an overview subscription posts the agency overview of its projects, for anyone who may query in its channel', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(overviewSettings(['acme', 'nova'], { period: 'last 7 days' }), userActor('U0ALICE'));
    await handler(sqsEvent(click(sub.id, 'U0BOB', 'C0AGENCY')));
    const [post] = postsTo(bot.slack, 'C0AGENCY');
    expect(String(post?.body.text)).toMatch(/overview/i);
    expect(replies()).toEqual([expect.stringContaining('Posted the overview of 2 projects (Last 7 days) to <#C0AGENCY>')]);
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'send_now' });
    // The YAML one too.
    await handler(sqsEvent(click('agency-weekly', 'U0CAROL', 'C0AGENCY', { source: 'config' })));
    expect(postsTo(bot.slack, 'C0AGENCY')).toHaveLength(2);
    expect(await store.configDelivery('agency-weekly')).toMatchObject({ result: 'posted', trigger: 'send_now' });
  });
});
