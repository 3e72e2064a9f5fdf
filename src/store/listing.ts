/**
 * A listing of the state table (an index partition, in sort-key order) and its page cursors, as every store reads
 * them. A cursor is the index key of a page's last item plus the listing's name (`of`); it is checked to be one of
 * this listing's and to lie inside its partition and sort-key range, so a forged one, or one from another listing, is
 * `bad_cursor` before any read (never a DynamoDB ValidationException) and no read ever starts outside the listing.
 */
import { badCursor, type CursorKey, decodeCursor, encodeCursor } from './cursor.ts';

type Item = Record<string, unknown>;

/** One listing: an index partition (sort keys beginning with `prefix`), in sort-key order. */
export interface Listing {
  /** Its name in its cursors: unique among the listings of one table. */
  of: string;
  index: string;
  pkAttr: string;
  pkValue: string;
  skAttr: string;
  /** What its sort keys begin with ('': all of the partition). */
  prefix: string;
}

/** What one read of a listing returned: its items (in index order), and whether there may be more after them. */
export interface ListingRead {
  items: Item[];
  more: boolean;
}

/** The index key a page starts after (DynamoDB's ExclusiveStartKey), if `cursor` is one of this listing's. */
export function startOf(listing: Listing, cursor: string): CursorKey {
  const { of: _of, ...key } = decodeCursor(cursor, ['pk', 'sk', listing.pkAttr, listing.skAttr, 'of'], {
    [listing.pkAttr]: listing.pkValue,
    of: listing.of,
  });
  if (!key[listing.skAttr]?.startsWith(listing.prefix)) throw badCursor();
  return key;
}

/** Where a page of the listing starts right after this item. */
export function cursorAfter(listing: Listing, item: Item): string {
  return encodeCursor({
    pk: String(item.pk),
    sk: String(item.sk),
    [listing.pkAttr]: listing.pkValue,
    [listing.skAttr]: String(item[listing.skAttr]),
    of: listing.of,
  });
}

/** A page of what `parse` keeps of a read (invalid items: left out), with a cursor after the last read when there may be more. */
export function pageOf<T>(listing: Listing, read: ListingRead, parse: (item: Item) => T | undefined): { items: T[]; cursor?: string } {
  const last = read.items.at(-1);
  return {
    items: read.items.flatMap((item) => {
      const parsed = parse(item);
      return parsed === undefined ? [] : [parsed];
    }),
    ...(read.more && last ? { cursor: cursorAfter(listing, last) } : {}),
  };
}
