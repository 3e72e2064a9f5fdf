import { describe, expect, it } from 'vitest';
import { isUnusual, MAD_TO_SIGMA, mad, median, robustBaseline, UNUSUAL_RULES } from '../../src/alerts/baseline.ts';

describe('median and MAD', () => {
  it.each([
    [[5], 5, 0],
    [[1, 2, 3, 4], 2.5, 1],
    [[10, 10, 10, 10], 10, 0],
    [[90, 91, 92, 40], 90.5, 1],
  ])('%j → median %d, MAD %d', (values, m, d) => {
    expect(median(values)).toBe(m);
    expect(mad(values)).toBe(d);
  });
});

describe('robustBaseline', () => {
  it('is the median ± 3 robust spreads, the spread from the MAD', () => {
    const b = robustBaseline([100, 110, 90, 105], UNUSUAL_RULES.conversations, 4);
    // median 102.5, MAD median(|-2.5|,|7.5|,|12.5|,|2.5|) = 5 → spread max(1.4826 × 5, √102.5, 10 % of 102.5) = 10.25
    expect(b.median).toBe(102.5);
    expect(b.high - b.median).toBeCloseTo(3 * 10.25, 6);
    const noisy = robustBaseline([100, 160, 60, 110], UNUSUAL_RULES.conversations, 4);
    // median 105, MAD median(5, 55, 45, 5) = 25 → spread 1.4826 × 25
    expect(noisy.high - noisy.median).toBeCloseTo(3 * MAD_TO_SIGMA * 25, 6);
    expect(b).toMatchObject({ weeks: 4, wanted: 4 });
  });

  it('one odd week does not stretch the range', () => {
    const b = robustBaseline([0.92, 0.91, 0.93, 0.5], UNUSUAL_RULES.understood_rate, 4);
    expect(b.median).toBeCloseTo(0.915, 6);
    expect(b.high - b.median).toBeCloseTo(3 * Math.max(MAD_TO_SIGMA * 0.01, 0.01), 6);
  });

  it('identical weeks still get the minimum spread, and rates stay within 0..1', () => {
    const b = robustBaseline([0.99, 0.99, 0.99], UNUSUAL_RULES.understood_rate, 4);
    expect(b.low).toBeCloseTo(0.96, 6);
    expect(b.high).toBe(1);
    expect(robustBaseline([0, 0, 0], UNUSUAL_RULES.conversations, 4).low).toBe(0);
  });
});

describe('isUnusual', () => {
  const rate = robustBaseline([0.92, 0.91, 0.93, 0.92], UNUSUAL_RULES.understood_rate, 4);
  const conv = robustBaseline([200, 210, 190, 205], UNUSUAL_RULES.conversations, 4);
  const tiny = robustBaseline([2, 3, 2, 2], UNUSUAL_RULES.conversations, 4);
  it.each([
    ['a 20-point fall of the understood rate', 0.72, rate, 'below', 'understood_rate', true],
    ['a 3-point fall (inside the minimum change)', 0.89, rate, 'below', 'understood_rate', false],
    ['a rise when watching for falls', 0.99, rate, 'below', 'understood_rate', false],
    ['conversations halved', 100, conv, 'below', 'conversations', true],
    ['conversations halved, watching either way', 100, conv, 'either', 'conversations', true],
    ['conversations doubled, watching either way', 400, conv, 'either', 'conversations', true],
    ['conversations down 15 %', 172, conv, 'below', 'conversations', false],
    ['conversations 2 → 0 (below the minimum change)', 0, tiny, 'below', 'conversations', false],
  ] as const)('%s → %s', (_name, value, baseline, direction, kind, expected) => {
    expect(isUnusual(value, baseline, direction, UNUSUAL_RULES[kind])).toBe(expected);
  });
});
