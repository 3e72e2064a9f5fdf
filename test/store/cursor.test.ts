/** Page cursors: a listing read whole, paged by key, every item once; a cursor from elsewhere or forged is refused. */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOfListing } from '../../src/store/cursor.ts';
import { isStoreError } from '../../src/store/store.ts';

const items = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(2, '0')}`).reverse();
const page = (cursor?: string, of = 'list') => pageOfListing(items, (k) => k, { limit: 10, of, cursor });

function refused(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return isStoreError(error, 'bad_cursor');
  }
}

describe('pageOfListing', () => {
  it('pages through in key order, every item once, counting what is left', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const lefts: number[] = [];
    do {
      const p = page(cursor);
      seen.push(...p.items);
      lefts.push(p.left);
      expect(p.after).toHaveLength(p.items.length);
      cursor = p.cursor;
    } while (cursor);
    expect(seen).toEqual([...items].sort());
    expect(lefts).toEqual([13, 3, 0]);
  });

  it('a row’s `after` starts the page right after it; an item gone meanwhile skips nothing else', () => {
    const first = page();
    const fromThird = page(first.after[2]);
    expect(fromThird.items[0]).toBe('k03');
    const shrunk = pageOfListing(
      items.filter((k) => k !== 'k10'),
      (k) => k,
      { limit: 10, of: 'list', cursor: first.cursor },
    );
    expect(shrunk.items[0]).toBe('k11');
  });

  it('refuses a cursor of another listing, a forged or oversized one', () => {
    const { cursor } = page();
    expect(refused(() => page(cursor, 'other'))).toBe(true);
    for (const forged of [
      'Zm9yZ2Vk',
      '',
      encodeCursor({ at: 'k05' }),
      encodeCursor({ at: 'k05', of: 'list', extra: 'x' }),
      encodeCursor({ at: 'x'.repeat(400), of: 'list' }),
      Buffer.from('{"at":1,"of":"list"}').toString('base64url'),
      Buffer.from('{"__proto__":{"at":"k"},"of":"list"}').toString('base64url'),
      'A'.repeat(3000),
    ]) {
      expect(
        refused(() => page(forged)),
        forged.slice(0, 40),
      ).toBe(true);
    }
  });

  it('decodeCursor still checks fields and fixed values', () => {
    expect(decodeCursor(encodeCursor({ at: 'k', of: 'a' }), ['of', 'at'], { of: 'a' })).toEqual({ at: 'k', of: 'a' });
  });
});
