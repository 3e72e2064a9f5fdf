/**
 * The alert stores' listings (both stores read them alike): which index partition each one reads, and its page
 * cursors. A cursor is the index key of a page's last item plus the listing's name (`of`); it is checked to be one of
 * this listing's and to lie inside its partition, so a forged one, or one from another listing, is `bad_cursor`
 * (never a DynamoDB error) and no read ever starts outside the listing.
 */
import type { AlertPage } from '../alerts/store.ts';
import type { VersionedAlert } from './alert-item.ts';
import { badCursor, type CursorKey, decodeCursor, encodeCursor } from './cursor.ts';
import { channelPk, INDEX, ITEM_PREFIX, KIND, userKey } from './keys.ts';

type Item = Record<string, unknown>;

/** One listing: an index partition (sort keys beginning with `prefix`), in sort-key order. */
export interface AlertListing {
  /** Its name in its cursors. */
  of: string;
  index: string;
  pkAttr: string;
  pkValue: string;
  skAttr: string;
  /** What its sort keys begin with ('': all of the partition). */
  prefix: string;
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

/** The index key a page starts after (DynamoDB's ExclusiveStartKey), if `cursor` is one of this listing's. */
export function startOf(listing: AlertListing, cursor: string): CursorKey {
  const { of: _of, ...key } = decodeCursor(cursor, ['pk', 'sk', listing.pkAttr, listing.skAttr, 'of'], {
    [listing.pkAttr]: listing.pkValue,
    of: listing.of,
  });
  if (!key[listing.skAttr]?.startsWith(listing.prefix)) throw badCursor();
  return key;
}

/** Where a page of the listing starts right after this item. */
function cursorAfter(listing: AlertListing, item: Item): string {
  return encodeCursor({
    pk: String(item.pk),
    sk: String(item.sk),
    [listing.pkAttr]: listing.pkValue,
    [listing.skAttr]: String(item[listing.skAttr]),
    of: listing.of,
  });
}

/**
 * The page made of the items one read returned (in index order): the valid ones the listing keeps (an invalid one is
 * logged by `parse` and skipped), where a page starts after each, and, when there may be more, after the last read.
 */
export function alertPage(
  listing: AlertListing,
  items: readonly Item[],
  more: boolean,
  parse: (item: Item) => VersionedAlert | undefined,
): AlertPage {
  const kept = items.flatMap((item) => {
    const alert = parse(item);
    return alert && (listing.keep?.(alert) ?? true) ? [{ alert, item }] : [];
  });
  const last = items.at(-1);
  return {
    items: kept.map((k) => k.alert),
    after: kept.map((k) => cursorAfter(listing, k.item)),
    ...(more && last ? { cursor: cursorAfter(listing, last) } : {}),
  };
}
