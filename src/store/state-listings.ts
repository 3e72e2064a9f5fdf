/**
 * The state store's listings (both stores read them alike): which index partition each one reads. Their cursors are
 * bound to the listing (`listing.ts`): one of another listing, channel or person, a forged one, or one whose sort key
 * lies outside the listing (an alert's in a channel's subscriptions) is `bad_cursor` before any read.
 */
import { channelPk, INDEX, ITEM_PREFIX, KIND, userKey } from './keys.ts';
import type { Listing } from './listing.ts';

export const stateListings = {
  /** A channel's subscriptions (its alerts share the index partition; their sort keys begin otherwise). */
  subscriptionsByChannel: (channel: string): Listing => ({
    of: `subscriptions:channel:${channel}`,
    index: INDEX.byChannel,
    pkAttr: 'channelKey',
    pkValue: channelPk(channel),
    skAttr: 'itemKey',
    prefix: ITEM_PREFIX.subscription,
  }),
  subscriptionsByOwner: (userId: string): Listing => ({
    of: `subscriptions:owner:${userId}`,
    index: INDEX.byOwner,
    pkAttr: 'ownerKey',
    pkValue: userKey(userId),
    skAttr: 'itemKey',
    prefix: ITEM_PREFIX.subscription,
  }),
  /** Every subscription, grouped by project. */
  subscriptions: (): Listing => ({
    of: 'subscriptions:all',
    index: INDEX.byKind,
    pkAttr: 'kindKey',
    pkValue: KIND.subscription,
    skAttr: 'kindSort',
    prefix: '',
  }),
  /** Every runtime channel binding, grouped by project. */
  bindings: (): Listing => ({
    of: 'bindings:all',
    index: INDEX.byKind,
    pkAttr: 'kindKey',
    pkValue: KIND.binding,
    skAttr: 'kindSort',
    prefix: '',
  }),
};
