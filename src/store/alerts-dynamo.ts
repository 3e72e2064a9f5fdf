/**
 * The alert stores on the DynamoDB state table (key design in `keys.ts`, items in `alert-item.ts`), through the SDK's
 * document client, loaded on first use.
 *
 * - An alert is one item `ALERT#<id>`: its definition (people; `definitionVersion`) and its state (checks;
 *   `stateVersion`) are separate attributes, written by separate UpdateItems, so an edit and a check never overwrite
 *   each other. Every state write is conditional on the state version read; a definition change on the definition
 *   version read (and, when it replaces the state, on the state version read too), retried over a fresh read.
 * - The tick Queries the `due` index's `DUE#ALERT` partition (`dueAt <= now`: O(due)) and claims each alert with a
 *   conditional UpdateItem; paused alerts carry no `dueKey` and are not in the index at all.
 * - Listings Query `byChannel`, `byOwner` (`begins_with(itemKey, 'ALERT#')`) and `byKind`, a page at a time (one Query
 *   of at most a page, from the key its cursor names: `alerts-listing.ts`).
 * - Window snapshots and a project's ChatDash outage record live in its `ALERTPROJ#<ChatDash id>` partition: snapshots
 *   are read with one BatchGetItem per check and written with BatchWriteItem, and expire by TTL.
 */
import type { AlertPage, AlertStore, AlertStores, OutageStore, WindowStore } from '../alerts/store.ts';
import { AlertConflictError, AlertExistsError } from '../alerts/store.ts';
import { createLog, type Log } from '../log.ts';
import { mapLimit } from '../worker/map-limit.ts';
import { auditAlert, claimedState, createdAlert, refuseStale, savedState, updatedAlert } from './alert-changes.ts';
import {
  alertItem,
  alertReader,
  definitionAttributes,
  outageItem,
  outageReader,
  parseWindowItem,
  stateAttributes,
  type VersionedAlert,
  validOutage,
  validSnapshot,
  windowItem,
} from './alert-item.ts';
import { type AlertListing, alertListings, alertPage } from './alerts-listing.ts';
import { invalidItem } from './binding-item.ts';
import {
  countRead,
  deleteAtVersion,
  type Item,
  isConditionFailure,
  lazyDocumentClient,
  queryDue,
  queryListing,
  updateOf,
} from './dynamo-common.ts';
import { alertKey, DUE, type ItemKey, outageKey, windowKey } from './keys.ts';
import type { PageRequest, ReadStats } from './store.ts';

export interface DynamoAlertStoresOptions {
  tableName: string;
  /** Region, endpoint and credentials (default: process.env, as in Lambda). */
  env?: NodeJS.ProcessEnv;
  /** Where `store.change` and `store.invalid_item` lines go (default: stdout). */
  log?: Log;
  /** The clock, for window expiry (default: the system clock). */
  now?: () => Date;
}

export interface DynamoAlertStores extends AlertStores {
  /** Read requests sent and items they read (for `npm run bench` and tests). */
  readonly reads: ReadStats;
}

/** Tries of a read-then-conditional-write before giving up. */
const WRITE_TRIES = 4;
/** Claims sent at once by the tick. */
const CLAIM_CONCURRENCY = 16;
/** BatchGetItem takes 100 keys; BatchWriteItem 25 items. */
const BATCH_GET = 100;
const BATCH_WRITE = 25;
/** Unprocessed keys and items (throttling) are sent again this many times, after a short pause. */
const BATCH_RETRIES = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export function createDynamoAlertStores(options: DynamoAlertStoresOptions): DynamoAlertStores {
  const TableName = options.tableName;
  const log = options.log ?? createLog();
  const now = options.now ?? (() => new Date());
  const sdk = lazyDocumentClient(options.env ?? process.env);
  const reads: ReadStats = { items: 0, requests: 0 };

  const parse = alertReader(log);
  const readOutage = outageReader(log);

  async function getItem(key: ItemKey): Promise<Item | undefined> {
    const { doc, lib } = await sdk();
    const answer = await doc.send(new lib.GetCommand({ TableName, Key: key, ConsistentRead: true }));
    countRead(reads, answer);
    return answer.Item;
  }

  /** Every item of these keys that exists (BatchGetItem, unprocessed keys sent again). */
  async function getItems(keys: readonly ItemKey[], consistent: boolean): Promise<Item[]> {
    const { doc, lib } = await sdk();
    const found: Item[] = [];
    for (const chunk of chunks(keys, BATCH_GET)) {
      let pending: Item[] = chunk.map((k) => ({ pk: k.pk, sk: k.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > BATCH_RETRIES) throw new Error(`DynamoDB left ${pending.length} keys unread`);
        if (attempt > 0) await pause(50 * 2 ** attempt);
        const answer = await doc.send(
          new lib.BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ConsistentRead: consistent } } }),
        );
        const items = answer.Responses?.[TableName] ?? [];
        reads.requests++;
        reads.items += items.length;
        found.push(...items);
        pending = (answer.UnprocessedKeys?.[TableName]?.Keys ?? []) as Item[];
      }
    }
    return found;
  }

  async function putItems(items: readonly Item[]): Promise<void> {
    const { doc, lib } = await sdk();
    for (const chunk of chunks(items, BATCH_WRITE)) {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > BATCH_RETRIES) throw new Error(`DynamoDB left ${pending.length} items unwritten`);
        if (attempt > 0) await pause(50 * 2 ** attempt);
        const answer = await doc.send(new lib.BatchWriteCommand({ RequestItems: { [TableName]: pending } }));
        pending = (answer.UnprocessedItems?.[TableName] ?? []) as typeof pending;
      }
    }
  }

  /** A page of a listing: one index Query of at most a page's items, after the key its cursor names (checked first). */
  async function list(listing: AlertListing, page: PageRequest | undefined): Promise<AlertPage> {
    return alertPage(listing, await queryListing(await sdk(), TableName, listing, page, reads), parse);
  }

  /** Writes a definition change over the versions read; false when another writer got there first. */
  async function writeDefinition(current: VersionedAlert, updated: VersionedAlert, withState: boolean): Promise<boolean> {
    const { doc, lib } = await sdk();
    const fields: Record<string, unknown> = {
      definition: updated.definition,
      definitionVersion: updated.definitionVersion,
      ...definitionAttributes(updated.definition),
      ...(withState ? stateAttributes(updated.state) : {}),
    };
    const condition = withState ? '#dv = :dv AND #sv = :sv' : '#dv = :dv';
    try {
      await doc.send(
        new lib.UpdateCommand({
          TableName,
          Key: alertKey(current.definition.id),
          ...updateOf(
            fields,
            condition,
            { ':dv': current.definitionVersion, ...(withState ? { ':sv': current.state.version } : {}) },
            { '#dv': 'definitionVersion', ...(withState ? { '#sv': 'stateVersion' } : {}) },
          ),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  const store: AlertStore = {
    async create(definition, state, actor) {
      const created = createdAlert(definition, state);
      const { doc, lib } = await sdk();
      try {
        await doc.send(new lib.PutCommand({ TableName, Item: alertItem(created), ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (isConditionFailure(error)) throw new AlertExistsError(`An alert with id ${created.definition.id} already exists`);
        throw error;
      }
      auditAlert(log, actor, 'alert.create', undefined, created);
      return created;
    },

    async get(id) {
      return parse(await getItem(alertKey(id)));
    },

    async getMany(ids) {
      const items = await getItems([...new Set(ids)].map(alertKey), true);
      return items.flatMap((item) => parse(item) ?? []);
    },

    listByChannel(teamId, channelId, page) {
      return list(alertListings.byChannel(teamId, channelId), page);
    },

    listByOwner(userId, page) {
      return list(alertListings.byOwner(userId), page);
    },

    listByProject(project, page) {
      return list(alertListings.byProject(project), page);
    },

    listAll(page) {
      return list(alertListings.all(), page);
    },

    async updateDefinition(id, next, actor, updateOptions = {}) {
      for (let attempt = 1; ; attempt++) {
        const current = parse(await getItem(alertKey(id)));
        if (!current) return undefined;
        const updated = updatedAlert(current, next, updateOptions);
        if (await writeDefinition(current, updated, updateOptions.state !== undefined)) {
          auditAlert(log, actor, 'alert.update', current, updated, { stateReset: updateOptions.state !== undefined });
          return updated;
        }
        // A check wrote its state, or someone else the definition: read again (a stale expectedVersion is refused then).
        if (attempt >= WRITE_TRIES) throw new AlertConflictError(`alert ${id} kept changing while it was being updated`);
      }
    },

    async delete(id, actor, deleteOptions = {}) {
      for (let attempt = 1; ; attempt++) {
        const current = parse(await getItem(alertKey(id)));
        if (!current) return false;
        refuseStale(current, deleteOptions.expectedVersion);
        if (!(await deleteAtVersion(await sdk(), TableName, alertKey(id), 'definitionVersion', current.definitionVersion))) {
          if (attempt >= WRITE_TRIES) throw new AlertConflictError(`alert ${id} kept changing while it was being deleted`);
          continue;
        }
        auditAlert(log, actor, 'alert.delete', current, undefined);
        return true;
      }
    },

    async claimDue(at, { limit, leaseUntil }) {
      const { doc, lib } = await sdk();
      const due = await queryDue({ doc, lib }, TableName, DUE.alert, at, limit, reads, (item) => {
        const alert = parse(item);
        return alert?.definition.paused ? undefined : alert;
      });
      // Claimed over the state version read (the index may lag behind the table: a stale copy just loses).
      const claimed = await mapLimit(due, CLAIM_CONCURRENCY, async (alert) => {
        const state = claimedState(alert.state, leaseUntil);
        try {
          const answer = await doc.send(
            new lib.UpdateCommand({
              TableName,
              Key: alertKey(alert.definition.id),
              ...updateOf(
                stateAttributes(state),
                '#sv = :read AND attribute_exists(dueKey)',
                { ':read': alert.state.version },
                { '#sv': 'stateVersion' },
              ),
              ReturnValues: 'ALL_NEW',
            }),
          );
          return parse(answer.Attributes);
        } catch (error) {
          if (isConditionFailure(error)) return undefined;
          throw error;
        }
      });
      return claimed.filter((a): a is VersionedAlert => a !== undefined && !a.definition.paused);
    },

    async saveState(id, expectedVersion, next) {
      const state = savedState(next, expectedVersion);
      const { doc, lib } = await sdk();
      try {
        await doc.send(
          new lib.UpdateCommand({
            TableName,
            Key: alertKey(id),
            ...updateOf(stateAttributes(state), '#sv = :expected', { ':expected': expectedVersion }, { '#sv': 'stateVersion' }),
          }),
        );
      } catch (error) {
        // The version moved on, or the alert is gone.
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
      return state;
    },
  };

  const windows: WindowStore = {
    async get(projectId, list) {
      const keys = list.map((w) => windowKey(projectId, w));
      const unique = [...new Map(keys.map((k) => [k.sk, k])).values()];
      const bySk = new Map((await getItems(unique, false)).map((item) => [String(item.sk), item]));
      const at = now().getTime();
      return keys.map((key) => {
        const item = bySk.get(key.sk);
        if (!item) return undefined;
        const parsed = parseWindowItem(item, at);
        if (parsed.ok) return parsed.value;
        invalidItem(log, item, parsed.problem);
        return undefined;
      });
    },
    async put(snapshots) {
      const items = snapshots.map((s) => windowItem(validSnapshot(s)));
      // One item per key (BatchWriteItem refuses duplicates): the last snapshot of a window wins.
      await putItems([...new Map(items.map((item) => [`${String(item.pk)} ${String(item.sk)}`, item])).values()]);
    },
  };

  const outages: OutageStore = {
    async updateOutage(projectId, update) {
      const { doc, lib } = await sdk();
      const key = outageKey(projectId);
      for (let attempt = 1; ; attempt++) {
        const item = await getItem(key);
        const current = readOutage(item);
        const before = current?.outage;
        const after = update(before);
        if (JSON.stringify(after) === JSON.stringify(before)) return { ...(before ? { before, after: before } : {}) };
        // Over what was read: the version, or nothing (an invalid item is replaced).
        const condition = current
          ? {
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': current.version },
            }
          : item
            ? {}
            : { ConditionExpression: 'attribute_not_exists(pk)' };
        try {
          if (after === undefined) await doc.send(new lib.DeleteCommand({ TableName, Key: key, ...condition }));
          else {
            const next = outageItem(projectId, validOutage(after), (current?.version ?? 0) + 1);
            await doc.send(new lib.PutCommand({ TableName, Item: next, ...condition }));
          }
        } catch (error) {
          if (!isConditionFailure(error) || attempt >= WRITE_TRIES) throw error;
          continue;
        }
        return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
      }
    },
  };

  return { store, windows, outages, reads };
}
