/** The overview's own caps and defaults, tighter than Slack's so the message reads well on a phone. */
import type { MetricName } from '../chatdash/schema.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';

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

/** Digest metrics the "what changed" rules never read: an overview does not ask for them. */
const NOT_FOR_OVERVIEW: ReadonlySet<MetricName> = new Set(['tokens', 'topIntents', 'conversationByCountry']);

/**
 * What an overview asks ChatDash for: the digest's metrics that its "what changed" rules read (headline numbers,
 * voice markers, topics, misunderstood messages for "new misunderstood message"), without the lists only a full
 * digest shows. So a project needs attention in the overview exactly when its digest would say so.
 */
export const OVERVIEW_METRICS: readonly MetricName[] = DIGEST_METRICS.filter((m) => !NOT_FOR_OVERVIEW.has(m));
