/**
 * How overview rows are ordered. Pure.
 *
 * 1. projects needing attention (the digest's attention rules), the most urgent first: by the `highlightScore` of
 *    each one's most important highlight, the order the digest lists them in (see `attention.ts`);
 * 2. projects whose data ChatDash didn't return (nobody can tell how they are doing);
 * 3. the other active projects;
 * 4. quiet ones (grouped at the end of the message);
 * then, within each group, the bigger project (more conversations in the period) first, then by name and key, so
 * the order is total and stable.
 */
import type { OverviewRow, RowStatus } from './types.ts';

const GROUP: Record<RowStatus, number> = { attention: 0, no_data: 1, active: 2, quiet: 3 };

/** Only within the attention group: the other groups go by size (a big move of a healthy bot is not urgent). */
const urgency = (row: OverviewRow): number => (row.status === 'attention' ? row.attention.score : 0);
const size = (row: OverviewRow): number => (row.status === 'no_data' ? 0 : row.size);

export function compareRows(a: OverviewRow, b: OverviewRow): number {
  return (
    GROUP[a.status] - GROUP[b.status] ||
    urgency(b) - urgency(a) ||
    size(b) - size(a) ||
    a.project.name.localeCompare(b.project.name, 'en') ||
    (a.project.key < b.project.key ? -1 : a.project.key > b.project.key ? 1 : 0)
  );
}

/** A ranked copy. */
export function rankRows<T extends OverviewRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareRows);
}
