/**
 * How overview rows are ordered. Pure.
 *
 * 1. projects needing attention (the digest's attention rules), more rules firing first;
 * 2. projects whose data ChatDash didn't return (nobody can tell how they are doing);
 * 3. the other active projects;
 * 4. quiet ones (grouped at the end of the message);
 * within each group the bigger project (more conversations in the period) first, then by name and key, so the
 * order is total and stable.
 */
import type { OverviewRow, RowStatus } from './types.ts';

const GROUP: Record<RowStatus, number> = { attention: 0, no_data: 1, active: 2, quiet: 3 };

const level = (row: OverviewRow): number => (row.status === 'no_data' ? 0 : row.attention.level);
const size = (row: OverviewRow): number => (row.status === 'no_data' ? 0 : row.size);

export function compareRows(a: OverviewRow, b: OverviewRow): number {
  return (
    GROUP[a.status] - GROUP[b.status] ||
    level(b) - level(a) ||
    size(b) - size(a) ||
    a.project.name.localeCompare(b.project.name, 'en') ||
    (a.project.key < b.project.key ? -1 : a.project.key > b.project.key ? 1 : 0)
  );
}

/** A ranked copy. */
export function rankRows<T extends OverviewRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareRows);
}
