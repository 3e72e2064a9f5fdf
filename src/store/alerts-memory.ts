/**
 * The alert stores in memory: the DynamoDB ones' twin (`alerts-dynamo.ts`; one contract suite runs against both) for
 * tests, the demo, the bench and `npm run dev`. They keep the very items the DynamoDB stores write, in a memory table
 * that the state store may share (`npm run dev` keeps both in `STATE_FILE`; window snapshots are never saved there:
 * after a restart ChatDash is asked again).
 */

import type { AlertPage, AlertStore, AlertStores, OutageStore, WindowStore } from '../alerts/store.ts';
import { AlertExistsError } from '../alerts/store.ts';
import { createLog, type Log } from '../log.ts';
import { auditAlert, claimedState, createdAlert, refuseStale, savedState, updatedAlert } from './alert-changes.ts';
import {
  alertItem,
  alertReader,
  outageItem,
  outageReader,
  parseWindowItem,
  type VersionedAlert,
  validOutage,
  validSnapshot,
  windowItem,
} from './alert-item.ts';
import { type AlertListing, alertListings, alertPage } from './alerts-listing.ts';
import { invalidItem } from './binding-item.ts';
import { alertKey, DUE, outageKey, windowKey } from './keys.ts';
import { createMemoryTable, type MemoryTable, readListing } from './memory-table.ts';
import type { PageRequest, ReadStats } from './store.ts';

export interface MemoryAlertStoresOptions {
  /** Where `store.change` and `store.invalid_item` lines go (default: stdout). */
  log?: Log;
  /** The clock, for window expiry (default: the system clock). */
  now?: () => Date;
  /** The table to keep the items in, shared with the state store (default: a table of its own, in memory only). */
  table?: MemoryTable;
}

export interface MemoryAlertStores extends AlertStores {
  /** Requests and items read, counted as the DynamoDB stores count them. */
  readonly reads: ReadStats;
  readonly table: MemoryTable;
}

export function createMemoryAlertStores(options: MemoryAlertStoresOptions = {}): MemoryAlertStores {
  const log = options.log ?? createLog();
  const now = options.now ?? (() => new Date());
  const table = options.table ?? createMemoryTable();
  const reads: ReadStats = { items: 0, requests: 0 };

  const parse = alertReader(log);
  const readOutage = outageReader(log);
  const read = (id: string): VersionedAlert | undefined => {
    const item = table.get(alertKey(id));
    reads.requests++;
    if (item) reads.items++;
    return parse(item);
  };
  /** A page of a listing, after the key its cursor names (checked first), read as the DynamoDB store's one Query. */
  const list = (listing: AlertListing, page: PageRequest | undefined): AlertPage =>
    alertPage(listing, readListing(table, listing, page, reads), parse);

  const store: AlertStore = {
    async create(definition, state, actor) {
      const created = createdAlert(definition, state);
      if (table.has(alertKey(created.definition.id)))
        throw new AlertExistsError(`An alert with id ${created.definition.id} already exists`);
      table.put(alertItem(created));
      auditAlert(log, actor, 'alert.create', undefined, created);
      return created;
    },
    async get(id) {
      return read(id);
    },
    async getMany(ids) {
      return [...new Set(ids)].flatMap((id) => read(id) ?? []);
    },
    async listByChannel(teamId, channelId, page) {
      return list(alertListings.byChannel(teamId, channelId), page);
    },
    async listByOwner(userId, page) {
      return list(alertListings.byOwner(userId), page);
    },
    async listByProject(project, page) {
      return list(alertListings.byProject(project), page);
    },
    async listAll(page) {
      return list(alertListings.all(), page);
    },
    async updateDefinition(id, next, actor, updateOptions = {}) {
      const current = read(id);
      if (!current) return undefined;
      const updated = updatedAlert(current, next, updateOptions);
      table.put(alertItem(updated));
      auditAlert(log, actor, 'alert.update', current, updated, { stateReset: updateOptions.state !== undefined });
      return updated;
    },
    async delete(id, actor, deleteOptions = {}) {
      const current = read(id);
      if (!current) return false;
      refuseStale(current, deleteOptions.expectedVersion);
      table.remove(alertKey(id));
      auditAlert(log, actor, 'alert.delete', current, undefined);
      return true;
    },
    async claimDue(at, { limit, leaseUntil }) {
      const cutoff = at.toISOString();
      const due = table.partition('dueKey', DUE.alert, 'dueAt').filter((item) => String(item.dueAt) <= cutoff);
      reads.requests++;
      const claimed: VersionedAlert[] = [];
      for (const item of due) {
        if (claimed.length >= Math.max(0, limit)) break;
        reads.items++;
        const alert = parse(item);
        if (!alert || alert.definition.paused) continue;
        const next = { ...alert, state: claimedState(alert.state, leaseUntil) };
        table.put(alertItem(next));
        claimed.push(next);
      }
      return claimed;
    },
    async saveState(id, expectedVersion, next) {
      const current = parse(table.get(alertKey(id)));
      if (!current || current.state.version !== expectedVersion) return undefined;
      const state = savedState(next, expectedVersion);
      table.put(alertItem({ ...current, state }));
      return state;
    },
  };

  const windows: WindowStore = {
    async get(projectId, list) {
      reads.requests++;
      return list.map((w) => {
        const item = table.get(windowKey(projectId, w));
        if (!item) return undefined;
        reads.items++;
        const parsed = parseWindowItem(item, now().getTime());
        if (parsed.ok) return parsed.value;
        invalidItem(log, item, parsed.problem);
        return undefined;
      });
    },
    async put(snapshots) {
      const items = snapshots.map((s) => windowItem(validSnapshot(s)));
      for (const item of items) table.put(item, { transient: true });
    },
  };

  const outages: OutageStore = {
    async updateOutage(projectId, update) {
      const key = outageKey(projectId);
      const item = table.get(key);
      reads.requests++;
      if (item) reads.items++;
      const current = readOutage(item);
      const before = current?.outage;
      const after = update(before);
      if (JSON.stringify(after) === JSON.stringify(before)) return { ...(before ? { before, after: before } : {}) };
      if (after === undefined) table.remove(key);
      else table.put(outageItem(projectId, validOutage(after), (current?.version ?? 0) + 1));
      return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
    },
  };

  return { store, windows, outages, reads, table };
}
