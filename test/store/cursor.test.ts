/** Page cursors: opaque keys that come back from Slack; anything but the fields a listing expects is refused. */
import { describe, expect, it } from 'vitest';
import { badCursor, decodeCursor, encodeCursor } from '../../src/store/cursor.ts';
import { refusesCursor as refused } from '../support/bad-cursor.ts';

describe('decodeCursor', () => {
  it('gives back the key it was made from, with exactly the fields and fixed values asked for', () => {
    expect(decodeCursor(encodeCursor({ at: 'k', of: 'a' }), ['of', 'at'], { of: 'a' })).toEqual({ at: 'k', of: 'a' });
  });

  it('refuses another listing’s, a forged or an oversized one', () => {
    const read = (cursor: string) => decodeCursor(cursor, ['at', 'of'], { of: 'list' });
    for (const forged of [
      encodeCursor({ at: 'k05', of: 'other' }),
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
        refused(() => read(forged)),
        forged.slice(0, 40),
      ).toBe(true);
    }
    expect(badCursor()).toMatchObject({ code: 'bad_cursor' });
  });
});
