/**
 * Runtime subscriptions' digests through the real worker handler (state store in memory, ChatDash sandbox, Slack
 * double): posted once per occurrence with the last delivery recorded; skipped when paused or deleted meanwhile;
 * paused, with the owner and the admin channel told, when the bot was removed, the channel archived or gone, or the
 * channel no longer bound to the project.
 */
import { describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { DigestJob } from '../../src/jobs/schema.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { userActor } from '../../src/store/store.ts';
import { useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { sqsEvent } from '../support/payloads.ts';
import { allText, postsTo, textsIn } from '../support/slack-messages.ts';
import { jobOutcomes, overviewSettings, subscriptionSettings as settings, workerWithStore } from '../support/subscriptions.ts';

const ADMIN_CHANNEL = config.adminChannel as string;
const ALICE = userActor('U0ALICE');
const ADMIN = userActor('U0ADMIN');
const bot = useBot();
const setup = () => workerWithStore(bot, { now: () => new Date('2026-11-19T10:00:00Z') });

const job = (id: string, scheduledFor = '2026-11-23T08:00:00.000Z'): DigestJob => ({
  kind: 'digest',
  subscription: id,
  source: 'runtime',
  scheduledFor,
  trigger: 'schedule',
});

describe('a runtime subscription’s digest', () => {
  it('records its delivery on the worker’s clock (what the demo’s simulated tick shows in the App Home)', async () => {
    const ahead = 86_400_000;
    const store = createMemoryStore({ log: bot.log });
    const handler = await bot.worker({ deps: await bot.deps({ store, now: () => new Date(Date.now() + ahead) }) });
    const sub = await store.createSubscription(settings(), ALICE);
    const before = Date.now();
    expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
    const at = Date.parse((await store.getSubscription(sub.id))?.lastDelivery?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(before + ahead);
  });

  it('is posted to its channel once per occurrence, and its last delivery is recorded', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(settings({ locale: 'en-GB' }), ALICE);
    // The tick queued it twice (overlapping ticks), and SQS delivered one of them twice.
    expect(await handler(sqsEvent(job(sub.id), job(sub.id)))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
    const posts = postsTo(bot.slack, 'C0ACME');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.body.text)).toContain('Acme Support Bot');
    const stored = await store.getSubscription(sub.id);
    expect(stored?.lastDelivery).toMatchObject({ result: 'posted', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' });
    expect(stored?.lastDelivery?.ts).toMatch(/^\d+\.\d+$/);
    expect(stored?.version).toBe(1);
    expect(
      bot
        .entries()
        .filter((l) => l.event === 'job.done')
        .map((l) => l.outcome),
    ).toEqual(['posted', 'posted', 'posted']);
    // Next week's occurrence is another digest.
    await handler(sqsEvent(job(sub.id, '2026-11-30T08:00:00.000Z')));
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(2);
  });

  it('posts nothing when the subscription was paused or deleted after the tick queued it', async () => {
    const { store, handler } = await setup();
    const paused = await store.createSubscription(settings(), ALICE);
    await store.pauseSubscription(paused.id, 'user', ALICE);
    const deleted = await store.createSubscription(settings(), ALICE);
    await store.deleteSubscription(deleted.id, ALICE);
    expect(await handler(sqsEvent(job(paused.id), job(deleted.id)))).toEqual({ batchItemFailures: [] });
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(jobOutcomes(bot)).toEqual(['gone', 'paused']);
  });

  it.each([
    ['not_in_channel', 'bot_removed', /not a member of <#C0ACME>/],
    ['is_archived', 'channel_archived', /is archived/],
    ['channel_not_found', 'channel_not_found', /can’t find channel/],
  ] as const)(
    'Slack says %s: the subscription is paused (%s), its owner and the admins are told, nothing is retried',
    async (error, reason, why) => {
      const { store, handler } = await setup();
      const sub = await store.createSubscription(settings(), ALICE);
      bot.slack.setChannel('C0ACME', error);
      expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
      const stored = await store.getSubscription(sub.id);
      expect(stored?.paused).toMatchObject({ reason });
      expect(stored?.nextRunAt).toBeUndefined();
      expect(stored?.lastDelivery).toMatchObject({ result: 'failed', reason: error });
      const [dm] = textsIn(bot.slack, 'U0ALICE');
      expect(dm).toContain('*Acme Support Bot* digest subscription for <#C0ACME> is paused');
      expect(dm).toMatch(why);
      const [alert] = textsIn(bot.slack, ADMIN_CHANNEL);
      expect(alert).toContain('is paused');
      expect(alert).toContain(`<@U0ALICE>`);
      expect(alert).toContain(sub.id);
      // The tick no longer finds it.
      const queue = createLocalQueue();
      const tick = createScheduleHandler({ config: { ...config, subscriptions: [] }, queue, store, log: bot.log });
      expect((await tick({ time: '2026-12-07T08:00:30Z' })).due).toBe(0);
    },
  );

  it('posts in a channel bound from Slack, and stops (paused, owner told) once an admin disconnects it', async () => {
    const { store, handler } = await setup();
    await store.bindChannel('C0NEWCLIENT', 'bella', userActor('U0ADMIN'));
    const sub = await store.createSubscription(settings({ channel: 'C0NEWCLIENT', project: 'bella' }), ALICE);
    await handler(sqsEvent(job(sub.id)));
    expect(postsTo(bot.slack, 'C0NEWCLIENT')).toHaveLength(1);

    await store.unbindChannel('C0NEWCLIENT', 'bella', userActor('U0ADMIN'));
    await handler(sqsEvent(job(sub.id, '2026-11-30T08:00:00.000Z')));
    expect(postsTo(bot.slack, 'C0NEWCLIENT')).toHaveLength(1);
    expect((await store.getSubscription(sub.id))?.paused?.reason).toBe('channel_unbound');
    expect(textsIn(bot.slack, 'U0ALICE')[0]).toContain('no longer connected');
  });

  it('a YAML subscription’s delivery is recorded on its state item; an undeliverable one is reported, not paused', async () => {
    const { store, handler } = await setup();
    const yaml: DigestJob = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
    await handler(sqsEvent(yaml));
    expect(await store.configDelivery('acme-weekly')).toMatchObject({ result: 'posted', trigger: 'schedule' });
    bot.slack.setChannel('C0BELLA', 'not_in_channel');
    await handler(sqsEvent({ ...yaml, subscription: 'bella-weekly', scheduledFor: '2026-11-23T13:30:00.000Z' }));
    expect(await store.configDelivery('bella-weekly')).toMatchObject({ result: 'failed', reason: 'not_in_channel' });
    expect(textsIn(bot.slack, ADMIN_CHANNEL)[0]).toContain(
      'A digest was not posted: the *Bella Pizza Phone Line* digest for <#C0BELLA>, Mondays at 08:30 America/New_York (`bella-weekly` in the configuration).',
    );
    expect(textsIn(bot.slack, 'U0ALICE')).toEqual([]);
  });
});

describe('an overview subscription (several projects): the same pipeline', () => {
  it('runtime, projects: all in a channel connected from Slack: the overview of what it sees, once; paused once it sees nothing', async () => {
    const { store, handler } = await setup();
    await store.bindChannel('C0NEWAGENCY', 'acme', ADMIN);
    await store.bindChannel('C0NEWAGENCY', 'nova', ADMIN);
    const sub = await store.createSubscription(overviewSettings('all', { channel: 'C0NEWAGENCY' }), ALICE);
    expect(await handler(sqsEvent(job(sub.id), job(sub.id)))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
    const [first, ...others] = postsTo(bot.slack, 'C0NEWAGENCY');
    expect(others).toEqual([]);
    expect(allText(first!.body)).toContain('Agency overview');
    expect(allText(first!.body)).toContain('2 projects');
    expect((await store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'schedule' });

    // One project disconnected: next week's overview covers the other one.
    await store.unbindChannel('C0NEWAGENCY', 'acme', ADMIN);
    await handler(sqsEvent(job(sub.id, '2026-11-30T08:00:00.000Z')));
    const second = postsTo(bot.slack, 'C0NEWAGENCY')[1];
    expect(allText(second?.body)).toContain('Nova Telecom Help');
    expect(allText(second?.body)).not.toContain('Acme Support Bot');

    // Nothing left: paused, its owner and the admins told, nothing posted.
    await store.unbindChannel('C0NEWAGENCY', 'nova', ADMIN);
    await handler(sqsEvent(job(sub.id, '2026-12-07T08:00:00.000Z')));
    expect(postsTo(bot.slack, 'C0NEWAGENCY')).toHaveLength(2);
    const stored = await store.getSubscription(sub.id);
    expect(stored?.paused?.reason).toBe('channel_unbound');
    expect(stored?.lastDelivery).toMatchObject({ result: 'failed', reason: 'channel_unbound' });
    const [dm] = textsIn(bot.slack, 'U0ALICE');
    expect(dm).toContain('*agency overview* subscription for <#C0NEWAGENCY> is paused');
    expect(dm).toContain('no longer connected to any of its projects');
    expect(textsIn(bot.slack, ADMIN_CHANNEL)[0]).toContain(sub.id);
  });

  it('runtime, a list of projects: only those listed', async () => {
    const { store, handler } = await setup();
    const sub = await store.createSubscription(overviewSettings(['nova', 'bella']), ALICE);
    await handler(sqsEvent(job(sub.id)));
    const [post] = postsTo(bot.slack, 'C0AGENCY');
    const text = allText(post?.body);
    expect(text).toContain('2 projects');
    expect(text).toContain('Nova Telecom Help');
    expect(text).not.toContain('Acme Support Bot');
  });

  it('YAML (agency-weekly): its delivery is recorded on its state item; an undeliverable one is reported, not paused', async () => {
    const { store, handler } = await setup();
    const agency: DigestJob = {
      kind: 'digest',
      subscription: 'agency-weekly',
      scheduledFor: '2026-11-27T08:00:00.000Z',
      trigger: 'schedule',
    };
    await handler(sqsEvent(agency));
    expect(await store.configDelivery('agency-weekly')).toMatchObject({ result: 'posted', scheduledFor: agency.scheduledFor });
    bot.slack.setChannel('C0AGENCY', 'is_archived');
    await handler(sqsEvent({ ...agency, scheduledFor: '2026-12-04T08:00:00.000Z' }));
    expect(await store.configDelivery('agency-weekly')).toMatchObject({ result: 'failed', reason: 'is_archived' });
    expect(textsIn(bot.slack, ADMIN_CHANNEL)[0]).toContain(
      'A digest was not posted: the *agency overview* for <#C0AGENCY>, Fridays at 09:00 Europe/Paris (`agency-weekly` in the configuration).',
    );
  });
});
