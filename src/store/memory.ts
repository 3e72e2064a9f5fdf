/**
 * The state store in memory: the DynamoDB store's twin for the demo, local runs and tests (the same contract tests
 * run against both). It keeps the very items the DynamoDB store writes (same keys, same index attributes) in a
 * memory table (`memory-table.ts`, which the alert stores may share) and answers the same queries over them, so it
 * reads and fails the same way. With `file`, the items are also saved to a JSON file after every change and loaded
 * at start (for `npm run dev`: state that survives a restart).
 */
import { createLog, type Log } from '../log.ts';
import { auditChange } from './audit.ts';
import { bindingItem, parseBindingItem, type RuntimeBinding, readBindings } from './binding-item.ts';
import { bindingKey, channelPk, DUE, pacerKey, SK, sendNowKey, subscriptionKey, subscriptionStateKey } from './keys.ts';
import { type Listing, pageOf } from './listing.ts';
import { createMemoryTable, type Item, type MemoryTable, readListing } from './memory-table.ts';
import { subscriptionReader } from './read.ts';
import { stateListings } from './state-listings.ts';
import {
  type Actor,
  type NewSubscription,
  type PageRequest,
  type ReadStats,
  type RecordDeliveryOptions,
  type StateStore,
  StoreError,
  type SubscriptionPatch,
  type SubscriptionRef,
  systemActor,
} from './store.ts';
import {
  type Delivery,
  dueAttributes,
  type PauseReason,
  type RuntimeSubscription,
  subscriptionItem,
  subscriptionStateItem,
  validDelivery,
} from './subscription-item.ts';
import { auditView, createdSubscription, patchedSubscription, pausedSubscription, resumedSubscription } from './transitions.ts';

export interface MemoryStoreOptions {
  /** Where `store.change` and `store.invalid_item` lines go (default: stdout). */
  log?: Log;
  /** The clock (default: the system clock). */
  now?: () => Date;
  /** Keep the items in this JSON file too: loaded at start, rewritten after every change (default: memory only). */
  file?: string;
  /** The table to keep the items in, shared with other stores (default: a table of its own, in `file` if given). */
  table?: MemoryTable;
}

export interface MemoryStore extends StateStore {
  readonly kind: 'memory';
  /** Writes an item as is, unvalidated (tests: what an invalid stored item does). */
  putRawItem(item: Item): void;
  /** How many items it holds. */
  readonly size: number;
  /** Forgets every item and the read counts (tests: a fresh store between tests). */
  clear(): void;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const log = options.log ?? createLog();
  const now = options.now ?? (() => new Date());
  const table = options.table ?? createMemoryTable(options.file ? { file: options.file } : {});
  const reads: ReadStats = { items: 0, requests: 0 };

  const put = (item: Item): void => table.put(item);
  const remove = (pk: string, sk: string): void => table.remove({ pk, sk });
  const raw = (pk: string, sk: string): Item | undefined => table.get({ pk, sk });

  const read = subscriptionReader(log);
  const readSubscription = read.subscription;

  function current(id: string, expectedVersion: number | undefined): RuntimeSubscription {
    reads.requests++;
    const { pk, sk } = subscriptionKey(id);
    const found = readSubscription(raw(pk, sk));
    if (!found) throw new StoreError('not_found', `no subscription ${id}`);
    reads.items++;
    if (expectedVersion !== undefined && found.version !== expectedVersion) {
      throw new StoreError('version_conflict', `subscription ${id} is at version ${found.version}, not ${expectedVersion}`);
    }
    return found;
  }

  /** A person's change: everything but the last delivery comes from `next` (nothing else can change it meanwhile here). */
  function writeVersioned(before: RuntimeSubscription, next: RuntimeSubscription): RuntimeSubscription {
    const stored = { ...next, ...(before.lastDelivery ? { lastDelivery: before.lastDelivery } : {}) };
    put(subscriptionItem(stored));
    return stored;
  }

  /** A page of a listing, read as the DynamoDB store's one Query (a refused cursor reads nothing). */
  const list = (listing: Listing, page: PageRequest | undefined) =>
    pageOf(listing, readListing(table, listing, page, reads), readSubscription);

  const readBindingItems = (list: Item[]) => readBindings(list, log);

  const store: MemoryStore = {
    kind: 'memory',
    reads,
    get size() {
      return table.size;
    },
    putRawItem(item) {
      put(item);
    },
    clear() {
      table.clear();
      reads.items = 0;
      reads.requests = 0;
    },

    async createSubscription(input: NewSubscription, actor: Actor) {
      let created = createdSubscription(input, actor, now());
      while (table.has(subscriptionKey(created.id))) created = createdSubscription(input, actor, now());
      put(subscriptionItem(created));
      auditChange(log, actor, 'subscription.create', created.id, undefined, auditView(created));
      return created;
    },

    async getSubscription(id) {
      reads.requests++;
      const { pk, sk } = subscriptionKey(id);
      const found = readSubscription(raw(pk, sk));
      if (found) reads.items++;
      return found;
    },

    async updateSubscription(id, patch: SubscriptionPatch, actor, expectedVersion) {
      const before = current(id, expectedVersion);
      const after = writeVersioned(before, patchedSubscription(before, patch, actor, now()));
      auditChange(log, actor, 'subscription.update', id, auditView(before), auditView(after));
      return after;
    },

    async pauseSubscription(id, reason: PauseReason, actor, expectedVersion) {
      const before = current(id, expectedVersion);
      if (before.paused) return before;
      const after = writeVersioned(before, pausedSubscription(before, reason, actor, now()));
      auditChange(log, actor, 'subscription.pause', id, auditView(before), auditView(after));
      return after;
    },

    async resumeSubscription(id, actor, expectedVersion) {
      const before = current(id, expectedVersion);
      if (!before.paused) return before;
      const after = writeVersioned(before, resumedSubscription(before, actor, now()));
      auditChange(log, actor, 'subscription.resume', id, auditView(before), auditView(after));
      return after;
    },

    async deleteSubscription(id, actor, expectedVersion) {
      const before = current(id, expectedVersion);
      const { pk, sk } = subscriptionKey(id);
      remove(pk, sk);
      auditChange(log, actor, 'subscription.delete', id, auditView(before), undefined);
      return before;
    },

    async listByChannel(channel, page) {
      return list(stateListings.subscriptionsByChannel(channel), page);
    },

    async listByOwner(userId, page) {
      return list(stateListings.subscriptionsByOwner(userId), page);
    },

    async listAll(page) {
      return list(stateListings.subscriptions(), page);
    },

    async dueSubscriptions(at, limit) {
      const cutoff = at.toISOString();
      const due = table
        .partition('dueKey', DUE.subscription, 'dueAt')
        .filter((item) => String(item.dueAt) <= cutoff)
        .slice(0, Math.max(0, limit));
      reads.requests++;
      reads.items += due.length;
      return due.flatMap((item) => readSubscription(item) ?? []);
    },

    async advanceNextRun(id, from, to) {
      const { pk, sk } = subscriptionKey(id);
      const item = raw(pk, sk);
      if (!item || item.nextRunAt !== from || item.paused !== undefined) return false;
      const { nextRunAt: _n, dueKey: _k, dueAt: _a, ...rest } = item;
      put({ ...rest, ...(to !== undefined ? { nextRunAt: to } : {}), ...dueAttributes(to) });
      auditChange(log, systemActor('schedule'), 'subscription.advance', id, { nextRunAt: from }, { nextRunAt: to });
      return true;
    },

    async recordDelivery(
      ref: SubscriptionRef,
      delivery: Delivery,
      actor: Actor = systemActor('worker'),
      options: RecordDeliveryOptions = {},
    ) {
      const checked = validDelivery(delivery);
      const since = options.onlyIfNoneSince;
      const newer = (last: unknown) => {
        const at = (last as { at?: unknown } | undefined)?.at;
        return since !== undefined && typeof at === 'string' && at >= since;
      };
      if (ref.source === 'runtime') {
        const { pk, sk } = subscriptionKey(ref.id);
        const item = raw(pk, sk);
        if (!item || newer(item.lastDelivery)) return false;
        put({ ...item, lastDelivery: checked });
        auditChange(log, actor, 'subscription.delivery', ref.id, { lastDelivery: item.lastDelivery }, { lastDelivery: checked });
        return true;
      }
      const { pk, sk } = subscriptionStateKey(ref.id);
      const before = raw(pk, sk);
      if (newer(before?.lastDelivery)) return false;
      put(subscriptionStateItem({ name: ref.id, lastDelivery: checked }));
      auditChange(log, actor, 'subscription.delivery', ref.id, { lastDelivery: before?.lastDelivery }, { lastDelivery: checked });
      return true;
    },

    async configDelivery(name) {
      reads.requests++;
      const { pk, sk } = subscriptionStateKey(name);
      const item = raw(pk, sk);
      if (item) reads.items++;
      return read.configDelivery(item);
    },

    async bindChannel(channel, project, actor) {
      if (actor.type !== 'user') throw new TypeError('only a person can bind a channel');
      const { pk, sk } = bindingKey(channel, project);
      const existing = raw(pk, sk);
      const parsed = existing ? parseBindingItem(existing) : undefined;
      if (parsed?.ok) return { created: false, binding: parsed.binding };
      const binding: RuntimeBinding = { channel, project, createdAt: now().toISOString(), createdBy: actor.userId };
      const item = bindingItem(binding);
      if (!parseBindingItem(item).ok) throw new TypeError(`invalid binding ${channel} → ${project}`);
      put(item);
      auditChange(log, actor, 'binding.create', `${channel}/${project}`, undefined, { channel, project });
      return { created: true, binding };
    },

    async unbindChannel(channel, project, actor) {
      const { pk, sk } = bindingKey(channel, project);
      if (!raw(pk, sk)) return false;
      remove(pk, sk);
      auditChange(log, actor, 'binding.delete', `${channel}/${project}`, { channel, project }, undefined);
      return true;
    },

    async bindingsOf(channel) {
      const found = table.partition('pk', channelPk(channel), 'sk', SK.bindingPrefix);
      reads.requests++;
      reads.items += found.length;
      return readBindingItems(found);
    },

    async listBindings(page) {
      const listing = stateListings.bindings();
      return pageOf(listing, readListing(table, listing, page, reads), (item) => readBindingItems([item])[0]);
    },

    async claimSendNow(ref, key, nowMs, windowMs) {
      const { pk, sk } = sendNowKey(ref.id);
      const existing = raw(pk, sk);
      const claimedAt = typeof existing?.claimedAt === 'number' ? existing.claimedAt : undefined;
      if (existing && claimedAt !== undefined && claimedAt >= nowMs - windowMs && existing.claimKey !== key) {
        return { ok: false, claimedAt };
      }
      put({ pk, sk, entity: 'send_now_claim', claimKey: key, claimedAt: nowMs, expiresAt: Math.ceil((nowMs + windowMs) / 1000) + 3600 });
      return { ok: true };
    },

    async releaseSendNow(ref, key) {
      const { pk, sk } = sendNowKey(ref.id);
      if (raw(pk, sk)?.claimKey === key) remove(pk, sk);
    },

    async nextFreeSlot(channel) {
      const { pk, sk } = pacerKey(channel);
      const nextFree = Number(raw(pk, sk)?.nextFreeAt ?? 0);
      return Number.isFinite(nextFree) ? nextFree : 0;
    },

    async reserveSlot(channel, { nowMs, intervalMs, maxWaitMs }) {
      const { pk, sk } = pacerKey(channel);
      const nextFree = Number(raw(pk, sk)?.nextFreeAt ?? 0);
      const at = Math.max(nowMs, Number.isFinite(nextFree) ? nextFree : 0);
      if (at - nowMs > maxWaitMs) return { ok: false, retryInMs: at - nowMs };
      // Not saved to the file: pacing state is worth nothing after a restart.
      table.put(
        { pk, sk, entity: 'pacer', nextFreeAt: at + intervalMs, expiresAt: Math.ceil((at + intervalMs) / 1000) + 3600 },
        { transient: true },
      );
      return { ok: true, at };
    },
  };
  return store;
}
