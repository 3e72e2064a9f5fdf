/**
 * From ChatDash's answer for one window to the numbers alerts watch (pure). A window's answer is boiled down to
 * `WindowData` (totals and the top of each breakdown, bounded), which is also what the store keeps per checked
 * window, so that next weeks' baselines come from the store instead of ChatDash.
 */
import * as z from 'zod/mini';
import { MetricName, type ParsedAnalytics } from '../chatdash/schema.ts';
import { cleanLabel } from '../digest/mrkdwn.ts';
import type { AlertMetric, AlertMetricKind, ItemRef } from './model.ts';

/** Items kept per breakdown, and the longest label kept. */
export const BREAKDOWN_ITEMS = 25;
export const BREAKDOWN_LABEL = 200;

const count = z.number().check(z.gte(0), z.refine(Number.isFinite));
const BreakdownItem = z.object({ key: z.string().check(z.maxLength(256)), label: z.string().check(z.maxLength(BREAKDOWN_LABEL)), count });
export type BreakdownItem = z.infer<typeof BreakdownItem>;
const Breakdown = z.nullable(z.array(BreakdownItem).check(z.maxLength(BREAKDOWN_ITEMS)));

/** One window's numbers; null = ChatDash did not give it (not asked, missing or malformed). */
export const WindowData = z.object({
  conversations: z.nullable(count),
  /** User messages and how many the bot missed. */
  messages: z.nullable(z.object({ total: count, missed: count })),
  /** `currency` null: ChatDash sent no usable code (the amount is still good; it is compared only with its own kind). */
  totalCost: z.nullable(z.object({ amount: count, currency: z.nullable(z.string().check(z.length(3))) })),
  /** Tokens per model (key = model). */
  tokens: Breakdown,
  misunderstood: Breakdown,
  topics: Breakdown,
  countries: Breakdown,
});
export type WindowData = z.infer<typeof WindowData>;

/** A checked window as the store keeps it (validated on write and on read). */
export const WindowSnapshot = z.object({
  /** ChatDash project id. */
  projectId: z.string().check(z.minLength(1), z.maxLength(100)),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** When ChatDash was asked. */
  fetchedAt: z.iso.datetime(),
  /** The ChatDash metrics asked for: a snapshot serves a later check only if it asked for what that check needs. */
  requested: z.array(MetricName),
  data: WindowData,
});
export type WindowSnapshot = z.infer<typeof WindowSnapshot>;

type Unit = 'rate' | 'money' | 'count' | 'tokens';

interface MetricSpec {
  unit: Unit;
  /** ChatDash metrics the value needs. */
  needs: readonly MetricName[];
  /** More for the "likely driver" (breakdowns). */
  driverNeeds: readonly MetricName[];
  /** Ratio metrics judge the volume behind them (messages, conversations); count metrics their own size. */
  ratio: boolean;
}

export const METRIC_SPECS: Record<AlertMetricKind, MetricSpec> = {
  understood_rate: { unit: 'rate', needs: ['understoodMessages'], driverNeeds: ['topMisunderstoodMessages'], ratio: true },
  cost_per_conversation: { unit: 'money', needs: ['totalCost', 'conversations'], driverNeeds: ['tokens'], ratio: true },
  total_cost: { unit: 'money', needs: ['totalCost', 'conversations'], driverNeeds: ['tokens'], ratio: false },
  conversations: { unit: 'count', needs: ['conversations'], driverNeeds: ['conversationByCountry', 'topTopics'], ratio: false },
  tokens: { unit: 'tokens', needs: ['tokens', 'conversations'], driverNeeds: [], ratio: false },
  misunderstood_message: { unit: 'count', needs: ['topMisunderstoodMessages', 'understoodMessages'], driverNeeds: [], ratio: false },
  topic: { unit: 'count', needs: ['topTopics', 'conversations'], driverNeeds: [], ratio: false },
};

/** The ChatDash metrics a set of alerts needs, in a stable order: one query serves them all. */
export function metricsForAlerts(metrics: readonly AlertMetric[]): MetricName[] {
  const wanted = new Set<MetricName>();
  for (const m of metrics) for (const name of [...METRIC_SPECS[m.kind].needs, ...METRIC_SPECS[m.kind].driverNeeds]) wanted.add(name);
  return [...wanted].sort();
}

/** Whether a snapshot asked ChatDash for every metric in `needed`. */
export function covers(snapshot: WindowSnapshot, needed: readonly MetricName[]): boolean {
  const asked = new Set(snapshot.requested);
  return needed.every((m) => asked.has(m));
}

function breakdown(items: ReadonlyArray<{ key: string; label: string; count: number }> | undefined): BreakdownItem[] | null {
  if (!items) return null;
  const merged = new Map<string, BreakdownItem>();
  for (const item of items) {
    const key = item.key.slice(0, 256);
    const existing = merged.get(key);
    if (existing) existing.count += item.count;
    else merged.set(key, { key, label: Array.from(cleanLabel(item.label)).slice(0, BREAKDOWN_LABEL).join(''), count: item.count });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, BREAKDOWN_ITEMS);
}

/** ChatDash's answer for a window, boiled down (every number already validated by the client's schemas). */
export function toWindowData(parsed: ParsedAnalytics): WindowData {
  const d = parsed.data;
  const understood = d.understoodMessages;
  return {
    conversations: d.conversations ? d.conversations.total : null,
    messages: understood ? { total: understood.total, missed: Math.min(understood.total, understood.missed) } : null,
    totalCost: d.totalCost ? { amount: d.totalCost.total, currency: d.totalCost.currency } : null,
    tokens: breakdown(d.tokens?.map((t) => ({ key: t.model, label: t.model, count: t.count }))),
    misunderstood: breakdown(d.topMisunderstoodMessages?.map((m) => ({ key: String(m.id), label: m.label, count: m.count }))),
    topics: breakdown(d.topTopics?.map((m) => ({ key: String(m.id), label: m.label, count: m.count }))),
    countries: breakdown(d.conversationsByCountry?.map((c) => ({ key: c.id, label: c.id, count: c.value }))),
  };
}

/** The numbers one alert judges in one window. */
export type Measure =
  | {
      ok: true;
      value: number | null;
      /** Messages or conversations behind a ratio, the value itself for counts; null when unknown. */
      volume: number | null;
      /** Understood rate only: messages understood. */
      understood?: number;
      currency: string | null;
    }
  | { ok: false };

const norm = (label: string): string => cleanLabel(label).toLocaleLowerCase('en-US');

/** The count of one item in a breakdown: by id when the alert has one, else by label; absent from the top = 0. */
function itemCount(items: readonly BreakdownItem[], ref: ItemRef): number {
  const found =
    (ref.id !== undefined ? items.find((i) => i.key === ref.id) : undefined) ?? items.find((i) => norm(i.label) === norm(ref.label));
  return found?.count ?? 0;
}

/** The value an alert watches in a window's data. `ok: false` = the metric is unavailable. */
export function measure(metric: AlertMetric, data: WindowData): Measure {
  switch (metric.kind) {
    case 'understood_rate': {
      const m = data.messages;
      if (!m) return { ok: false };
      const understood = m.total - m.missed;
      return { ok: true, value: m.total > 0 ? understood / m.total : null, volume: m.total, understood, currency: null };
    }
    case 'cost_per_conversation': {
      const cost = data.totalCost;
      if (!cost || data.conversations === null) return { ok: false };
      const n = data.conversations;
      return { ok: true, value: n > 0 ? cost.amount / n : null, volume: n, currency: cost.currency };
    }
    case 'total_cost':
      if (!data.totalCost) return { ok: false };
      return { ok: true, value: data.totalCost.amount, volume: data.conversations, currency: data.totalCost.currency };
    case 'conversations':
      if (data.conversations === null) return { ok: false };
      return { ok: true, value: data.conversations, volume: data.conversations, currency: null };
    case 'tokens': {
      if (!data.tokens) return { ok: false };
      const model = metric.model;
      const value =
        model === undefined ? data.tokens.reduce((a, t) => a + t.count, 0) : (data.tokens.find((t) => t.key === model)?.count ?? 0);
      return { ok: true, value, volume: value, currency: null };
    }
    case 'misunderstood_message':
      if (!data.misunderstood) return { ok: false };
      return { ok: true, value: itemCount(data.misunderstood, metric.item), volume: data.messages?.total ?? null, currency: null };
    case 'topic':
      if (!data.topics) return { ok: false };
      return { ok: true, value: itemCount(data.topics, metric.item), volume: data.conversations, currency: null };
  }
}
