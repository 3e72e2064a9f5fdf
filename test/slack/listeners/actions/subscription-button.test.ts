/**
 * A subscription button clicked, handled by its listener alone: Send now queues one job keyed by the click (from a list,
 * with its response_url; from the App Home, without); Pause changes the store and answers beside the list; a button
 * this version doesn't know, or a forged value, is told it's out of date.
 */
import { describe, expect, it } from 'vitest';
import { subscriptionButton } from '../../../../src/slack/listeners/actions/subscription-button.ts';
import type { ListenerContext } from '../../../../src/slack/listeners/context.ts';
import { UI_MESSAGES } from '../../../../src/slack/subscriptions/messages.ts';
import { encodeButtonValue } from '../../../../src/slack/subscriptions/values.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import { userActor } from '../../../../src/store/store.ts';
import { buttonClick, fakeClient, listenerContext, recorder } from '../../../support/listeners.ts';
import { homeActionPayload, requester } from '../../../support/payloads.ts';
import { useSlackDouble } from '../../../support/slack-double.ts';
import { answersTo } from '../../../support/slack-messages.ts';
import { subscriptionSettings } from '../../../support/subscriptions.ts';

const slack = useSlackDouble();
const value = (id: string, s: 'runtime' | 'config' = 'runtime') => encodeButtonValue({ s, id, v: 1 });

function inList(ctx: ListenerContext, action_id: string, buttonValue: string, responseUrl = slack.responseUrl('list')) {
  const { client, calls } = fakeClient();
  const click = buttonClick({ action_id, value: buttonValue }, { responseUrl, ephemeral: true });
  return { run: () => subscriptionButton(ctx, { ...click.args, client }), click, calls };
}

describe('subscriptionButton', () => {
  it('Send now in a list: acks, then one send_now job keyed by message, action and user, with the click’s response_url', async () => {
    const ctx = listenerContext();
    const { run, click } = inList(ctx, 'subscription:send_now', value('acme-weekly', 'config'), 'https://hooks.slack.test/a/1');
    await run();
    expect(click.ack.calls).toEqual([undefined]);
    expect(ctx.jobs()).toEqual([
      {
        kind: 'send_now',
        idempotencyKey: 'action:1732550000.000100:1732550001.000200:U0ALICE',
        subscription: 'acme-weekly',
        source: 'config',
        requester: requester(),
        requestedAt: '2026-11-25T10:00:00.000Z',
        responseUrl: 'https://hooks.slack.test/a/1',
      },
    ]);
  });

  it('Send now on the App Home: a job without response_url (the worker answers by DM), recorded from no channel', async () => {
    const ctx = listenerContext();
    const body = homeActionPayload({ button: { action_id: 'subscription:send_now', value: value('sub_abcdefgh1234') } });
    const ack = recorder();
    await subscriptionButton(ctx, { ack, body, action: body.actions[0], respond: recorder(), client: fakeClient().client } as never);
    expect(ack.calls).toEqual([undefined]);
    const jobs = ctx.jobs();
    expect(jobs).toEqual([
      expect.objectContaining({
        kind: 'send_now',
        idempotencyKey: 'action:V0HOME0001:1732550002.000300:U0ALICE',
        requester: { teamId: 'T0DEMO', channelId: 'HOME', userId: 'U0ALICE', isDirectMessage: true },
      }),
    ]);
    expect(jobs[0]).not.toHaveProperty('responseUrl');
  });

  it('Pause: done through the service, the list replaced through its response_url and the channel told', async () => {
    const store = createMemoryStore({ log: () => {} });
    const sub = await store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const ctx = listenerContext({ store });
    const { run, calls } = inList(ctx, 'subscription:pause', value(sub.id));
    await run();
    expect((await store.getSubscription(sub.id))?.paused?.by).toBe('U0ALICE');
    expect(calls.map((c) => [c.method, c.args.channel])).toEqual([['chat.postMessage', 'C0ACME']]);
    expect(answersTo(slack, 'list')).toEqual([expect.objectContaining({ body: expect.objectContaining({ replace_original: true }) })]);
  });

  it('an unknown op or a forged value: "from an older version", and nothing is queued or changed', async () => {
    const ctx = listenerContext();
    for (const [action, v] of [
      ['subscription:archive', value('acme-weekly', 'config')],
      ['subscription:pause', '{"s":"runtime","id":"../../etc"}'],
    ] as const) {
      const { run, click } = inList(ctx, action, v);
      await run();
      expect(click.respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: UI_MESSAGES.staleButton }]);
    }
    expect(ctx.jobs()).toEqual([]);
  });
});
