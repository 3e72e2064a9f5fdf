/** The overview's own caps and defaults, tighter than Slack's so the message reads well on a phone. */
import type { MetricName } from '../chatdash/schema.ts';

export const OVERVIEW_LIMITS = {
  /** Project rows in the message; the rest are "… and N more projects", listed in the thread on request. */
  rows: 25,
  /** Longest project name in a row. */
  nameChars: 80,
  /** Characters of quiet project names on the quiet line before "… and N more quiet projects". */
  quietNamesChars: 300,
  /** Characters of loading project names on the "still loading" line. */
  loadingNamesChars: 200,
  /** Projects fetched at once (two ChatDash requests each). */
  concurrency: 6,
} as const;

/**
 * What an overview asks ChatDash for: everything the digest's "what changed" rules read (headline numbers,
 * voice markers, topics) and nothing they don't (countries, tokens, intents, misunderstood messages).
 */
export const OVERVIEW_METRICS: readonly MetricName[] = [
  'conversations',
  'uniqueIps',
  'interactions',
  'averageInteractions',
  'understoodMessages',
  'totalCost',
  'averageCost',
  'totalCallDuration',
  'topTopics',
  'endedReason',
];
