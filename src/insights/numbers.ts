/** Small numeric helpers that never let NaN or ±Infinity through. */
import type { Change } from './types.ts';

/** `x` when it is a finite number, else null. */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Division that answers null instead of NaN/Infinity (and for a zero or missing denominator). */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  const n = finite(numerator);
  const d = finite(denominator);
  if (n === null || d === null || d === 0) return null;
  return finite(n / d);
}

/** A sum that saturates at Number.MAX_VALUE instead of overflowing to Infinity; ignores non-finite terms. */
export function safeSum(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    sum += v;
    if (!Number.isFinite(sum)) return sum > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  }
  return sum;
}

/** Values this close (relative) are the same: absorbs floating-point noise from sums of money. */
function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The change from `previous` to `value`.
 * - either side unavailable (value null, or previous null with value 0) → none
 * - previous 0 or missing and value > 0 → new
 * - equal → same
 * - otherwise delta; `percent` null when previous is 0 (cannot happen here) or the result is not finite.
 * With `points: true` (rates as fractions) `absolute` is in percentage points and `percent` is null.
 */
export function computeChange(value: number | null, previous: number | null, options: { points?: boolean } = {}): Change {
  const v = finite(value);
  const p = finite(previous);
  if (v === null) return { kind: 'none' };
  if (p === null) return v > 0 ? { kind: 'new' } : { kind: 'none' };
  if (nearlyEqual(v, p)) return { kind: 'same' };
  if (p === 0) return v > 0 ? { kind: 'new' } : { kind: 'none' };
  if (options.points) {
    const points = finite((v - p) * 100);
    return points === null ? { kind: 'none' } : { kind: 'delta', absolute: points, percent: null };
  }
  const absolute = finite(v - p);
  if (absolute === null) return { kind: 'none' };
  const percent = p > 0 ? finite((absolute / p) * 100) : null;
  return { kind: 'delta', absolute, percent };
}
