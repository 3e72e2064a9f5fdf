/**
 * The alert stores' listings (both stores read them alike): which index partition each one reads, and the pages they
 * make. Their cursors are bound to the listing as every listing's are (`listing.ts`): a forged one, or one from
 * another listing, is `bad_cursor` (never a DynamoDB error) and no read ever starts outside the listing.
 */
import type { AlertPage } from '../alerts/store.ts';
import type { VersionedAlert } from './alert-item.ts';
import { channelPk, INDEX, ITEM_PREFIX, KIND, userKey } from './keys.ts';
import { cursorAfter, type Listing, type ListingRead, pageOf } from './listing.ts';

type Item = Record<string, unknown>;

/** One listing: an index partition (sort keys beginning with `prefix`), in sort-key order. */
export interface AlertListing extends Listing {
  /** Of what the partition holds, the alerts it lists (default: all). */
  keep?: (alert: VersionedAlert) => boolean;
}

export const alertListings = {
  /** A channel's alerts, of its workspace (a channel id is unique within a workspace only). */
  byChannel: (teamId: string, channelId: string): AlertListing => ({
    of: `channel:${teamId}:${channelId}`,
    index: INDEX.byChannel,
    pkAttr: 'channelKey',
    pkValue: channelPk(channelId),
    skAttr: 'itemKey',
    prefix: ITEM_PREFIX.alert,
    keep: (alert) => alert.definition.teamId === teamId,
  }),
  byOwner: (userId: string): AlertListing => ({
    of: `owner:${userId}`,
    index: INDEX.byOwner,
    pkAttr: 'ownerKey',
    pkValue: userKey(userId),
    skAttr: 'itemKey',
    prefix: ITEM_PREFIX.alert,
  }),
  byProject: (project: string): AlertListing => ({
    of: `project:${project}`,
    index: INDEX.byKind,
    pkAttr: 'kindKey',
    pkValue: KIND.alert,
    skAttr: 'kindSort',
    prefix: `${project}#`,
  }),
  all: (): AlertListing => ({ of: 'all', index: INDEX.byKind, pkAttr: 'kindKey', pkValue: KIND.alert, skAttr: 'kindSort', prefix: '' }),
};

/**
 * The page made of the items one read returned (in index order): the valid ones the listing keeps (an invalid one is
 * logged by `parse` and skipped), where a page starts after each, and, when there may be more, after the last read.
 */
export function alertPage(listing: AlertListing, read: ListingRead, parse: (item: Item) => VersionedAlert | undefined): AlertPage {
  const page = pageOf(listing, read, (item) => {
    const alert = parse(item);
    return alert && (listing.keep?.(alert) ?? true) ? { alert, item } : undefined;
  });
  return {
    items: page.items.map((k) => k.alert),
    after: page.items.map((k) => cursorAfter(listing, k.item)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
