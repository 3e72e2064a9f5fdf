/**
 * An alert button clicked, handled by its listener alone: Mute 24 h and Pause change the store and answer the list;
 * someone else's alert is refused; a stale or forged button, and a stale version, are said so; Add recommended alerts
 * creates them once; from the App Home, the Home is republished.
 */
import { describe, expect, it } from 'vitest';
import { encodeAlertButton, encodeRecommend } from '../../../../src/slack/alerts/values.ts';
import { alertButton } from '../../../../src/slack/listeners/actions/alert-button.ts';
import type { ListenerContext } from '../../../../src/slack/listeners/context.ts';
import { createMemoryAlertStores } from '../../../../src/store/alerts-memory.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import { POLICY_MESSAGES } from '../../../../src/subscriptions/policy.ts';
import { storedAlert } from '../../../support/alert-ui.ts';
import { buttonClick, fakeClient, listenerContext, recorder } from '../../../support/listeners.ts';
import { homeActionPayload } from '../../../support/payloads.ts';
import { useSlackDouble } from '../../../support/slack-double.ts';
import { answersTo } from '../../../support/slack-messages.ts';

const slack = useSlackDouble();

async function withAlert(owner = 'U0ALICE') {
  const alerts = createMemoryAlertStores({ log: () => {} }).store;
  const { definition, state } = storedAlert({}, 'al_test1', owner);
  await alerts.create(definition, state, owner);
  const store = createMemoryStore({ log: () => {} });
  return { alerts, ctx: listenerContext({ alerts, store }) };
}

async function inList(ctx: ListenerContext, action_id: string, value: string, user = 'U0ALICE') {
  const { client, calls } = fakeClient();
  const click = buttonClick({ action_id, value }, { responseUrl: slack.responseUrl('list'), ephemeral: true, user });
  await alertButton(ctx, { ...click.args, client });
  return { click, calls };
}

describe('alertButton', () => {
  it('Mute 24 h: stored until a day later, announced, the list replaced', async () => {
    const { alerts, ctx } = await withAlert();
    const { click, calls } = await inList(ctx, 'alert:mute', encodeAlertButton({ id: 'al_test1', v: 1 }));
    expect(click.ack.calls).toEqual([undefined]);
    expect((await alerts.get('al_test1'))?.definition.mutedUntil).toBe('2026-11-26T10:00:00.000Z');
    expect(String(calls.find((c) => c.method === 'chat.postMessage')?.args.text)).toContain('muted an alert of this channel');
    expect(JSON.stringify(answersTo(slack, 'list').at(-1)?.body)).toContain('Unmute');
  });

  it('someone else’s alert: refused beside the list, nothing changed', async () => {
    const { alerts, ctx } = await withAlert('U0BOB');
    await inList(ctx, 'alert:pause', encodeAlertButton({ id: 'al_test1', v: 1 }));
    expect(String(answersTo(slack, 'list').at(-1)?.body.text)).toBe(POLICY_MESSAGES.not_owner);
    expect((await alerts.get('al_test1'))?.definition.paused).toBe(false);
  });

  it('a stale version, a forged value, an unknown op: each said, nothing changed', async () => {
    const { alerts, ctx } = await withAlert();
    await inList(ctx, 'alert:pause', encodeAlertButton({ id: 'al_test1', v: 7 }));
    expect(String(answersTo(slack, 'list').at(-1)?.body.text)).toContain('changed this alert meanwhile');
    const stale = await inList(ctx, 'alert:pause', '{"id":"../x"}');
    expect(stale.click.respond.calls.map((c) => String(c?.text))).toEqual([expect.stringContaining('older version of this list')]);
    const unknown = await inList(ctx, 'alert:explode', encodeAlertButton({ id: 'al_test1', v: 1 }));
    expect(unknown.click.respond.calls).toHaveLength(1);
    expect((await alerts.get('al_test1'))?.definition.paused).toBe(false);
  });

  it('Add recommended alerts: created once; a second click adds nothing', async () => {
    const alerts = createMemoryAlertStores({ log: () => {} }).store;
    const ctx = listenerContext({ alerts });
    const value = encodeRecommend({ channel: 'C0ACME', project: 'acme' });
    await inList(ctx, 'alert:recommend', value);
    expect((await alerts.listByChannel('T0DEMO', 'C0ACME')).items).toHaveLength(2);
    expect(String(answersTo(slack, 'list').at(-1)?.body.text)).toContain('Added 2 recommended alerts');
    await inList(ctx, 'alert:recommend', value);
    expect((await alerts.listByChannel('T0DEMO', 'C0ACME')).items).toHaveLength(2);
    expect(String(answersTo(slack, 'list').at(-1)?.body.text)).toContain('already has the recommended alerts');
  });

  it('from the App Home: acks, changes it, republishes the Home with what was done', async () => {
    const { alerts, ctx } = await withAlert();
    const body = homeActionPayload({ button: { action_id: 'alert:pause', value: encodeAlertButton({ id: 'al_test1', v: 1 }) } });
    const ack = recorder();
    const { client, calls } = fakeClient();
    await alertButton(ctx, { ack, body, action: body.actions[0], respond: recorder(), client } as never);
    expect(ack.calls).toEqual([undefined]);
    expect((await alerts.get('al_test1'))?.definition.paused).toBe(true);
    const published = calls.find((c) => c.method === 'views.publish');
    expect(JSON.stringify(published?.args)).toContain('Paused: ');
  });
});
