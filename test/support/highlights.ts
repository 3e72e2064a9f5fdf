/** One "what changed" highlight of each kind, with just the numbers its score reads (for ordering and ranking tests). */
import type { Highlight } from '../../src/insights/types.ts';

/** Conversations down `percent` % (from 100). */
export const conversationsDrop = (percent: number): Highlight => ({
  kind: 'conversations_drop',
  severity: 'attention',
  value: 100 - percent,
  previous: 100,
  change: { kind: 'delta', absolute: -percent, percent: -percent },
});

/** Understood rate moved by `points` percentage points (negative: fell). */
export const understoodRateDrop = (points: number): Highlight => ({
  kind: 'understood_rate_drop',
  severity: 'attention',
  value: 0.8,
  previous: 0.9,
  points,
});

/** Cost per conversation up `percent` %. */
export const costRise = (percent: number): Highlight => ({
  kind: 'cost_per_conversation_rise',
  severity: 'attention',
  value: 1,
  previous: 1,
  change: { kind: 'delta', absolute: 0.1, percent },
  currency: 'EUR',
});

/** A new misunderstood message: `count` hits, `share` (0..1) of all misunderstood messages, none last period. */
export const newMisunderstood = (count: number, share: number): Highlight => ({
  kind: 'new_misunderstood',
  severity: 'attention',
  label: 'x',
  count,
  rank: 1,
  share,
  shareOfWhole: true,
  previousCount: null,
  previousAtMost: 0,
  previousShare: 0,
});

/** Conversations moved by `percent` %. */
export const mover = (percent: number, severity: 'good' | 'info' = 'good'): Highlight => ({
  kind: 'mover',
  severity,
  metric: 'conversations',
  value: 100 + percent,
  previous: 100,
  change: { kind: 'delta', absolute: percent, percent },
  currency: null,
});

/** A new topic: `count` conversations, `share` (0..1) of all conversations, none last period. */
export const newTopic = (count: number, share: number): Highlight =>
  ({ ...(newMisunderstood(count, share) as object), kind: 'new_topic', severity: 'info' }) as Highlight;
