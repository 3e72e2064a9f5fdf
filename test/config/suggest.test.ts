import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/config/suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('schedule', 'schedule')).toBe(0);
    expect(editDistance('shedule', 'schedule')).toBe(1);
    expect(editDistance('schedulee', 'schedule')).toBe(1);
    expect(editDistance('schedulx', 'schedule')).toBe(1);
    expect(editDistance('acem', 'acme')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('suggest', () => {
  const commands = ['stats', 'projects', 'help', 'digest'];

  it('suggests the closest candidate for a typo', () => {
    expect(suggest('stast', commands)).toBe('stats');
    expect(suggest('projcts', commands)).toBe('projects');
    expect(suggest('HLEP', commands)).toBe('help');
    expect(suggest('shedule', ['name', 'schedule', 'period'])).toBe('schedule');
  });

  it('returns an exact case-insensitive match as is', () => {
    expect(suggest('Stats', commands)).toBe('stats');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(suggest('weather', commands)).toBeUndefined();
    expect(suggest('zz', ['acme', 'bella'])).toBeUndefined();
    expect(suggest('x', ['y'])).toBeUndefined();
    expect(suggest('', commands)).toBeUndefined();
    expect(suggest('stats', [])).toBeUndefined();
  });

  it('allows more edits for longer words', () => {
    expect(suggest('misunderstod', ['misunderstood', 'topics'])).toBe('misunderstood');
    expect(suggest('misundrstd', ['misunderstood'])).toBe('misunderstood'); // 3 edits, 10 letters
    expect(suggest('abcd', ['abxy'])).toBeUndefined(); // 2 edits is too many for 4 letters
  });

  it('breaks ties in candidate order', () => {
    expect(suggest('bat', ['cat', 'hat'])).toBe('cat');
    expect(suggest('bat', ['hat', 'cat'])).toBe('hat');
  });
});
