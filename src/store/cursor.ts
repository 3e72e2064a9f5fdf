/**
 * Page cursors: the last key of a page, as opaque base64url text. A cursor comes back from Slack (a button value,
 * a modal's private_metadata), so it is untrusted: it is decoded, checked against its schema and against the listing
 * it claims to continue; anything else is `bad_cursor`.
 */
import * as z from 'zod/mini';
import { parseJsonAs } from '../json.ts';
import { type Page, StoreError } from './store.ts';

const Cursor = z.record(z.string().check(z.regex(/^[A-Za-z]{1,20}$/)), z.string().check(z.maxLength(300)));
export type CursorKey = Record<string, string>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key in `cursor`; it must have exactly `fields` and `fixed` values where given (the listing's partition). */
export function decodeCursor(cursor: string, fields: readonly string[], fixed: Record<string, string> = {}): CursorKey {
  const bad = () => new StoreError('bad_cursor', 'This list has changed; start again from the first page.');
  if (cursor.length > 2000) throw bad();
  const key = parseJsonAs(Cursor, Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!key) throw bad();
  const names = Object.keys(key).sort();
  if (names.join() !== [...fields].sort().join()) throw bad();
  for (const [name, value] of Object.entries(fixed)) if (key[name] !== value) throw bad();
  return key;
}

/**
 * A page of a listing read whole (the alert store's: at most MAX_LISTED_ALERTS), after the key its `cursor` names:
 * keyset paging with the store's cursors, so a page never repeats or skips a row that stays. `keyOf` gives each
 * item a unique sort key (the listing is ordered by it here); `of` names the listing (a cursor from another is
 * `bad_cursor`). Each item's `after` cursor starts the page after it (for a view that shows fewer than a page).
 */
export function pageOfListing<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: { limit: number; of: string; cursor?: string | undefined },
): Page<T> & { after: string[]; left: number } {
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const from = request.cursor === undefined ? undefined : decodeCursor(request.cursor, ['at', 'of'], { of: request.of }).at;
  const rest = from === undefined ? sorted : sorted.filter((s) => s.key > from);
  const page = rest.slice(0, Math.max(1, request.limit));
  const after = page.map((s) => encodeCursor({ at: s.key, of: request.of }));
  const left = rest.length - page.length;
  return { items: page.map((s) => s.item), after, left, ...(left > 0 && after.length > 0 ? { cursor: after.at(-1) } : {}) };
}
