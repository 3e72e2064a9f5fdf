/** "Next page" under a list: the list message replaced by the next page; a forged cursor gets the first page again. */
import { describe, expect, it } from 'vitest';
import { listMore } from '../../../../src/slack/listeners/actions/list-more.ts';
import { UI_MESSAGES } from '../../../../src/slack/subscriptions/messages.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import { userActor } from '../../../../src/store/store.ts';
import { buttonClick, listenerContext } from '../../../support/listeners.ts';
import { useSlackDouble } from '../../../support/slack-double.ts';
import { allText, answersTo } from '../../../support/slack-messages.ts';
import { subscriptionSettings } from '../../../support/subscriptions.ts';

const slack = useSlackDouble();

describe('listMore', () => {
  it('replaces the list with the page the cursor names, or the first page for a cursor the store refuses', async () => {
    const store = createMemoryStore({ log: () => {} });
    for (let i = 0; i < 20; i++) await store.createSubscription(subscriptionSettings({ schedule: `${i} 9 * * *` }), userActor('U0ALICE'));
    const first = await store.listByChannel('C0ACME', { limit: 14 });
    const ctx = listenerContext({ store });
    await listMore(
      ctx,
      buttonClick({ action_id: 'list:more', value: first.cursor! }, { responseUrl: slack.responseUrl('more'), ephemeral: true }).args,
    );
    const [page] = answersTo(slack, 'more');
    expect(page?.body.replace_original).toBe(true);
    expect(allText(page?.body)).toContain('*More subscriptions of <#C0ACME>*');
    await listMore(
      ctx,
      buttonClick({ action_id: 'list:more', value: 'Zm9yZ2Vk' }, { responseUrl: slack.responseUrl('forged'), ephemeral: true }).args,
    );
    expect(allText(answersTo(slack, 'forged')[0]?.body)).toContain('*Subscriptions of <#C0ACME>*');
  });

  it('an empty value is an old button', async () => {
    const click = buttonClick({ action_id: 'list:more', value: '' }, { ephemeral: true });
    await listMore(listenerContext(), click.args);
    expect(click.respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: UI_MESSAGES.staleButton }]);
  });
});
