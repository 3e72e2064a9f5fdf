/** Which listener each kind registers, on a Bolt App stand-in that records registrations and replays them. */
import { describe, expect, it } from 'vitest';
import { ALERT_ACTION, ALERT_FORM, ALERT_FORM_ACTION, ALERT_LIST_MORE_ACTION } from '../../../src/slack/alerts/ids.ts';
import { HOME_MORE_ACTION } from '../../../src/slack/home/page.ts';
import { DRILLDOWN_ACTION } from '../../../src/slack/listeners/actions/drilldown-button.ts';
import { LINK_ACTION } from '../../../src/slack/listeners/actions/link-button.ts';
import { OVERVIEW_ACTION } from '../../../src/slack/listeners/actions/overview-button.ts';
import { CHATDASH_COMMAND } from '../../../src/slack/listeners/commands/chatdash.ts';
import { registerListeners } from '../../../src/slack/listeners/index.ts';
import { registerViews, type ViewListener } from '../../../src/slack/listeners/views/index.ts';
import { FORM_ACTION, LIST_MORE_ACTION, SUBSCRIPTION_ACTION, SUBSCRIPTION_FORM } from '../../../src/slack/subscriptions/ids.ts';
import { listenerContext, recordingApp } from '../../support/listeners.ts';

describe('registerListeners', () => {
  it('registers the /chatdash command, the buttons, @mentions, the App Home, the subscribe and alert modals', () => {
    const { app, registered } = recordingApp();
    registerListeners(app, listenerContext());
    expect(registered.map((r) => [r.kind, r.constraint])).toEqual([
      ['command', CHATDASH_COMMAND],
      ['action', DRILLDOWN_ACTION],
      ['action', LINK_ACTION],
      ['action', OVERVIEW_ACTION],
      ['action', SUBSCRIPTION_ACTION],
      ['action', LIST_MORE_ACTION],
      ['action', HOME_MORE_ACTION],
      ['action', ALERT_ACTION],
      ['action', ALERT_LIST_MORE_ACTION],
      ['action', ALERT_FORM_ACTION],
      ['action', FORM_ACTION],
      ['event', 'app_mention'],
      ['event', 'app_home_opened'],
      ['view', SUBSCRIPTION_FORM],
      ['view', ALERT_FORM],
    ]);
  });

  it.each([
    ['subscription', SUBSCRIPTION_FORM, '/chatdash subscribe'],
    ['alerts', ALERT_FORM, '/chatdash alert'],
  ])(
    'the %s UI’s modal listener imports its code on first call: a form that isn’t ours is said to be out of date',
    async (_ui, form, command) => {
      const { app, registered } = recordingApp();
      registerListeners(app, listenerContext());
      const submitted = registered.find((r) => r.kind === 'view' && r.constraint === form)!;
      const acks: unknown[] = [];
      await submitted.listener({
        ack: async (answer: unknown) => {
          acks.push(answer);
        },
        body: { team: { id: 'T0DEMO' }, user: { id: 'U0ALICE' } },
        view: { private_metadata: 'not ours', state: { values: {} } },
        client: {},
      });
      expect(acks).toEqual([{ response_action: 'update', view: expect.objectContaining({ type: 'modal' }) }]);
      expect(JSON.stringify(acks)).toContain(command);
    },
  );
});

describe('registerViews', () => {
  it('registers each view listener by callback_id and hands it the context', async () => {
    const { app, registered } = recordingApp();
    const ctx = listenerContext();
    const seen: unknown[] = [];
    const views: ViewListener[] = [
      {
        callbackId: 'subscribe',
        listener: async (c, args) => {
          seen.push([c, args]);
        },
      },
    ];
    registerViews(app, ctx, views);
    expect(registered.map((r) => [r.kind, r.constraint])).toEqual([['view', 'subscribe']]);
    await registered[0]!.listener({ view: { callback_id: 'subscribe' } });
    expect(seen).toEqual([[ctx, { view: { callback_id: 'subscribe' } }]]);
  });
});
