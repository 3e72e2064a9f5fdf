/**
 * Page cursors: the last key of a page, as opaque base64url text. A cursor comes back from Slack (a button value,
 * a modal's private_metadata), so it is untrusted: it is decoded, checked against its schema and against the listing
 * it claims to continue; anything else is `bad_cursor`.
 */
import * as z from 'zod/mini';
import { parseJsonAs } from '../json.ts';
import { StoreError } from './store.ts';

const Cursor = z.record(z.string().check(z.regex(/^[A-Za-z]{1,20}$/)), z.string().check(z.maxLength(300)));
export type CursorKey = Record<string, string>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The refusal of a cursor that is not one of the listing's (forged, from another listing, or outside it). */
export const badCursor = (): StoreError => new StoreError('bad_cursor', 'This list has changed; start again from the first page.');

/** The key in `cursor`; it must have exactly `fields` and `fixed` values where given (the listing's partition). */
export function decodeCursor(cursor: string, fields: readonly string[], fixed: Record<string, string> = {}): CursorKey {
  const bad = badCursor;
  if (cursor.length > 2000) throw bad();
  const key = parseJsonAs(Cursor, Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!key) throw bad();
  const names = Object.keys(key).sort();
  if (names.join() !== [...fields].sort().join()) throw bad();
  for (const [name, value] of Object.entries(fixed)) if (key[name] !== value) throw bad();
  return key;
}
