import { describe, expect, it } from 'vitest';
import { computeChange } from '../../src/insights/numbers.ts';
import { numbersIn } from '../support/numbers-in.ts';

describe('computeChange', () => {
  it('distinguishes none, new, same and delta', () => {
    expect(computeChange(null, null)).toEqual({ kind: 'none' });
    expect(computeChange(null, 10)).toEqual({ kind: 'none' });
    expect(computeChange(0, null)).toEqual({ kind: 'none' });
    expect(computeChange(5, null)).toEqual({ kind: 'new' });
    expect(computeChange(5, 0)).toEqual({ kind: 'new' });
    expect(computeChange(0, 0)).toEqual({ kind: 'same' });
    expect(computeChange(7, 7)).toEqual({ kind: 'same' });
    expect(computeChange(0.1 + 0.2, 0.3)).toEqual({ kind: 'same' });
    expect(computeChange(150, 100)).toEqual({ kind: 'delta', absolute: 50, percent: 50 });
    expect(computeChange(0, 40)).toEqual({ kind: 'delta', absolute: -40, percent: -100 });
  });

  it('reports rates in percentage points with no percent', () => {
    const c = computeChange(0.8, 0.9, { points: true });
    expect(c.kind).toBe('delta');
    if (c.kind !== 'delta') return;
    expect(c.absolute).toBeCloseTo(-10, 9);
    expect(c.percent).toBeNull();
  });

  it('never produces NaN or Infinity, even from absurd inputs', () => {
    for (const [a, b] of [
      [Number.MAX_VALUE, 1e-300],
      [Number.MAX_VALUE, -Number.MAX_VALUE],
      [NaN, 1],
      [1, NaN],
      [Infinity, 1],
      [1, Infinity],
    ] as const) {
      const c = computeChange(a, b);
      for (const n of numbersIn(c)) expect(Number.isFinite(n[1])).toBe(true);
    }
  });
});
