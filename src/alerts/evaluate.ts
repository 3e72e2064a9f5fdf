/**
 * One alert, one window: breach, ok, or "unknown" (pure). Unknown — ChatDash failed, the metric is missing, too
 * little volume, not enough history — never fires and never recovers, so missing or partial data cannot raise a
 * false alarm. The past weeks' same windows give the usual value for "unusual" alerts and context for thresholds.
 */
import { isUnusual, MIN_BASELINE_WEEKS, robustBaseline, UNUSUAL_RULES } from './baseline.ts';
import { likelyDriver } from './driver.ts';
import { METRIC_SPECS, measure, type WindowData } from './measures.ts';
import type { AlertDefinition, BaselineSummary, EvaluationSummary, UnknownReason } from './model.ts';

export interface EvaluateInput {
  alert: Pick<AlertDefinition, 'metric' | 'condition' | 'minVolume'>;
  /** The checked window's data; null when ChatDash did not answer. */
  current: WindowData | null;
  /** The same window 1…4 weeks before, most recent first; null where unknown. */
  past: ReadonlyArray<WindowData | null>;
}

const unknown = (reason: UnknownReason, extra: Partial<EvaluationSummary> = {}): EvaluationSummary => ({
  outcome: 'unknown',
  reason,
  value: null,
  volume: null,
  currency: null,
  ...extra,
});

/** The usable past values: the metric available, enough volume behind a ratio, the same currency. */
function pastValues(input: EvaluateInput, currency: string | null, minVolume: number): { values: number[]; otherCurrency: number } {
  const spec = METRIC_SPECS[input.alert.metric.kind];
  const values: number[] = [];
  let otherCurrency = 0;
  for (const data of input.past) {
    if (!data) continue;
    const m = measure(input.alert.metric, data);
    if (!m.ok || m.value === null) continue;
    if (spec.ratio && (m.volume === null || m.volume < minVolume)) continue;
    if (currency !== null && m.currency !== null && m.currency !== currency) {
      otherCurrency += 1;
      continue;
    }
    values.push(m.value);
  }
  return { values, otherCurrency };
}

export function evaluateAlert(input: EvaluateInput): EvaluationSummary {
  const { metric, condition } = input.alert;
  if (!input.current) return unknown('chatdash_failed');
  const m = measure(metric, input.current);
  if (!m.ok) return unknown('metric_unavailable');
  const spec = METRIC_SPECS[metric.kind];
  const rules = UNUSUAL_RULES[metric.kind];
  const minVolume = input.alert.minVolume ?? rules.minVolume;
  const numbers = {
    value: m.value,
    volume: m.volume,
    currency: m.currency,
    ...(m.understood === undefined ? {} : { understood: m.understood }),
  };

  const past = pastValues(input, m.currency, minVolume);
  const baseline: BaselineSummary | undefined =
    past.values.length >= MIN_BASELINE_WEEKS ? robustBaseline(past.values, rules, input.past.length) : undefined;
  const withBaseline = baseline ? { baseline } : {};

  if (m.value === null || (spec.ratio && (m.volume === null || m.volume < minVolume))) {
    return unknown('low_volume', { ...numbers, ...withBaseline });
  }
  const value = m.value;

  let breach: boolean;
  if (condition.kind === 'threshold') {
    breach = condition.direction === 'above' ? value > condition.value : value < condition.value;
  } else {
    if (!baseline) {
      const reason =
        past.otherCurrency > 0 && past.values.length + past.otherCurrency >= MIN_BASELINE_WEEKS ? 'currency_changed' : 'no_baseline';
      return unknown(reason, numbers);
    }
    if (!spec.ratio && Math.max(value, baseline.median) < minVolume) return unknown('low_volume', { ...numbers, baseline });
    breach = isUnusual(value, baseline, condition.direction, rules);
  }

  if (!breach) return { outcome: 'ok', ...numbers, ...withBaseline };
  const up = condition.kind === 'threshold' ? condition.direction === 'above' : value > (baseline?.median ?? value);
  const driver = likelyDriver(metric, up, input.current, input.past);
  return { outcome: 'breach', ...numbers, ...withBaseline, ...(driver ? { driver } : {}) };
}
