/** `app_home_opened` alone: the Home tab gets the person's App Home published; the Messages tab, nothing. */
import { describe, expect, it } from 'vitest';
import { appHomeOpened } from '../../../../src/slack/listeners/events/app-home-opened.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import { fakeClient, listenerContext } from '../../../support/listeners.ts';
import { appHomeOpenedPayload } from '../../../support/payloads.ts';

describe('appHomeOpened', () => {
  it('publishes the Home for whoever opened it, on the Home tab only', async () => {
    const ctx = listenerContext({ store: createMemoryStore({ log: () => {} }) });
    for (const tab of ['home', 'messages'] as const) {
      const { client, calls } = fakeClient();
      const body = appHomeOpenedPayload({ user: 'U0BOB', tab });
      await appHomeOpened(ctx, { event: body.event, body, client } as never);
      expect(
        calls.map((c) => [c.method, c.args.user_id]),
        tab,
      ).toEqual(tab === 'home' ? [['views.publish', 'U0BOB']] : []);
    }
  });

  it('without a state store there is nothing to publish', async () => {
    const { client, calls } = fakeClient();
    const body = appHomeOpenedPayload();
    await appHomeOpened(listenerContext(), { event: body.event, body, client } as never);
    expect(calls).toEqual([]);
  });
});
