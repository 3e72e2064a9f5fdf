/**
 * The in-memory twin of the alert store, for tests, the demo and the bench: the same contract as the DynamoDB one
 * (validation on write and read, change logs, conditional state writes, claims), kept as JSON copies so callers can
 * never mutate what is stored.
 */
import * as z from 'zod/mini';
import type { Log } from '../log.ts';
import type { TimeRange } from '../periods/period.ts';
import { WindowSnapshot } from './measures.ts';
import { AlertDefinition, AlertState, type StoredAlert } from './model.ts';
import { AlertExistsError, type AlertStore, SNAPSHOT_TTL_DAYS, type WindowStore } from './store.ts';

const DAY_MS = 86_400_000;

/** A stored value read back: parsed from JSON and validated, as a DynamoDB item would be. */
function read<T extends z.core.$ZodType>(schema: T, json: string, what: string): z.output<T> {
  const parsed = z.safeParse(schema, JSON.parse(json));
  if (!parsed.success) throw new Error(`Stored ${what} failed validation: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A value about to be stored: validated, then kept as JSON. */
function write<T extends z.core.$ZodType>(schema: T, value: unknown, what: string): string {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new Error(`Refusing to store an invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return JSON.stringify(parsed.data);
}

interface Row {
  definition: string;
  state: string;
}

export interface MemoryAlertStoreOptions {
  /** Change log (default: none). */
  log?: Log;
}

export function createMemoryAlertStore(options: MemoryAlertStoreOptions = {}): AlertStore {
  const rows = new Map<string, Row>();
  const log = options.log ?? (() => {});
  const load = (id: string, row: Row): StoredAlert => ({
    definition: read(AlertDefinition, row.definition, `alert ${id}`),
    state: read(AlertState, row.state, `alert state ${id}`),
  });

  return {
    async create(definition, state, actor) {
      if (rows.has(definition.id)) throw new AlertExistsError(`An alert with id ${definition.id} already exists`);
      const row = { definition: write(AlertDefinition, definition, 'alert'), state: write(AlertState, state, 'alert state') };
      rows.set(definition.id, row);
      const stored = load(definition.id, row);
      log('info', 'alert.changed', { actor, action: 'create', alertId: definition.id, before: null, after: stored.definition });
      return stored;
    },
    async get(id) {
      const row = rows.get(id);
      return row && load(id, row);
    },
    async getMany(ids) {
      return [...new Set(ids)].flatMap((id) => {
        const row = rows.get(id);
        return row ? [load(id, row)] : [];
      });
    },
    async listByChannel(teamId, channelId) {
      return [...rows.entries()]
        .map(([id, row]) => load(id, row))
        .filter((a) => a.definition.teamId === teamId && a.definition.channelId === channelId);
    },
    async updateDefinition(id, next, actor, updateOptions = {}) {
      const row = rows.get(id);
      if (!row) return undefined;
      if (next.id !== id) throw new Error('An alert keeps its id');
      const before = load(id, row);
      const updated: Row = {
        definition: write(AlertDefinition, next, 'alert'),
        state: updateOptions.state
          ? write(AlertState, { ...updateOptions.state, version: before.state.version + 1 }, 'alert state')
          : row.state,
      };
      rows.set(id, updated);
      const stored = load(id, updated);
      log('info', 'alert.changed', {
        actor,
        action: 'update',
        alertId: id,
        before: before.definition,
        after: stored.definition,
        ...(updateOptions.state ? { stateReset: true } : {}),
      });
      return stored;
    },
    async delete(id, actor) {
      const row = rows.get(id);
      if (!row) return false;
      rows.delete(id);
      log('info', 'alert.changed', { actor, action: 'delete', alertId: id, before: load(id, row).definition, after: null });
      return true;
    },
    async claimDue(now, { limit, leaseUntil }) {
      const due = [...rows.entries()]
        .map(([id, row]) => load(id, row))
        .filter((a) => !a.definition.paused && Date.parse(a.state.nextCheckAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.state.nextCheckAt) - Date.parse(b.state.nextCheckAt) || a.definition.id.localeCompare(b.definition.id))
        .slice(0, Math.max(0, limit));
      return due.map((a) => {
        const state = { ...a.state, nextCheckAt: leaseUntil.toISOString(), version: a.state.version + 1 };
        rows.set(a.definition.id, { definition: rows.get(a.definition.id)!.definition, state: write(AlertState, state, 'alert state') });
        return { definition: a.definition, state };
      });
    },
    async saveState(id, expectedVersion, next) {
      const row = rows.get(id);
      if (!row) return undefined;
      const current = read(AlertState, row.state, `alert state ${id}`);
      if (current.version !== expectedVersion) return undefined;
      const state = write(AlertState, { ...next, version: expectedVersion + 1 }, 'alert state');
      rows.set(id, { definition: row.definition, state });
      return read(AlertState, state, `alert state ${id}`);
    },
  };
}

export interface MemoryWindowStoreOptions {
  /** For expiry (default Date.now). */
  now?: () => number;
}

export function createMemoryWindowStore(options: MemoryWindowStoreOptions = {}): WindowStore & { readonly size: number } {
  const snapshots = new Map<string, { json: string; expiresAt: number }>();
  const now = options.now ?? Date.now;
  const key = (projectId: string, w: TimeRange): string => `${projectId}|${Date.parse(w.start)}|${Date.parse(w.end)}`;
  return {
    async get(projectId, windows) {
      return windows.map((w) => {
        const entry = snapshots.get(key(projectId, w));
        if (!entry || entry.expiresAt <= now()) return undefined;
        return read(WindowSnapshot, entry.json, 'window snapshot');
      });
    },
    async put(list) {
      for (const snapshot of list) {
        const expiresAt = Date.parse(snapshot.fetchedAt) + SNAPSHOT_TTL_DAYS * DAY_MS;
        snapshots.set(key(snapshot.projectId, snapshot), { json: write(WindowSnapshot, snapshot, 'window snapshot'), expiresAt });
      }
    },
    get size() {
      return snapshots.size;
    },
  };
}
