/** Ranked lists (topics, countries, models…): merged by key, sorted, with shares and previous counts. */
import { safeSum } from './numbers.ts';
import type { RankedItem, RankedList } from './types.ts';

export interface RawEntry {
  key: string;
  label: string;
  count: number;
}

function merge(entries: readonly RawEntry[]): RawEntry[] {
  const byKey = new Map<string, RawEntry>();
  for (const e of entries) {
    if (!Number.isFinite(e.count) || e.count < 0) continue;
    const seen = byKey.get(e.key);
    if (seen) seen.count = safeSum([seen.count, e.count]);
    else byKey.set(e.key, { ...e });
  }
  return [...byKey.values()];
}

/** Build a ranked list. `entries` undefined means the metric is unavailable. */
export function rankList(entries: readonly RawEntry[] | undefined, previousEntries: readonly RawEntry[] | undefined): RankedList {
  if (entries === undefined) return { available: false, items: [], total: 0 };
  const merged = merge(entries);
  merged.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const total = safeSum(merged.map((e) => e.count));
  const previous = previousEntries === undefined ? undefined : new Map(merge(previousEntries).map((e) => [e.key, e.count]));
  const items: RankedItem[] = merged.map((e, i) => ({
    key: e.key,
    label: e.label,
    count: e.count,
    share: total > 0 ? Math.min(1, e.count / total) : 0,
    rank: i + 1,
    previousCount: previous?.get(e.key) ?? null,
  }));
  return { available: true, items, total };
}
