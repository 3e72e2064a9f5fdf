/**
 * The subscriptions' parts of the App Home, on the in-memory store: everyone's own (with their buttons), admins' every
 * subscription grouped by project (YAML ones too) and every binding by project, pages, and a forged cursor.
 */
import { describe, expect, it } from 'vitest';
import type { HomeContext } from '../../../src/slack/home/sections.ts';
import { CHANNEL_BINDINGS, EVERY_SUBSCRIPTION, HOME_PAGE, MY_SUBSCRIPTIONS } from '../../../src/slack/subscriptions/home-sections.ts';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { userActor } from '../../../src/store/store.ts';
import { policyActor } from '../../../src/subscriptions/policy.ts';
import { demoConfig } from '../../support/config.ts';
import { recordingLog } from '../../support/log.ts';
import { viewButtons } from '../../support/modal.ts';
import { allText } from '../../support/slack-messages.ts';
import { subscriptionSettings } from '../../support/subscriptions.ts';

function home(userId: string, pages: Record<string, string> = {}, store = createMemoryStore({ log: recordingLog().log })): HomeContext {
  return {
    config: demoConfig,
    store,
    log: recordingLog().log,
    now: () => new Date(),
    userId,
    teamId: 'T0DEMO',
    actor: policyActor(demoConfig, userId),
    pages,
  };
}
const textOf = (rows: unknown[][]) => allText({ blocks: rows.flat() });

describe('Your subscriptions', () => {
  it('lists the person’s own with Send now and the management buttons; a page at a time', async () => {
    const h = home('U0ALICE');
    for (let i = 0; i < HOME_PAGE.mine + 2; i++)
      await h.store.createSubscription(subscriptionSettings({ schedule: `${i} 9 * * MON` }), userActor('U0ALICE'));
    await h.store.createSubscription(subscriptionSettings({ owner: 'U0BOB' }), userActor('U0BOB'));
    const first = (await MY_SUBSCRIPTIONS.build(h))!;
    expect(first.rows).toHaveLength(HOME_PAGE.mine);
    expect(first.next).toBeDefined();
    expect(viewButtons({ blocks: first.rows[0] }).map((b) => b.text)).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);
    const second = (await MY_SUBSCRIPTIONS.build({ ...h, pages: { mine: first.next! } }))!;
    expect(second.rows).toHaveLength(2);
    // A cursor the store refuses starts again from the first page.
    const forged = (await MY_SUBSCRIPTIONS.build({ ...h, pages: { mine: 'bm90IGEgY3Vyc29y' } }))!;
    expect(forged.rows).toHaveLength(HOME_PAGE.mine);
  });
});

describe('for admins', () => {
  it('every subscription, grouped by project with a heading each, the configuration’s read-only; not for others', async () => {
    const h = home('U0ADMIN');
    await h.store.createSubscription(subscriptionSettings({ channel: 'C0BELLA', project: 'bella', owner: 'U0BOB' }), userActor('U0BOB'));
    await h.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const all = (await EVERY_SUBSCRIPTION.build(h))!;
    const text = textOf(all.rows);
    expect(text.indexOf('*Acme Support Bot* \u00b7 `acme`')).toBeLessThan(text.indexOf('*Bella Pizza Phone Line* \u00b7 `bella`'));
    expect(text).toContain('*Agency overviews*');
    expect(text.match(/_from configuration_/g)).toHaveLength(3);
    // The admin may manage Bob's (runtime), not the configuration's.
    const bob = all.rows.find((r) => allText({ blocks: r }).includes('<@U0BOB>'))!;
    expect(viewButtons({ blocks: bob }).map((b) => b.text)).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);
    const yaml = all.rows.find((r) => allText({ blocks: r }).includes('_from configuration_'))!;
    expect(viewButtons({ blocks: yaml }).map((b) => b.text)).toEqual(['Send now']);
    expect(await EVERY_SUBSCRIPTION.build(home('U0ALICE'))).toBeUndefined();
    expect(await CHANNEL_BINDINGS.build(home('U0ALICE'))).toBeUndefined();
  });

  it('every channel binding by project: the configuration’s and those made from Slack, with who made them', async () => {
    const h = home('U0ADMIN');
    await h.store.bindChannel('C0NEWCLIENT', 'nova', userActor('U0ADMIN'));
    const bindings = (await CHANNEL_BINDINGS.build(h))!;
    const text = textOf(bindings.rows);
    expect(text).toContain('*Nova Telecom Help* \u00b7 `nova`\n<#C0AGENCY>\n<#C0NEWCLIENT> _(from Slack, by <@U0ADMIN>)_');
    expect(text).toContain('*Acme Support Bot* \u00b7 `acme`\n<#C0ACME>\n<#C0AGENCY>');
  });
});
