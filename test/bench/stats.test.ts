import { describe, expect, it } from 'vitest';
import { median } from '../../src/bench/stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, ignoring non-numbers', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 7])).toBe(7);
    expect(median([])).toBeNaN();
  });
});
