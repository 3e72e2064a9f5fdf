/**
 * Which ChatDash metrics to request: everything the digest shows, and what each drill-down view needs.
 */
import type { MetricName } from '../chatdash/schema.ts';
import type { DrilldownView } from './views.ts';

/** Everything `buildInsights` reads for a full digest (`incomingTextMessages` is not shown, so not asked for). */
export const DIGEST_METRICS: readonly MetricName[] = [
  'conversations',
  'uniqueIps',
  'interactions',
  'averageInteractions',
  'understoodMessages',
  'totalCost',
  'averageCost',
  'totalCallDuration',
  'tokens',
  'topTopics',
  'topMisunderstoodMessages',
  'topIntents',
  'endedReason',
  'conversationByCountry',
];

/** The metrics each drill-down view needs (conversations gives the period's total for context). */
export const DRILLDOWN_METRICS: Record<DrilldownView, readonly MetricName[]> = {
  topics: ['conversations', 'topTopics'],
  misunderstood: ['conversations', 'topMisunderstoodMessages', 'understoodMessages'],
  intents: ['conversations', 'topIntents', 'understoodMessages'],
  costs: ['conversations', 'totalCost', 'averageCost', 'tokens'],
  countries: ['conversations', 'conversationByCountry'],
  ended_reasons: ['conversations', 'endedReason', 'totalCallDuration'],
};
