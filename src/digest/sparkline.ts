/** Unicode sparklines for the conversation trend. */

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * One bar per value, scaled between the series' min and max. A flat series is all ▁ when it is zero and
 * all ▄ otherwise; an empty series is "". Negative or non-finite values count as 0.
 */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  let min = Infinity;
  let max = -Infinity;
  for (const v of clean) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max === min) return (max === 0 ? BARS[0] : BARS[3]).repeat(clean.length);
  const span = max - min;
  return clean.map((v) => BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / span) * (BARS.length - 1) + 0.5))]).join('');
}

/** Average a long series down to at most `points` buckets (a short one is returned unchanged). */
export function downsample(values: readonly number[], points: number): number[] {
  const n = Math.max(1, Math.floor(points));
  if (values.length <= n) return [...values];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor((i * values.length) / n);
    const to = Math.floor(((i + 1) * values.length) / n);
    const count = Math.max(1, to - from);
    let mean = 0;
    // Divide first so a series of huge values cannot overflow.
    for (let j = from; j < to; j++) mean += (values[j] ?? 0) / count;
    out.push(mean);
  }
  return out;
}
