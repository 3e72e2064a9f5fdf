/**
 * "What changed": attention items and the biggest movers, most important first, each with the numbers behind it.
 * The rules and their thresholds are documented in the README ("What changed: the rules"); the ordering
 * (`highlightScore`) is shared with anything that ranks projects by what needs attention.
 */
import type { DeltaChange, Headline, HeadlineKey, Headlines, Highlight, NewItemNumbers, RankedList, Thresholds } from './types.ts';

export const DEFAULT_THRESHOLDS: Thresholds = {
  understoodRateDropPoints: 5,
  costPerConversationRisePercent: 25,
  conversationsDropPercent: 30,
  moverPercent: 20,
  moverMinimum: 10,
  topTopicsCount: 5,
  maxHighlights: 5,
  newMinimumCount: 20,
  newMinimumSharePercent: 5,
  newGrowthFactor: 3,
  listCutLength: 10,
  maxNewPerList: 2,
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

/** Scores at or above this are attention items (see `highlightScore`). */
export const ATTENTION_SCORE = 1000;

/** How many times its own threshold a highlight's move is (≥ 1 for anything the rules let through). */
function strength(h: Highlight, t: Thresholds): number {
  const over = (value: number, threshold: number): number => (threshold > 0 ? Math.abs(value) / threshold : Math.abs(value));
  switch (h.kind) {
    case 'conversations_drop':
      return over(h.change.percent ?? 0, t.conversationsDropPercent);
    case 'understood_rate_drop':
      return over(h.points, t.understoodRateDropPoints);
    case 'cost_per_conversation_rise':
      return over(h.change.percent ?? 0, t.costPerConversationRisePercent);
    case 'mover':
      return h.metric === 'understoodRate'
        ? over(h.change.absolute, t.understoodRateDropPoints)
        : over(h.change.percent ?? 0, t.moverPercent);
    case 'new_topic':
    case 'new_misunderstood':
      // Significant on both floors: as strong as the one it clears by less.
      return Math.min(over(h.share * 100, t.newMinimumSharePercent), over(h.count, t.newMinimumCount));
  }
}

/**
 * How important a highlight is, comparable across highlights and across projects: higher comes first.
 * Three tiers that never overlap, and within a tier how many times its threshold the move is (capped at 99):
 * - attention items (conversations drop, understood-rate drop, cost-per-conversation rise, new misunderstood
 *   message): 1000 + strength, so 1001–1099;
 * - movers (a headline number moving at least `moverPercent`, or `understoodRateDropPoints` for the rate): 101–199;
 * - new topics: 1–99.
 * Strength is the move over its threshold (conversations down 45 % against 30 %: 1.5); for a new item, the smaller
 * of share over `newMinimumSharePercent` and count over `newMinimumCount` (150 hits at 11.5 %: min(2.3, 7.5) = 2.3).
 * So a misunderstood message new with 150 hits (1002.3) comes before conversations down 45 % (1001.5).
 */
export function highlightScore(h: Highlight, thresholds: Thresholds = DEFAULT_THRESHOLDS): number {
  const s = Math.min(99, Math.max(1, strength(h, thresholds)));
  if (h.severity === 'attention') return ATTENTION_SCORE + s;
  return h.kind === 'mover' ? 100 + s : s;
}

/** Sort comparator: most important first (ties keep their order when used with a stable sort). */
export function compareHighlights(a: Highlight, b: Highlight, thresholds: Thresholds = DEFAULT_THRESHOLDS): number {
  return highlightScore(b, thresholds) - highlightScore(a, thresholds);
}

/**
 * Items of `list` that are new this period: significant now (at least `newMinimumCount`, at least
 * `newMinimumSharePercent` of its whole, and within `maxRank`), and absent or negligible before (last period's count
 * and share both at most 1/`newGrowthFactor` of this period's). Shares are of each period's whole (the lists'
 * `shareOf`: all misunderstood messages, all conversations), so a top list that got shorter or longer does not make
 * anything look new. An item missing from last period's list had 0 there, or, when that list may have been cut
 * (`listCutLength` entries or more), as much as its smallest entry.
 * Nothing is new when last period's list is unavailable or empty: there is nothing to compare with.
 */
export function findNewItems(
  list: RankedList,
  previous: RankedList | undefined,
  t: Thresholds,
  maxRank = Number.POSITIVE_INFINITY,
): NewItemNumbers[] {
  if (!previous?.available || previous.total <= 0 || previous.shareOf <= 0 || list.total <= 0) return [];
  const mayBeCut = previous.items.length >= t.listCutLength;
  const smallest = previous.items.at(-1)?.count ?? 0;
  const growth = Math.max(1, t.newGrowthFactor);
  const found: NewItemNumbers[] = [];
  for (const item of list.items) {
    if (item.rank > maxRank) break;
    if (item.count < Math.max(1, t.newMinimumCount) || item.share * 100 < t.newMinimumSharePercent) continue;
    const previousAtMost = item.previousCount ?? (mayBeCut ? smallest : 0);
    const previousShare = Math.min(1, previousAtMost / previous.shareOf);
    if (previousAtMost * growth > item.count || previousShare * growth > item.share) continue;
    found.push({
      label: item.label,
      count: item.count,
      rank: item.rank,
      share: item.share,
      shareOfWhole: list.shareOfWhole,
      previousCount: item.previousCount,
      previousAtMost,
      previousShare,
    });
  }
  return found;
}

export interface HighlightInput {
  headline: Headlines;
  isVoice: boolean;
  topics: RankedList;
  /** Previous period's topics (ranked with that period's conversations as their whole), undefined when unavailable. */
  previousTopics: RankedList | undefined;
  /** This period's misunderstood messages (omitted: no "new misunderstood message" highlights). */
  misunderstood?: RankedList;
  /** Previous period's misunderstood messages (ranked with that period's missed messages as their whole), undefined when unavailable. */
  previousMisunderstood?: RankedList | undefined;
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

  const maxNew = Math.max(0, Math.floor(t.maxNewPerList));
  if (input.misunderstood) {
    const gaps = findNewItems(input.misunderstood, input.previousMisunderstood, t)
      .map((n): Highlight => ({ kind: 'new_misunderstood', severity: 'attention', ...n }))
      .sort((a, b) => compareHighlights(a, b, t));
    attention.push(...gaps.slice(0, maxNew));
  }

  const movers: Highlight[] = [];
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

  const newTopics = findNewItems(input.topics, input.previousTopics, t, t.topTopicsCount)
    .map((n): Highlight => ({ kind: 'new_topic', severity: 'info', ...n }))
    .sort((a, b) => compareHighlights(a, b, t));

  // Attention first, then movers by the size of the move, then at most `maxNewPerList` new topics so they do not
  // crowd out the numbers: one order, `highlightScore`.
  return [...attention, ...movers, ...newTopics.slice(0, maxNew)]
    .sort((a, b) => compareHighlights(a, b, t))
    .slice(0, Math.max(0, Math.floor(t.maxHighlights)));
}
