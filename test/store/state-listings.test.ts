/** The state store's listings: each cursor is its own listing's, whatever shares its index partition. */
import { describe, expect, it } from 'vitest';
import { alertListings, alertPage } from '../../src/store/alerts-listing.ts';
import { cursorAfter, startOf } from '../../src/store/listing.ts';
import { stateListings } from '../../src/store/state-listings.ts';
import { refusesCursor as refused } from '../support/bad-cursor.ts';

const subscription = (id: string) => ({
  pk: `SUB#${id}`,
  sk: 'SUB',
  channelKey: 'CHANNEL#C0ACME',
  itemKey: `SUB#${id}`,
  ownerKey: 'USER#U0ALICE',
  kindKey: 'SUB',
  kindSort: `acme#${id}`,
});

describe('state store listings', () => {
  it('a cursor starts after its item, in its own listing only', () => {
    const channel = stateListings.subscriptionsByChannel('C0ACME');
    const cursor = cursorAfter(channel, subscription('sub_a'));
    expect(startOf(channel, cursor)).toEqual({ pk: 'SUB#sub_a', sk: 'SUB', channelKey: 'CHANNEL#C0ACME', itemKey: 'SUB#sub_a' });
    for (const other of [
      stateListings.subscriptionsByChannel('C0OTHER'),
      stateListings.subscriptionsByOwner('U0ALICE'),
      stateListings.subscriptions(),
      stateListings.bindings(),
      alertListings.byChannel('T0DEMO', 'C0ACME'),
    ]) {
      expect(
        refused(() => startOf(other, cursor)),
        other.of,
      ).toBe(true);
    }
    const all = cursorAfter(stateListings.subscriptions(), subscription('sub_a'));
    expect(refused(() => startOf(stateListings.bindings(), all))).toBe(true);
  });

  it('refuses an alert’s cursor of the same channel, and one whose sort key is an alert’s', () => {
    const channel = stateListings.subscriptionsByChannel('C0ACME');
    const alertItem = { pk: 'ALERT#al_a', sk: 'ALERT', channelKey: 'CHANNEL#C0ACME', itemKey: 'ALERT#al_a' };
    const ofAlerts = alertPage(alertListings.byChannel('T0DEMO', 'C0ACME'), { items: [alertItem], more: true }, () => undefined).cursor!;
    expect(refused(() => startOf(channel, ofAlerts))).toBe(true);
    // Named as the channel's subscriptions, but starting among its alerts: outside the listing.
    expect(refused(() => startOf(channel, cursorAfter(channel, alertItem)))).toBe(true);
  });

  it('every listing has a name of its own', () => {
    const names = [
      stateListings.subscriptionsByChannel('C0ACME'),
      stateListings.subscriptionsByOwner('U0ALICE'),
      stateListings.subscriptions(),
      stateListings.bindings(),
      alertListings.byChannel('T0DEMO', 'C0ACME'),
      alertListings.byOwner('U0ALICE'),
      alertListings.byProject('acme'),
      alertListings.all(),
    ].map((l) => l.of);
    expect(new Set(names).size).toBe(names.length);
  });
});
