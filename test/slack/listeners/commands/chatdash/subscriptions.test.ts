/** `/chatdash subscriptions`' run alone: the channel's list from the store, and what it says when it can't list. */
import { describe, expect, it } from 'vitest';
import { runSubscriptions } from '../../../../../src/slack/listeners/commands/chatdash/subscriptions.ts';
import { UI_MESSAGES } from '../../../../../src/slack/subscriptions/messages.ts';
import { createMemoryStore } from '../../../../../src/store/memory.ts';
import type { StateStore } from '../../../../../src/store/store.ts';
import { userActor } from '../../../../../src/store/store.ts';
import { listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { allText } from '../../../../support/slack-messages.ts';
import { subscriptionSettings } from '../../../../support/subscriptions.ts';

describe('runSubscriptions', () => {
  it('answers with the channel’s subscriptions, both kinds', async () => {
    const store = createMemoryStore({ log: () => {} });
    await store.createSubscription(subscriptionSettings({ channel: 'C0AGENCY', project: 'nova' }), userActor('U0ALICE'));
    const answer = await runSubscriptions(listenerContext({ store }), subcommandRequest('', []));
    const text = allText(answer as unknown as Record<string, unknown>);
    expect(text).toContain('*Subscriptions of <#C0AGENCY>*');
    expect(text).toContain('The *Nova Telecom Help* digest');
    expect(text).toContain('The *agency overview* of every project in its channel \u00b7 _from configuration_');
  });

  it('words: the usage; no store: it isn’t set up; the store down: try again', async () => {
    expect((await runSubscriptions(listenerContext(), subcommandRequest('all of them', [])))?.text).toContain('takes no words');
    expect((await runSubscriptions(listenerContext(), subcommandRequest('', [])))?.text).toBe(UI_MESSAGES.noStore);
    const broken = {
      ...createMemoryStore({ log: () => {} }),
      listByChannel: async () => {
        throw new Error('DynamoDB unavailable');
      },
    } as unknown as StateStore;
    const ctx = listenerContext({ store: broken });
    expect((await runSubscriptions(ctx, subcommandRequest('', [])))?.text).toBe(UI_MESSAGES.storeDown);
    expect(ctx.logged.events('subscription.list_failed')).toHaveLength(1);
  });
});
