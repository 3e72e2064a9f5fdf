/** "What changed": attention items and the biggest movers, most important first. */
import { type RawEntry, topKeys } from './lists.ts';
import type { DeltaChange, Headline, HeadlineKey, Headlines, Highlight, RankedList, Thresholds } from './types.ts';

export const DEFAULT_THRESHOLDS: Thresholds = {
  understoodRateDropPoints: 5,
  costPerConversationRisePercent: 25,
  conversationsDropPercent: 30,
  moverPercent: 20,
  moverMinimum: 10,
  topTopicsCount: 5,
  maxHighlights: 5,
};

/** Merge overrides, ignoring anything that is not a finite non-negative number. */
export function resolveThresholds(overrides: Partial<Thresholds> | undefined): Thresholds {
  const t: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (k in t && typeof v === 'number' && Number.isFinite(v) && v >= 0) t[k as keyof Thresholds] = v;
  }
  return t;
}

/** Metrics whose count-like size makes small bases noisy. */
const COUNT_LIKE: ReadonlySet<HeadlineKey> = new Set(['conversations', 'uniqueUsers', 'interactions', 'callMinutes']);

interface MoverSpec {
  metric: HeadlineKey;
  /** Severity when the number goes up / down. */
  up: 'good' | 'info';
  down: 'good' | 'info';
}

const MOVERS: readonly MoverSpec[] = [
  { metric: 'conversations', up: 'good', down: 'info' },
  { metric: 'uniqueUsers', up: 'good', down: 'info' },
  { metric: 'interactions', up: 'good', down: 'info' },
  { metric: 'averageInteractionsPerConversation', up: 'info', down: 'info' },
  { metric: 'understoodRate', up: 'good', down: 'info' },
  { metric: 'totalCost', up: 'info', down: 'info' },
  { metric: 'averageCost', up: 'info', down: 'good' },
  { metric: 'callMinutes', up: 'info', down: 'info' },
];

function delta(h: Headline): { value: number; previous: number; change: DeltaChange } | undefined {
  if (h.change.kind !== 'delta' || h.value === null || h.previous === null) return undefined;
  return { value: h.value, previous: h.previous, change: h.change };
}

/** Size of a move, comparable across metrics: percent, or rate points scaled so 5 pts ≈ 20 %. */
function magnitude(metric: HeadlineKey, change: DeltaChange): number {
  if (metric === 'understoodRate') return Math.abs(change.absolute) * 4;
  return Math.abs(change.percent ?? 0);
}

export interface HighlightInput {
  headline: Headlines;
  isVoice: boolean;
  topics: RankedList;
  /** Previous period's topics, undefined when unavailable. */
  previousTopics: readonly RawEntry[] | undefined;
  thresholds: Thresholds;
}

export function buildHighlights(input: HighlightInput): Highlight[] {
  const { headline, thresholds: t } = input;
  const attention: Highlight[] = [];
  const covered = new Set<HeadlineKey>();

  const conv = delta(headline.conversations);
  if (conv && conv.change.percent !== null && conv.change.percent < -t.conversationsDropPercent && conv.previous >= t.moverMinimum) {
    attention.push({ kind: 'conversations_drop', severity: 'attention', ...conv });
    covered.add('conversations');
  }

  const rate = delta(headline.understoodRate);
  if (rate && rate.change.absolute < -t.understoodRateDropPoints) {
    attention.push({
      kind: 'understood_rate_drop',
      severity: 'attention',
      value: rate.value,
      previous: rate.previous,
      points: rate.change.absolute,
    });
    covered.add('understoodRate');
  }

  const cost = delta(headline.averageCost);
  if (cost && cost.change.percent !== null && cost.change.percent > t.costPerConversationRisePercent) {
    attention.push({
      kind: 'cost_per_conversation_rise',
      severity: 'attention',
      ...cost,
      currency: headline.averageCost.currency,
    });
    covered.add('averageCost');
  }

  const movers: (Highlight & { kind: 'mover' })[] = [];
  for (const spec of MOVERS) {
    if (covered.has(spec.metric)) continue;
    if (spec.metric === 'callMinutes' && !input.isVoice) continue;
    const h = headline[spec.metric];
    const d = delta(h);
    if (!d) continue;
    if (spec.metric === 'understoodRate') {
      if (Math.abs(d.change.absolute) < t.understoodRateDropPoints) continue;
    } else {
      if (d.change.percent === null || Math.abs(d.change.percent) < t.moverPercent) continue;
      if (COUNT_LIKE.has(spec.metric) && Math.max(d.value, d.previous) < t.moverMinimum) continue;
    }
    const currency = spec.metric === 'totalCost' || spec.metric === 'averageCost' ? headline[spec.metric].currency : null;
    movers.push({
      kind: 'mover',
      severity: d.change.absolute > 0 ? spec.up : spec.down,
      metric: spec.metric,
      ...d,
      currency,
    });
  }
  movers.sort((a, b) => magnitude(b.metric, b.change) - magnitude(a.metric, a.change));

  const newTopics: Highlight[] = [];
  if (input.previousTopics?.some((e) => e.count > 0)) {
    const before = topKeys(input.previousTopics, t.topTopicsCount);
    for (const item of input.topics.items.slice(0, t.topTopicsCount)) {
      if (item.count <= 0 || before.has(item.key)) continue;
      newTopics.push({
        kind: 'new_topic',
        severity: 'info',
        label: item.label,
        count: item.count,
        rank: item.rank,
        previousCount: item.previousCount,
      });
    }
  }

  // Attention first; then movers by size of the move;
  // at most two new topics so they do not crowd out the numbers.
  return [...attention, ...movers, ...newTopics.slice(0, 2)].slice(0, Math.max(0, Math.floor(t.maxHighlights)));
}
