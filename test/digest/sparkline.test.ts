import { describe, expect, it } from 'vitest';
import { downsample, sparkline } from '../../src/digest/sparkline.ts';

describe('sparkline', () => {
  it('scales between min and max', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 20])).toBe('▁█');
  });

  it('handles flat, empty and bad series', () => {
    expect(sparkline([])).toBe('');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([NaN, -3, Infinity, 4])).toBe('▁▁▁█');
    expect(sparkline([Number.MAX_VALUE, 0])).toBe('█▁');
  });

  it('has one bar per value', () => {
    const values = Array.from({ length: 90 }, (_, i) => i % 7);
    expect([...sparkline(values)]).toHaveLength(90);
    expect(downsample(values, 31)).toHaveLength(31);
    expect(downsample([1, 2, 3], 31)).toEqual([1, 2, 3]);
    expect(downsample([Number.MAX_VALUE, Number.MAX_VALUE], 1)).toEqual([Number.MAX_VALUE]);
  });
});
