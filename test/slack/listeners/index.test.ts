/** Which listener each kind registers, on a Bolt App stand-in that records registrations and replays them. */
import { describe, expect, it } from 'vitest';
import { DRILLDOWN_ACTION } from '../../../src/slack/listeners/actions/drilldown-button.ts';
import { LINK_ACTION } from '../../../src/slack/listeners/actions/link-button.ts';
import { OVERVIEW_ACTION } from '../../../src/slack/listeners/actions/overview-button.ts';
import { CHATDASH_COMMAND } from '../../../src/slack/listeners/commands/chatdash.ts';
import { registerListeners } from '../../../src/slack/listeners/index.ts';
import { registerViews, type ViewListener } from '../../../src/slack/listeners/views/index.ts';
import { listenerContext, recordingApp } from '../../support/listeners.ts';

describe('registerListeners', () => {
  it('registers the /chatdash command, the drill-down, link and overview buttons and @mentions (no views yet)', () => {
    const { app, registered } = recordingApp();
    registerListeners(app, listenerContext());
    expect(registered.map((r) => [r.kind, r.constraint])).toEqual([
      ['command', CHATDASH_COMMAND],
      ['action', DRILLDOWN_ACTION],
      ['action', LINK_ACTION],
      ['action', OVERVIEW_ACTION],
      ['event', 'app_mention'],
    ]);
  });
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
