/** The alert listings' cursors: bound to their listing and checked to lie inside it, whatever a forger writes. */
import { describe, expect, it } from 'vitest';
import { alertListings, alertPage } from '../../src/store/alerts-listing.ts';
import { encodeCursor } from '../../src/store/cursor.ts';
import { startOf } from '../../src/store/listing.ts';
import { refusesCursor as refused } from '../support/bad-cursor.ts';

const item = (id: string, project = 'shop') => ({ pk: `ALERT#${id}`, sk: 'ALERT', kindSort: `${project}#${id}`, kindKey: 'ALERT' });

describe('alert listing cursors', () => {
  it('a page’s cursors start after its items, in the listing they came from', () => {
    const listing = alertListings.byProject('shop');
    const page = alertPage(listing, { items: [item('al_a'), item('al_b')], more: true }, () => undefined);
    // Invalid items (parse: undefined) are left out, but the page still goes on after the last one read.
    expect(page.items).toEqual([]);
    expect(startOf(listing, page.cursor!)).toEqual({ pk: 'ALERT#al_b', sk: 'ALERT', kindKey: 'ALERT', kindSort: 'shop#al_b' });
    expect(alertPage(listing, { items: [item('al_a')], more: false }, () => undefined).cursor).toBeUndefined();
  });

  it('refuses a cursor of another listing on the same index, or one outside the listing’s sort keys', () => {
    const shop = alertPage(alertListings.byProject('shop'), { items: [item('al_a')], more: true }, () => undefined).cursor!;
    expect(refused(() => startOf(alertListings.all(), shop))).toBe(true);
    expect(refused(() => startOf(alertListings.byProject('acme'), shop))).toBe(true);
    const outside = encodeCursor({ pk: 'ALERT#al_a', sk: 'ALERT', kindKey: 'ALERT', kindSort: 'acme#al_a', of: 'project:shop' });
    expect(refused(() => startOf(alertListings.byProject('shop'), outside))).toBe(true);
    const otherTeam = encodeCursor({
      pk: 'ALERT#al_a',
      sk: 'ALERT',
      channelKey: 'CHANNEL#C0SHOP',
      itemKey: 'ALERT#al_a',
      of: 'channel:T0OTHER:C0SHOP',
    });
    expect(refused(() => startOf(alertListings.byChannel('T0DEMO', 'C0SHOP'), otherTeam))).toBe(true);
    const notAlert = encodeCursor({
      pk: 'SUB#sub_a',
      sk: 'SUB',
      channelKey: 'CHANNEL#C0SHOP',
      itemKey: 'SUB#sub_a',
      of: 'channel:T0DEMO:C0SHOP',
    });
    expect(refused(() => startOf(alertListings.byChannel('T0DEMO', 'C0SHOP'), notAlert))).toBe(true);
  });
});
