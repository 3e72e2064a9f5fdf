/**
 * The insight model: what one period of ChatDash analytics means, compared with the period before.
 * Plain data, no text: rendering decides the words. No number here is ever NaN or ±Infinity.
 */
import type { MetricName } from '../chatdash/schema.ts';
import type { Period } from '../periods/period.ts';

/** How a number moved against the previous period. */
export type Change =
  /** Nothing to compare: no data on one side or both (or, for money, different currencies). */
  | { kind: 'none' }
  /** Previous was 0 or missing, now above 0. */
  | { kind: 'new' }
  | { kind: 'same' }
  /**
   * `absolute` is value − previous in the number's own unit, except for rates where it is in percentage
   * points. `percent` is the relative change (12.5 = +12.5 %), null when previous is 0 or for rates.
   */
  | { kind: 'delta'; absolute: number; percent: number | null };

export type DeltaChange = Extract<Change, { kind: 'delta' }>;

export interface Headline {
  /** null = unavailable. */
  value: number | null;
  previous: number | null;
  change: Change;
}

export interface MoneyHeadline extends Headline {
  /** ISO 4217 code of `value` (null when unknown). */
  currency: string | null;
  previousCurrency: string | null;
}

export interface Headlines {
  conversations: Headline;
  /** Unique users, approximated by ChatDash from unique IPs. */
  uniqueUsers: Headline;
  interactions: Headline;
  averageInteractionsPerConversation: Headline;
  /** A fraction 0..1; its `change.absolute` is in percentage points and `change.percent` is null. */
  understoodRate: Headline;
  totalCost: MoneyHeadline;
  /** Cost per conversation. */
  averageCost: MoneyHeadline;
  /** Voice call minutes (ChatDash's totalCallDuration, read as seconds). */
  callMinutes: Headline;
}

export type HeadlineKey = keyof Headlines;

export interface RankedItem {
  /** Identity used to compare periods (topic id, country code, model name…). */
  key: string;
  /** Untrusted display text, raw: escape when rendering. */
  label: string;
  count: number;
  /** Fraction 0..1 of the list's `shareOf`. */
  share: number;
  /** 1-based rank in this period. */
  rank: number;
  /** Count in the previous period (null = absent there or previous unavailable). */
  previousCount: number | null;
}

export interface RankedList {
  /** false when the metric was missing or malformed. */
  available: boolean;
  /** Sorted by count descending (ties by label), duplicates merged. Not cut: renderers cut. */
  items: RankedItem[];
  /** Sum of all counts. */
  total: number;
  /**
   * What every `share` is a fraction of: the whole the list is a part of when known (all misunderstood messages,
   * all conversations…), else `total`. ChatDash returns top lists, so `total` alone understates the whole.
   */
  shareOf: number;
  /** True when `shareOf` is that whole, false when it is only the list's own `total` (say "of the listed …"). */
  shareOfWhole: boolean;
}

export interface TrendDay {
  /** Calendar date `YYYY-MM-DD` in the period's time zone, null when buckets cannot be mapped to days. */
  date: string | null;
  count: number;
}

export interface Trend {
  days: TrendDay[];
  min: number;
  max: number;
  /** The busiest bucket (first one on ties). */
  peak: TrendDay;
}

export interface Thresholds {
  /** Understood rate falling by more than this many percentage points is an attention item. */
  understoodRateDropPoints: number;
  /** Cost per conversation rising by more than this percent is an attention item. */
  costPerConversationRisePercent: number;
  /** Conversations falling by more than this percent is an attention item. */
  conversationsDropPercent: number;
  /** A headline number moving by at least this percent is a highlight. */
  moverPercent: number;
  /** Count-like movers (and the conversation drop) are ignored while both sides are below this. */
  moverMinimum: number;
  /** "New in the top N topics". */
  topTopicsCount: number;
  maxHighlights: number;
  /** A topic or misunderstood message is "new" only with at least this many this period (absolute floor). */
  newMinimumCount: number;
  /**
   * …and at least this percent of its whole this period (relative floor): of all misunderstood messages, of all
   * conversations for a topic (of the list's own total only when that whole is unknown).
   */
  newMinimumSharePercent: number;
  /** …and when last period's count and share were both at most 1/this of this period's ("absent or negligible before"). */
  newGrowthFactor: number;
  /**
   * A previous list with at least this many entries may have been cut by ChatDash (it returns top lists): an item
   * missing from it counts as having had the list's smallest count rather than none.
   */
  listCutLength: number;
  /** At most this many new topics, and this many new misunderstood messages, per digest. */
  maxNewPerList: number;
}

export type Severity = 'attention' | 'good' | 'info';

export type Highlight =
  | {
      kind: 'conversations_drop';
      severity: 'attention';
      value: number;
      previous: number;
      change: DeltaChange;
    }
  | {
      kind: 'understood_rate_drop';
      severity: 'attention';
      /** Fractions 0..1. */
      value: number;
      previous: number;
      /** Negative percentage points. */
      points: number;
    }
  | {
      kind: 'cost_per_conversation_rise';
      severity: 'attention';
      value: number;
      previous: number;
      change: DeltaChange;
      currency: string | null;
    }
  | {
      kind: 'mover';
      severity: 'good' | 'info';
      metric: HeadlineKey;
      value: number;
      previous: number;
      change: DeltaChange;
      currency: string | null;
    }
  | ({
      /** A topic that was absent or negligible last period and is now significant and in the top N. */
      kind: 'new_topic';
      severity: 'info';
    } & NewItemNumbers)
  | ({
      /** A message the bot did not understand that was absent or negligible last period and is now frequent: a training gap. */
      kind: 'new_misunderstood';
      severity: 'attention';
    } & NewItemNumbers);

/** The numbers behind a "new" topic or misunderstood message (see `src/insights/highlights.ts` for the rule). */
export interface NewItemNumbers {
  /** Raw untrusted label. */
  label: string;
  count: number;
  /** 1-based rank in this period's list. */
  rank: number;
  /** Fraction 0..1 of this period's whole (the list's `shareOf`). */
  share: number;
  /** True when `share` is of the whole (all misunderstood messages, all conversations), false when of the list only. */
  shareOfWhole: boolean;
  /** Count in the previous period, null when the item was not in the previous period's list. */
  previousCount: number | null;
  /**
   * The previous count the rule compared with: `previousCount`, or for an item missing from last period's list 0
   * (a complete list) or that list's smallest count (a list long enough to have been cut).
   */
  previousAtMost: number;
  /** `previousAtMost` as a fraction 0..1 of the previous period's whole (its list's `shareOf`). */
  previousShare: number;
}

export interface TokenUsage {
  total: Headline;
  /** Per model, keyed and labelled by model name (untrusted). */
  byModel: RankedList;
}

export interface Insights {
  period: Period;
  /** No conversations in the period (or conversations unavailable and nothing else either). */
  isEmpty: boolean;
  /** A voice bot: call time recorded or ended reasons present. */
  isVoice: boolean;
  /** A previous period's analytics was supplied. */
  hasPrevious: boolean;
  headline: Headlines;
  /** Raw understood/missed counts of the period, null when unavailable. */
  understood: { total: number; understood: number; missed: number } | null;
  tokens: TokenUsage;
  topTopics: RankedList;
  topMisunderstood: RankedList;
  topIntents: RankedList;
  endedReasons: RankedList;
  countries: RankedList;
  /** Conversations per bucket (one per day as far as ChatDash tells), null when unavailable or empty. */
  trend: Trend | null;
  /** The previous period's conversations per bucket (for charts, aligned with `trend.days` by index), null when unavailable. */
  previousTrend: number[] | null;
  /** Cost per bucket of the period, in `headline.totalCost.currency` (for charts), null when unavailable or empty. */
  costTrend: Trend | null;
  /** Most important first. */
  highlights: Highlight[];
  /** Metrics of the current period that were requested but did not come back usable. */
  unavailable: MetricName[];
}
