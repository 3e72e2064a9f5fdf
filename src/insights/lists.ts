/**
 * Ranked lists (topics, countries, models…): merged by key, sorted, with shares and previous counts. ChatDash returns
 * top lists, so a share is of the whole the list belongs to when we know it (all misunderstood messages, all
 * conversations), and of the list's own total only when we don't.
 */
import { finite, safeSum } from './numbers.ts';
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

/**
 * What a list's shares are fractions of: `whole` (the total the list is a part of, e.g. `understoodMessages.missed`
 * for misunderstood messages) when it is a finite number at least the list's own total, else the list's total (a
 * `whole` below the list's sum means the counts don't add up that way, e.g. several topics per conversation).
 */
export function shareBase(listTotal: number, whole: number | null | undefined): { shareOf: number; shareOfWhole: boolean } {
  const w = finite(whole);
  return w !== null && w > 0 && w >= listTotal ? { shareOf: w, shareOfWhole: true } : { shareOf: listTotal, shareOfWhole: false };
}

/**
 * Build a ranked list. `entries` undefined means the metric is unavailable. `whole` is the total the list is a part
 * of (default none: shares are of the list's own total; see `shareBase`).
 */
export function rankList(
  entries: readonly RawEntry[] | undefined,
  previousEntries: readonly RawEntry[] | undefined,
  whole?: number | null,
): RankedList {
  if (entries === undefined) return { available: false, items: [], total: 0, shareOf: 0, shareOfWhole: false };
  const merged = merge(entries);
  merged.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const total = safeSum(merged.map((e) => e.count));
  const { shareOf, shareOfWhole } = shareBase(total, whole);
  const previous = previousEntries === undefined ? undefined : new Map(merge(previousEntries).map((e) => [e.key, e.count]));
  const items: RankedItem[] = merged.map((e, i) => ({
    key: e.key,
    label: e.label,
    count: e.count,
    share: shareOf > 0 ? Math.min(1, e.count / shareOf) : 0,
    rank: i + 1,
    previousCount: previous?.get(e.key) ?? null,
  }));
  return { available: true, items, total, shareOf, shareOfWhole };
}
