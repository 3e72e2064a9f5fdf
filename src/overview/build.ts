/** Project outcomes → the overview model: each project classified, rows ranked, quiet and loading set apart. Pure. */
import { DEFAULT_THRESHOLDS } from '../insights/highlights.ts';
import type { Insights } from '../insights/types.ts';
import type { Period } from '../periods/period.ts';
import { type Attention, attentionOf } from './attention.ts';
import { rankRows } from './rank.ts';
import type { DataRow, DataStatus, OverviewModel, OverviewRow, ProjectOutcome } from './types.ts';

/** Below this many conversations, a project with nothing to mention is quiet: the digest's own "too small to compare". */
export const QUIET_BELOW = DEFAULT_THRESHOLDS.moverMinimum;

export interface BuildOverviewOptions {
  /** Conversations under which a project with nothing notable counts as quiet (default `QUIET_BELOW`). */
  quietBelow?: number;
}

/** See `DataStatus`: attention first; no conversations is quiet; small and unremarkable is quiet; else active. */
export function classify(insights: Insights, attention: Attention, quietBelow: number = QUIET_BELOW): DataStatus {
  if (attention.needed) return 'attention';
  if (insights.isEmpty) return 'quiet';
  const conversations = insights.headline.conversations.value;
  if (conversations !== null && conversations < quietBelow && !attention.top) return 'quiet';
  return 'active';
}

export function dataRow(outcome: Extract<ProjectOutcome, { status: 'ok' }>, quietBelow?: number): DataRow {
  const attention = attentionOf(outcome.insights);
  return {
    status: classify(outcome.insights, attention, quietBelow),
    project: outcome.project,
    insights: outcome.insights,
    attention,
    size: outcome.insights.headline.conversations.value ?? 0,
  };
}

export function buildOverview(outcomes: readonly ProjectOutcome[], period: Period, options: BuildOverviewOptions = {}): OverviewModel {
  const rows: OverviewRow[] = [];
  const quiet: DataRow[] = [];
  const loading: OverviewModel['loading'] = [];
  let hasPrevious = false;
  for (const outcome of outcomes) {
    if (outcome.status === 'loading') {
      loading.push(outcome.project);
    } else if (outcome.status === 'failed') {
      rows.push({ status: 'no_data', project: outcome.project, reason: outcome.reason });
    } else {
      const row = dataRow(outcome, options.quietBelow);
      hasPrevious ||= outcome.insights.hasPrevious;
      (row.status === 'quiet' ? quiet : rows).push(row);
    }
  }
  return { period, rows: rankRows(rows), quiet: rankRows(quiet), loading, hasPrevious };
}

/**
 * Nothing came back, and for reasons that may pass (ChatDash slow, down or rate limiting): a scheduled overview
 * is better retried later than posted with no numbers at all.
 */
export function worthRetrying(outcomes: readonly ProjectOutcome[]): boolean {
  return (
    outcomes.length > 0 &&
    outcomes.every((o) => o.status !== 'ok') &&
    outcomes.some((o) => o.status === 'loading' || (o.status === 'failed' && o.transient))
  );
}
