/**
 * The "unusual" method, in words a person can check: the usual value is the median of the same window (same local
 * hours, same weekday) over the past 4 weeks; the typical range is that median ± 3 robust spreads, where the spread
 * is 1.4826 × the median absolute deviation (MAD: on normal data it estimates the standard deviation, and one odd
 * week cannot stretch it). A value is unusual only when it is outside the typical range AND has moved at least a
 * minimum amount (5 points of understood rate, 40 % and 10 conversations…: `UNUSUAL_RULES`) AND there is enough volume to judge, so small
 * numbers and missing data never fire. Pure.
 */
import type { AlertMetricKind, BaselineSummary } from './model.ts';

/** How many robust spreads from the median the typical range reaches. */
export const SPREAD_FACTOR = 3;
/** MAD × this estimates the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;
/** Weeks (of BASELINE_WEEKS) that must have usable data. */
export const MIN_BASELINE_WEEKS = 3;

export interface UnusualRules {
  /**
   * Ratio metrics (understood rate, cost per conversation): the least volume (messages, conversations) a window —
   * the checked one and each past one — needs to count. Count metrics: the least the larger of the value and the
   * usual value must reach (a drop from 3 to 0 conversations is not an incident; from 300 to 0 is).
   */
  minVolume: number;
  /** The smallest move from the usual value that can fire, given the usual value. */
  minChange: (usual: number) => number;
  /** The smallest spread (identical past weeks have a MAD of 0), given the usual value. */
  minSpread: (usual: number) => number;
  /** Upper bound of the metric (rates: 1). */
  max?: number;
  /** What the volume counts, for the alert text ("messages"). */
  volumeUnit: string;
  /** The minimum change in words, for the alert text; must say what `minChange` does. */
  changeWords: string;
}

/** Counting noise: a count around m naturally varies by about √m. */
const countSpread = (m: number): number => Math.max(Math.sqrt(Math.max(0, m)), 0.05 * Math.abs(m));

export const UNUSUAL_RULES: Record<AlertMetricKind, UnusualRules> = {
  understood_rate: { minVolume: 50, minChange: () => 0.05, minSpread: () => 0.01, max: 1, volumeUnit: 'messages', changeWords: '5 pts' },
  cost_per_conversation: {
    minVolume: 20,
    minChange: (m) => 0.25 * Math.abs(m),
    minSpread: (m) => 0.05 * Math.abs(m),
    volumeUnit: 'conversations',
    changeWords: '25%',
  },
  total_cost: {
    minVolume: 1,
    minChange: (m) => Math.max(0.5 * Math.abs(m), 0.01),
    minSpread: (m) => 0.1 * Math.abs(m),
    volumeUnit: 'in costs',
    changeWords: '50%',
  },
  conversations: {
    minVolume: 20,
    minChange: (m) => Math.max(10, 0.4 * m),
    minSpread: (m) => Math.max(Math.sqrt(Math.max(0, m)), 0.1 * m),
    volumeUnit: 'conversations',
    changeWords: '40% (and 10 conversations)',
  },
  tokens: {
    minVolume: 1000,
    minChange: (m) => Math.max(1000, 0.6 * m),
    minSpread: (m) => 0.1 * m,
    volumeUnit: 'tokens',
    changeWords: '60%',
  },
  misunderstood_message: {
    minVolume: 10,
    minChange: (m) => Math.max(5, m),
    minSpread: countSpread,
    volumeUnit: 'times',
    changeWords: '100% (and 5)',
  },
  topic: {
    minVolume: 10,
    minChange: (m) => Math.max(5, m),
    minSpread: countSpread,
    volumeUnit: 'conversations',
    changeWords: '100% (and 5)',
  },
};

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** The usual value and typical range of `values` (the usable past weeks, at least one). */
export function robustBaseline(values: readonly number[], rules: UnusualRules, wanted: number): BaselineSummary {
  const m = median(values);
  const spread = Math.max(MAD_TO_SIGMA * mad(values), rules.minSpread(m));
  const low = Math.max(0, m - SPREAD_FACTOR * spread);
  const high = rules.max === undefined ? m + SPREAD_FACTOR * spread : Math.min(rules.max, m + SPREAD_FACTOR * spread);
  return { median: m, low, high, weeks: values.length, wanted };
}

export type Direction = 'above' | 'below' | 'either';

/**
 * Whether `value` is unusual against `baseline` in `direction`: outside the typical range and at least the minimum
 * change away from the usual value.
 */
export function isUnusual(value: number, baseline: BaselineSummary, direction: Direction, rules: UnusualRules): boolean {
  const usual = baseline.median;
  const minChange = rules.minChange(usual);
  const high = value > baseline.high && value - usual >= minChange;
  const low = value < baseline.low && usual - value >= minChange;
  return direction === 'above' ? high : direction === 'below' ? low : high || low;
}
