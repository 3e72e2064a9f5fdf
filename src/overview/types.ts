/** The agency overview's model: one outcome per project, then rows ranked by what needs attention. Plain data. */
import type { ChatDashErrorKind } from '../chatdash/errors.ts';
import type { Insights } from '../insights/types.ts';
import type { Period } from '../periods/period.ts';
import type { Attention } from './attention.ts';

/** A configured project as the overview shows it (its name is untrusted display text: escape it). */
export interface OverviewProject {
  key: string;
  id: string;
  name: string;
}

/** Why a project has no data: a ChatDash failure kind, or `internal` (a bug on our side, logged). */
export type NoDataReason = ChatDashErrorKind | 'internal';

/** What fetching one project's two periods gave. */
export type ProjectOutcome =
  | { project: OverviewProject; status: 'ok'; insights: Insights }
  /** `transient`: a later try may well succeed (ChatDash down, slow or rate limiting). */
  | { project: OverviewProject; status: 'failed'; reason: NoDataReason; transient: boolean }
  /** Still unanswered when the time budget ran out. */
  | { project: OverviewProject; status: 'loading' };

/**
 * - `attention`: at least one of the digest's attention rules fires;
 * - `quiet`: nothing needs attention, and there were no conversations, or fewer than the quiet threshold
 *   (10 by default: the digest's `moverMinimum`) and nothing changed enough to mention;
 * - `active`: everything else with data.
 */
export type DataStatus = 'attention' | 'active' | 'quiet';

export interface DataRow {
  status: DataStatus;
  project: OverviewProject;
  insights: Insights;
  attention: Attention;
  /** Conversations in the period (0 when unavailable): the "size" rows are ranked by after attention. */
  size: number;
}

export interface NoDataRow {
  status: 'no_data';
  project: OverviewProject;
  reason: NoDataReason;
}

export type OverviewRow = DataRow | NoDataRow;
export type RowStatus = OverviewRow['status'];

export interface OverviewModel {
  period: Period;
  /** Ranked (see rank.ts): projects needing attention, then those without data, then the active ones. */
  rows: OverviewRow[];
  /** Quiet projects, ranked the same way (largest first). */
  quiet: DataRow[];
  /** Projects still unanswered when the budget ran out, in the order they were asked for. */
  loading: OverviewProject[];
  /** Some project had a previous period to compare with. */
  hasPrevious: boolean;
}
