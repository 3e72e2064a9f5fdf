/** "Next page" on the App Home: the Home published again with that section at the page the button names. */
import { describe, expect, it } from 'vitest';
import { encodeHomePage } from '../../../../src/slack/home/page-value.ts';
import { homeMore } from '../../../../src/slack/listeners/actions/home-more.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import { userActor } from '../../../../src/store/store.ts';
import { fakeClient, listenerContext, recorder } from '../../../support/listeners.ts';
import { viewButtons } from '../../../support/modal.ts';
import { homeActionPayload } from '../../../support/payloads.ts';
import { subscriptionSettings } from '../../../support/subscriptions.ts';

async function click(ctx: ReturnType<typeof listenerContext>, value: string) {
  const { client, calls } = fakeClient();
  const body = homeActionPayload({ button: { action_id: 'home:more', value } });
  await homeMore(ctx, { ack: recorder(), body, action: body.actions[0], client } as never);
  return calls;
}

describe('homeMore', () => {
  it('publishes the next page of the section; a value that isn’t one publishes the first', async () => {
    const store = createMemoryStore({ log: () => {} });
    for (let i = 0; i < 12; i++) await store.createSubscription(subscriptionSettings({ schedule: `${i} 9 * * *` }), userActor('U0ALICE'));
    const ctx = listenerContext({ store });
    const cursor = (await store.listByOwner('U0ALICE', { limit: 10 })).cursor!;
    const [next] = await click(ctx, encodeHomePage({ section: 'mine', cursor }));
    expect(next?.method).toBe('views.publish');
    expect(viewButtons(next!.args.view as Record<string, unknown>).filter((b) => b.text === 'Edit')).toHaveLength(2);
    const [first] = await click(ctx, 'not a page');
    expect(viewButtons(first!.args.view as Record<string, unknown>).filter((b) => b.text === 'Edit')).toHaveLength(10);
  });
});
