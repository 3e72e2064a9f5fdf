/**
 * The likely driver of a firing alert, from ChatDash's own breakdowns (pure): the misunderstood message, topic,
 * country or model whose count moved most, in the alert's direction, against its usual count (the median of the
 * same past windows; absent from a week's top list counts as 0 that week).
 */
import { median } from './baseline.ts';
import type { BreakdownItem, WindowData } from './measures.ts';
import type { AlertMetric, Driver } from './model.ts';

type DriverKind = Driver['kind'];

const BREAKDOWN_OF: Record<DriverKind, (d: WindowData) => BreakdownItem[] | null> = {
  misunderstood: (d) => d.misunderstood,
  topic: (d) => d.topics,
  country: (d) => d.countries,
  model: (d) => d.tokens,
};

/**
 * Which breakdowns can explain a move of each metric (items of one metric share a unit, so they compare), and
 * whether their items move up when the metric moved as it did.
 */
function candidates(metric: AlertMetric, up: boolean): Array<{ kind: DriverKind; itemsUp: boolean }> {
  switch (metric.kind) {
    case 'understood_rate':
      // A falling understood rate is more misses; a rising one has no single cause worth naming.
      return up ? [] : [{ kind: 'misunderstood', itemsUp: true }];
    case 'cost_per_conversation':
    case 'total_cost':
      return [{ kind: 'model', itemsUp: up }];
    case 'tokens':
      return metric.model === undefined ? [{ kind: 'model', itemsUp: up }] : [];
    case 'conversations':
      return [
        { kind: 'country', itemsUp: up },
        { kind: 'topic', itemsUp: up },
      ];
    case 'misunderstood_message':
    case 'topic':
      return [];
  }
}

/** Smallest move of an item worth naming. */
const MIN_ITEM_MOVE = 3;

/**
 * The item that moved most in the direction that explains the breach (`up`: the value rose), or undefined when
 * nothing moved enough or there is no history to compare with.
 */
export function likelyDriver(
  metric: AlertMetric,
  up: boolean,
  current: WindowData,
  past: ReadonlyArray<WindowData | null>,
): Driver | undefined {
  let best: (Driver & { move: number }) | undefined;
  for (const { kind, itemsUp } of candidates(metric, up)) {
    const now = BREAKDOWN_OF[kind](current);
    const history = past.map((d) => (d ? BREAKDOWN_OF[kind](d) : null)).filter((b): b is BreakdownItem[] => b !== null);
    if (!now || history.length === 0) continue;
    const keys = new Map<string, string>();
    for (const item of now) keys.set(item.key, item.label);
    for (const week of history) for (const item of week) if (!keys.has(item.key)) keys.set(item.key, item.label);
    for (const [key, label] of keys) {
      const nowCount = now.find((i) => i.key === key)?.count ?? 0;
      const usual = median(history.map((week) => week.find((i) => i.key === key)?.count ?? 0));
      const move = itemsUp ? nowCount - usual : usual - nowCount;
      if (move < MIN_ITEM_MOVE) continue;
      if (!best || move > best.move || (move === best.move && label < best.label)) best = { kind, label, now: nowCount, usual, move };
    }
  }
  return best && { kind: best.kind, label: best.label, now: best.now, usual: best.usual };
}
