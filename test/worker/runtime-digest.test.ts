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
import { userActor } from '../../src/store/store.ts';
import { postsTo, recordingLog, sqsEvent, textsIn } from '../digests/support.ts';
import { demoConfig as config, subscriptionSettings as settings, useSandboxAndSlack, workerWithStore } from '../support/subscriptions.ts';

const ADMIN_CHANNEL = config.adminChannel as string;
const ALICE = userActor('U0ALICE');
const loop = useSandboxAndSlack();
const setup = () => workerWithStore(loop, { now: () => new Date('2026-11-19T10:00:00Z') });

const job = (id: string, scheduledFor = '2026-11-23T08:00:00.000Z'): DigestJob => ({
  kind: 'digest',
  subscription: id,
  source: 'runtime',
  scheduledFor,
  trigger: 'schedule',
});

describe('a runtime subscription’s digest', () => {
  it('is posted to its channel once per occurrence, and its last delivery is recorded', async () => {
    const { store, handler, lines } = await setup();
    const sub = await store.createSubscription(settings({ locale: 'en-GB' }), ALICE);
    // The tick queued it twice (overlapping ticks), and SQS delivered one of them twice.
    expect(await handler(sqsEvent(job(sub.id), job(sub.id)))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
    const posts = postsTo(loop.slack, 'C0ACME');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.body.text)).toContain('Acme Support Bot');
    const stored = await store.getSubscription(sub.id);
    expect(stored?.lastDelivery).toMatchObject({ result: 'posted', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' });
    expect(stored?.lastDelivery?.ts).toMatch(/^\d+\.\d+$/);
    expect(stored?.version).toBe(1);
    expect(lines.filter((l) => l.event === 'job.done').map((l) => l.outcome)).toEqual(['posted', 'posted', 'posted']);
    // Next week's occurrence is another digest.
    await handler(sqsEvent(job(sub.id, '2026-11-30T08:00:00.000Z')));
    expect(postsTo(loop.slack, 'C0ACME')).toHaveLength(2);
  });

  it('posts nothing when the subscription was paused or deleted after the tick queued it', async () => {
    const { store, handler, lines } = await setup();
    const paused = await store.createSubscription(settings(), ALICE);
    await store.pauseSubscription(paused.id, 'user', ALICE);
    const deleted = await store.createSubscription(settings(), ALICE);
    await store.deleteSubscription(deleted.id, ALICE);
    expect(await handler(sqsEvent(job(paused.id), job(deleted.id)))).toEqual({ batchItemFailures: [] });
    expect(loop.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(
      lines
        .filter((l) => l.event === 'job.done')
        .map((l) => l.outcome)
        .sort(),
    ).toEqual(['gone', 'paused']);
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
      loop.slack.setChannel('C0ACME', error);
      expect(await handler(sqsEvent(job(sub.id)))).toEqual({ batchItemFailures: [] });
      const stored = await store.getSubscription(sub.id);
      expect(stored?.paused).toMatchObject({ reason });
      expect(stored?.nextRunAt).toBeUndefined();
      expect(stored?.lastDelivery).toMatchObject({ result: 'failed', reason: error });
      const [dm] = textsIn(loop.slack, 'U0ALICE');
      expect(dm).toContain('*Acme Support Bot* digest subscription for <#C0ACME> is paused');
      expect(dm).toMatch(why);
      const [alert] = textsIn(loop.slack, ADMIN_CHANNEL);
      expect(alert).toContain('is paused');
      expect(alert).toContain(`<@U0ALICE>`);
      expect(alert).toContain(sub.id);
      // The tick no longer finds it.
      const queue = createLocalQueue();
      const tick = createScheduleHandler({ config: { ...config, subscriptions: [] }, queue, store, log: recordingLog().log });
      expect((await tick({ time: '2026-12-07T08:00:30Z' })).due).toBe(0);
    },
  );

  it('posts in a channel bound from Slack, and stops (paused, owner told) once an admin disconnects it', async () => {
    const { store, handler } = await setup();
    await store.bindChannel('C0NEWCLIENT', 'bella', userActor('U0ADMIN'));
    const sub = await store.createSubscription(settings({ channel: 'C0NEWCLIENT', project: 'bella' }), ALICE);
    await handler(sqsEvent(job(sub.id)));
    expect(postsTo(loop.slack, 'C0NEWCLIENT')).toHaveLength(1);

    await store.unbindChannel('C0NEWCLIENT', 'bella', userActor('U0ADMIN'));
    await handler(sqsEvent(job(sub.id, '2026-11-30T08:00:00.000Z')));
    expect(postsTo(loop.slack, 'C0NEWCLIENT')).toHaveLength(1);
    expect((await store.getSubscription(sub.id))?.paused?.reason).toBe('channel_unbound');
    expect(textsIn(loop.slack, 'U0ALICE')[0]).toContain('no longer connected');
  });

  it('a YAML subscription’s delivery is recorded on its state item; an undeliverable one is reported, not paused', async () => {
    const { store, handler } = await setup();
    const yaml: DigestJob = { kind: 'digest', subscription: 'acme-weekly', scheduledFor: '2026-11-23T08:00:00.000Z', trigger: 'schedule' };
    await handler(sqsEvent(yaml));
    expect(await store.configDelivery('acme-weekly')).toMatchObject({ result: 'posted', trigger: 'schedule' });
    loop.slack.setChannel('C0BELLA', 'not_in_channel');
    await handler(sqsEvent({ ...yaml, subscription: 'bella-weekly', scheduledFor: '2026-11-23T13:30:00.000Z' }));
    expect(await store.configDelivery('bella-weekly')).toMatchObject({ result: 'failed', reason: 'not_in_channel' });
    expect(textsIn(loop.slack, ADMIN_CHANNEL)[0]).toContain('Digest *bella-weekly* was not posted');
    expect(textsIn(loop.slack, 'U0ALICE')).toEqual([]);
  });
});
