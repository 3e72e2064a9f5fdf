/**
 * The state store in DynamoDB (the `StateTable` of serverless.yml; key design in `keys.ts`), through the AWS SDK's
 * document client, loaded on first use (the Lambda runtime provides `@aws-sdk/*`; the bundles leave it out).
 *
 * Conditional writes keep it consistent under concurrency: a person's change names the version it started from; the
 * tick advances a next run only from the value it read (and never on a paused item); a Send-now claim and a
 * pacer slot are taken only if free. A failed condition is re-read once to tell `not_found` from `version_conflict`.
 */
import { createLog, type Log } from '../log.ts';
import { auditChange } from './audit.ts';
import { bindingItem, parseBindingItem, type RuntimeBinding, readBindings } from './binding-item.ts';
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
import { bindingKey, channelPk, DUE, type ItemKey, pacerKey, SK, sendNowKey, subscriptionKey, subscriptionStateKey } from './keys.ts';
import { type Listing, pageOf } from './listing.ts';
import { subscriptionReader } from './read.ts';
import { stateListings } from './state-listings.ts';
import {
  type Actor,
  type NewSubscription,
  type PageRequest,
  type PostSlot,
  type ReadStats,
  type RecordDeliveryOptions,
  type SendNowClaim,
  type StateStore,
  StoreError,
  type SubscriptionRef,
  systemActor,
} from './store.ts';
import {
  type Delivery,
  dueAttributes,
  type RuntimeSubscription,
  subscriptionItem,
  subscriptionStateItem,
  validDelivery,
} from './subscription-item.ts';
import {
  auditView,
  createdSubscription,
  patchedSubscription,
  pausedSubscription,
  resumedSubscription,
  VERSIONED_FIELDS,
} from './transitions.ts';

export interface DynamoStoreOptions {
  tableName: string;
  /** Region, endpoint and credentials (default: process.env, as in Lambda). */
  env?: NodeJS.ProcessEnv;
  /** Where `store.change` and `store.invalid_item` lines go (default: stdout). */
  log?: Log;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

/** Tries of the pacer's read-then-conditional-write before it gives up and says "retry in a moment". */
const PACER_TRIES = 5;

export function createDynamoStore(options: DynamoStoreOptions): StateStore {
  const TableName = options.tableName;
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  const now = options.now ?? (() => new Date());
  const reads: ReadStats = { items: 0, requests: 0 };

  const sdk = lazyDocumentClient(env);

  const read = subscriptionReader(log);
  const readSubscription = read.subscription;

  const readBindingItems = (list: Item[]) => readBindings(list, log);

  async function get(key: ItemKey): Promise<Item | undefined> {
    const { doc, lib } = await sdk();
    const answer = await doc.send(new lib.GetCommand({ TableName, Key: key, ConsistentRead: true }));
    countRead(reads, answer);
    return answer.Item;
  }

  async function current(id: string, expectedVersion: number | undefined): Promise<RuntimeSubscription> {
    const found = readSubscription(await get(subscriptionKey(id)));
    if (!found) throw new StoreError('not_found', `no subscription ${id}`);
    if (expectedVersion !== undefined && found.version !== expectedVersion) {
      throw new StoreError('version_conflict', `subscription ${id} is at version ${found.version}, not ${expectedVersion}`);
    }
    return found;
  }

  /** Writes a person's change (or a pause) if the item is still at `before.version`; the last delivery is untouched. */
  async function writeVersioned(before: RuntimeSubscription, next: RuntimeSubscription): Promise<RuntimeSubscription> {
    const { doc, lib } = await sdk();
    const fields: Record<string, unknown> = {};
    for (const field of VERSIONED_FIELDS) fields[field] = next[field];
    const due = dueAttributes(next.nextRunAt);
    fields.dueKey = due.dueKey;
    fields.dueAt = due.dueAt;
    fields.kindSort = subscriptionItem(next).kindSort;
    try {
      await doc.send(
        new lib.UpdateCommand({
          TableName,
          Key: subscriptionKey(before.id),
          ...updateOf(fields, '#version = :expected', { ':expected': before.version }, { '#version': 'version' }),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await current(before.id, before.version);
      throw new StoreError('version_conflict', `subscription ${before.id} changed meanwhile`);
    }
    return { ...next, ...(before.lastDelivery ? { lastDelivery: before.lastDelivery } : {}) };
  }

  /** A page of a listing (one Query; a refused cursor sends nothing). */
  const list = async (listing: Listing, page: PageRequest | undefined) => queryListing(await sdk(), TableName, listing, page, reads);

  return {
    kind: 'dynamodb',
    reads,

    async createSubscription(input: NewSubscription, actor: Actor) {
      const { doc, lib } = await sdk();
      for (let attempt = 1; ; attempt++) {
        const created = createdSubscription(input, actor, now());
        try {
          await doc.send(
            new lib.PutCommand({ TableName, Item: subscriptionItem(created), ConditionExpression: 'attribute_not_exists(pk)' }),
          );
        } catch (error) {
          // A random id that is taken (about never): draw another.
          if (isConditionFailure(error) && attempt < 3) continue;
          throw error;
        }
        auditChange(log, actor, 'subscription.create', created.id, undefined, auditView(created));
        return created;
      }
    },

    async getSubscription(id) {
      return readSubscription(await get(subscriptionKey(id)));
    },

    async updateSubscription(id, patch, actor, expectedVersion) {
      const before = await current(id, expectedVersion);
      const after = await writeVersioned(before, patchedSubscription(before, patch, actor, now()));
      auditChange(log, actor, 'subscription.update', id, auditView(before), auditView(after));
      return after;
    },

    async pauseSubscription(id, reason, actor, expectedVersion) {
      const before = await current(id, expectedVersion);
      if (before.paused) return before;
      const after = await writeVersioned(before, pausedSubscription(before, reason, actor, now()));
      auditChange(log, actor, 'subscription.pause', id, auditView(before), auditView(after));
      return after;
    },

    async resumeSubscription(id, actor, expectedVersion) {
      const before = await current(id, expectedVersion);
      if (!before.paused) return before;
      const after = await writeVersioned(before, resumedSubscription(before, actor, now()));
      auditChange(log, actor, 'subscription.resume', id, auditView(before), auditView(after));
      return after;
    },

    async deleteSubscription(id, actor, expectedVersion) {
      const before = await current(id, expectedVersion);
      if (!(await deleteAtVersion(await sdk(), TableName, subscriptionKey(id), 'version', before.version))) {
        await current(id, before.version);
        throw new StoreError('version_conflict', `subscription ${id} changed meanwhile`);
      }
      auditChange(log, actor, 'subscription.delete', id, auditView(before), undefined);
      return before;
    },

    async listByChannel(channel, page) {
      const listing = stateListings.subscriptionsByChannel(channel);
      return pageOf(listing, await list(listing, page), readSubscription);
    },

    async listByOwner(userId, page) {
      const listing = stateListings.subscriptionsByOwner(userId);
      return pageOf(listing, await list(listing, page), readSubscription);
    },

    async listAll(page) {
      const listing = stateListings.subscriptions();
      return pageOf(listing, await list(listing, page), readSubscription);
    },

    async dueSubscriptions(at, limit) {
      return queryDue(await sdk(), TableName, DUE.subscription, at, limit, reads, readSubscription);
    },

    async advanceNextRun(id, from, to) {
      const { doc, lib } = await sdk();
      const due = dueAttributes(to);
      try {
        await doc.send(
          new lib.UpdateCommand({
            TableName,
            Key: subscriptionKey(id),
            ...updateOf(
              { nextRunAt: to, dueKey: due.dueKey, dueAt: due.dueAt },
              '#next = :from AND attribute_not_exists(paused)',
              { ':from': from },
              { '#next': 'nextRunAt' },
            ),
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
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
      const { doc, lib } = await sdk();
      // A delivery recorded at or after `onlyIfNoneSince` wins (ISO instants of one format compare as strings).
      const since = options.onlyIfNoneSince;
      const noneSince = since === undefined ? undefined : '(attribute_not_exists(#ld) OR #ld.#at < :since)';
      const sinceNames: Record<string, string> = since === undefined ? {} : { '#ld': 'lastDelivery', '#at': 'at' };
      const sinceValues: Record<string, unknown> = since === undefined ? {} : { ':since': since };
      let before: unknown;
      try {
        if (ref.source === 'runtime') {
          const answer = await doc.send(
            new lib.UpdateCommand({
              TableName,
              Key: subscriptionKey(ref.id),
              ...updateOf(
                { lastDelivery: checked },
                ['attribute_exists(pk)', noneSince].filter(Boolean).join(' AND '),
                sinceValues,
                sinceNames,
              ),
              ReturnValues: 'UPDATED_OLD',
            }),
          );
          before = answer.Attributes?.lastDelivery;
        } else {
          const item = subscriptionStateItem({ name: ref.id, lastDelivery: checked });
          const answer = await doc.send(
            new lib.PutCommand({
              TableName,
              Item: item,
              ReturnValues: 'ALL_OLD',
              ...(noneSince
                ? { ConditionExpression: noneSince, ExpressionAttributeNames: sinceNames, ExpressionAttributeValues: sinceValues }
                : {}),
            }),
          );
          before = answer.Attributes?.lastDelivery;
        }
      } catch (error) {
        // Deleted meanwhile, or a delivery recorded since: nothing to record.
        if (isConditionFailure(error)) return false;
        throw error;
      }
      auditChange(log, actor, 'subscription.delivery', ref.id, { lastDelivery: before }, { lastDelivery: checked });
      return true;
    },

    async configDelivery(name) {
      return read.configDelivery(await get(subscriptionStateKey(name)));
    },

    async bindChannel(channel, project, actor) {
      if (actor.type !== 'user') throw new TypeError('only a person can bind a channel');
      const binding: RuntimeBinding = { channel, project, createdAt: now().toISOString(), createdBy: actor.userId };
      const item = bindingItem(binding);
      if (!parseBindingItem(item).ok) throw new TypeError(`invalid binding ${channel} → ${project}`);
      const { doc, lib } = await sdk();
      try {
        await doc.send(new lib.PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get(bindingKey(channel, project));
        const parsed = existing ? parseBindingItem(existing) : undefined;
        if (parsed?.ok) return { created: false, binding: parsed.binding };
        throw error;
      }
      auditChange(log, actor, 'binding.create', `${channel}/${project}`, undefined, { channel, project });
      return { created: true, binding };
    },

    async unbindChannel(channel, project, actor) {
      const { doc, lib } = await sdk();
      const answer = await doc.send(new lib.DeleteCommand({ TableName, Key: bindingKey(channel, project), ReturnValues: 'ALL_OLD' }));
      if (!answer.Attributes) return false;
      auditChange(log, actor, 'binding.delete', `${channel}/${project}`, { channel, project }, undefined);
      return true;
    },

    async bindingsOf(channel) {
      const { doc, lib } = await sdk();
      const answer = await doc.send(
        new lib.QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bind)',
          ExpressionAttributeValues: { ':pk': channelPk(channel), ':bind': SK.bindingPrefix },
          ConsistentRead: true,
        }),
      );
      countRead(reads, answer);
      return readBindingItems(answer.Items ?? []);
    },

    async listBindings(page) {
      const listing = stateListings.bindings();
      return pageOf(listing, await list(listing, page), (item) => readBindingItems([item])[0]);
    },

    async claimSendNow(ref, key, nowMs, windowMs): Promise<SendNowClaim> {
      const { doc, lib } = await sdk();
      const item = {
        ...sendNowKey(ref.id),
        entity: 'send_now_claim',
        claimKey: key,
        claimedAt: nowMs,
        expiresAt: Math.ceil((nowMs + windowMs) / 1000) + 3600,
      };
      try {
        await doc.send(
          new lib.PutCommand({
            TableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk) OR claimedAt < :cutoff OR claimKey = :key',
            ExpressionAttributeValues: { ':cutoff': nowMs - windowMs, ':key': key },
          }),
        );
        return { ok: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get(sendNowKey(ref.id));
        return { ok: false, claimedAt: Number(existing?.claimedAt ?? nowMs) };
      }
    },

    async releaseSendNow(ref, key) {
      const { doc, lib } = await sdk();
      try {
        await doc.send(
          new lib.DeleteCommand({
            TableName,
            Key: sendNowKey(ref.id),
            ConditionExpression: 'claimKey = :key',
            ExpressionAttributeValues: { ':key': key },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async nextFreeSlot(channel) {
      const seen = (await get(pacerKey(channel)))?.nextFreeAt;
      return typeof seen === 'number' ? seen : 0;
    },

    async reserveSlot(channel, { nowMs, intervalMs, maxWaitMs }): Promise<PostSlot> {
      const { doc, lib } = await sdk();
      const key = pacerKey(channel);
      for (let attempt = 0; attempt < PACER_TRIES; attempt++) {
        const seen = (await get(key))?.nextFreeAt;
        const nextFree = typeof seen === 'number' ? seen : undefined;
        const at = Math.max(nowMs, nextFree ?? 0);
        if (at - nowMs > maxWaitMs) return { ok: false, retryInMs: at - nowMs };
        try {
          await doc.send(
            new lib.PutCommand({
              TableName,
              Item: { ...key, entity: 'pacer', nextFreeAt: at + intervalMs, expiresAt: Math.ceil((at + intervalMs) / 1000) + 3600 },
              ...(nextFree === undefined
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : { ConditionExpression: 'nextFreeAt = :seen', ExpressionAttributeValues: { ':seen': nextFree } }),
            }),
          );
          return { ok: true, at };
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return { ok: false, retryInMs: intervalMs };
    },
  };
}
