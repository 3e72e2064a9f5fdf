/**
 * The state table in memory: the items the DynamoDB stores write (same keys, same index attributes), kept as copies,
 * for the in-memory twins of the state store (`memory.ts`) and the alert stores (`alerts-memory.ts`). Several stores
 * may share one table, as they share the DynamoDB table. With `file`, the items are also saved to a JSON file after
 * every change and loaded at start (for `npm run dev`: state that survives a restart); bookkeeping worth nothing after
 * a restart (pacing slots, window snapshots) is put `transient` and never saved.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ItemKey } from './keys.ts';
import { type Listing, type ListingRead, startOf } from './listing.ts';
import { type PageRequest, pageSize, type ReadStats } from './store.ts';

export type Item = Record<string, unknown>;

export interface MemoryTable {
  /** A copy of the item, if there is one. */
  get(key: ItemKey): Item | undefined;
  has(key: ItemKey): boolean;
  /** Stores a copy (replacing any item with its key); saved to the file unless `transient`. */
  put(item: Item, options?: { transient?: boolean }): void;
  remove(key: ItemKey): void;
  /**
   * Copies of the items whose `pkAttr` is `pkValue` and that have a string `skAttr` (an index partition, or a base
   * table partition with `pk`/`sk`), in sort-key order; only those whose sort key begins with `prefix` when given.
   */
  partition(pkAttr: string, pkValue: string, skAttr: string, prefix?: string): Item[];
  clear(): void;
  readonly size: number;
}

const keyOf = (pk: unknown, sk: unknown) => `${String(pk)}\u0000${String(sk)}`;
const copy = <T>(value: T): T => structuredClone(value);

export function createMemoryTable(options: { file?: string } = {}): MemoryTable {
  const items = new Map<string, Item>();
  const transient = new Set<string>();
  const { file } = options;

  if (file && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown };
    for (const item of Array.isArray(saved.items) ? saved.items : []) {
      if (typeof item === 'object' && item !== null && 'pk' in item && 'sk' in item) items.set(keyOf(item.pk, item.sk), item as Item);
    }
  }

  function save(): void {
    if (!file) return;
    const kept = [...items.entries()].filter(([key]) => !transient.has(key)).map(([, item]) => item);
    const temp = `${file}.tmp`;
    writeFileSync(temp, `${JSON.stringify({ items: kept }, null, 1)}\n`);
    renameSync(temp, file);
  }

  return {
    get(key) {
      const item = items.get(keyOf(key.pk, key.sk));
      return item && copy(item);
    },
    has(key) {
      return items.has(keyOf(key.pk, key.sk));
    },
    put(item, putOptions = {}) {
      const key = keyOf(item.pk, item.sk);
      items.set(key, copy(item));
      if (putOptions.transient) {
        transient.add(key);
        return;
      }
      transient.delete(key);
      save();
    },
    remove(key) {
      const k = keyOf(key.pk, key.sk);
      items.delete(k);
      if (!transient.delete(k)) save();
    },
    partition(pkAttr, pkValue, skAttr, prefix) {
      return [...items.values()]
        .filter(
          (item) => item[pkAttr] === pkValue && typeof item[skAttr] === 'string' && (!prefix || String(item[skAttr]).startsWith(prefix)),
        )
        .sort((a, b) => compareItems(a, b, skAttr))
        .map(copy);
    },
    clear() {
      items.clear();
      transient.clear();
      save();
    },
    get size() {
      return items.size;
    },
  };
}

const sharedTables = new Map<string, MemoryTable>();

/**
 * The one table of this process kept in `file`: the stores made from the environment (`STATE_FILE`) share it, so the
 * state store and the alert stores never overwrite each other's items in the file.
 */
export function memoryTableForFile(file: string): MemoryTable {
  const path = resolve(file);
  let table = sharedTables.get(path);
  if (!table) {
    table = createMemoryTable({ file: path });
    sharedTables.set(path, table);
  }
  return table;
}

/** A page of a listing, after the key its cursor names (checked first), read as the DynamoDB stores' one Query. */
export function readListing(table: MemoryTable, listing: Listing, page: PageRequest | undefined, reads: ReadStats): ListingRead {
  const start = page?.cursor ? startOf(listing, page.cursor) : undefined;
  const limit = pageSize(page);
  const matching = table.partition(listing.pkAttr, listing.pkValue, listing.skAttr, listing.prefix);
  const from = start ? matching.findIndex((item) => compareItems(item, start, listing.skAttr) > 0) : 0;
  const items = from < 0 ? [] : matching.slice(from, from + limit);
  reads.requests++;
  reads.items += items.length;
  return { items, more: from >= 0 && from + limit < matching.length };
}

/** Sort order of an index: its sort key, then the table key (as DynamoDB orders equal sort keys, deterministically). */
export function compareItems(a: Item, b: Item, skAttr: string): number {
  const x = String(a[skAttr]);
  const y = String(b[skAttr]);
  if (x !== y) return x < y ? -1 : 1;
  const ka = keyOf(a.pk, a.sk);
  const kb = keyOf(b.pk, b.sk);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
