/**
 * The key design of the runtime state table: one DynamoDB table (single-table design) for everything people create
 * or change from Slack, and for the bookkeeping of the scheduler and the worker. Pure: names and key builders only.
 *
 * Base table: partition key `pk` (S), sort key `sk` (S). TTL attribute: `expiresAt` (epoch seconds).
 *
 * | entity                       | pk                        | sk                  | notes                                       |
 * | ---------------------------- | ------------------------- | ------------------- | ------------------------------------------- |
 * | runtime subscription         | `SUB#<id>`                | `SUB`               | id = `sub_…`; `version` for optimistic lock |
 * | config subscription state    | `SUB#<name>`              | `STATE`             | last delivery of a YAML subscription        |
 * | send-now claim               | `SUB#<id|name>`           | `SENDNOW`           | one Send now a minute; TTL                  |
 * | channel ↔ project binding    | `CHANNEL#<C…>`            | `BIND#<key>`        | read on the ack path: one Query on `pk`     |
 * | channel pacer                | `CHANNEL#<C…>`            | `PACE`              | next free post slot of a channel (ms); TTL  |
 * | alert (definition + state)   | `ALERT#<id>`              | `ALERT`             | `definitionVersion`, `stateVersion`         |
 * | alert window snapshot        | `ALERTPROJ#<ChatDash id>` | `WIN#<start>/<end>` | a checked window's numbers; TTL 35 days     |
 * | ChatDash outage of a project | `ALERTPROJ#<ChatDash id>` | `OUTAGE`            | failed checks in a row; `version`           |
 *
 * An alert is one item: the tick's due Query and a check both need its definition and its state together. The
 * definition (people) and the state (checks) are separate attributes with their own versions, so an edit and a check
 * never overwrite each other.
 *
 * Runtime ids (`sub_…`, `al_…`) contain `_`, which configuration names (`[a-z0-9-]`) never do: a YAML
 * subscription's state can share the `SUB#` prefix without ever meeting a runtime one.
 *
 * Global secondary indexes (all project every attribute, so a listing is one Query and every item read is validated
 * whole; an index holds only the items that carry its key attributes: they are sparse):
 *
 * | index       | partition key                | sort key                   | holds                                       |
 * | ----------- | ---------------------------- | -------------------------- | ------------------------------------------- |
 * | `due`       | `dueKey` = `DUE#SUB`         | `dueAt` = next run (ISO)   | active runtime subscriptions: the tick      |
 * |             | `dueKey` = `DUE#ALERT`       | `dueAt` = next check (ISO) | Queries `dueAt <= now`, O(due). Paused      |
 * |             |                              |                            | items drop out (no `dueKey`).               |
 * | `byChannel` | `channelKey` = `CHANNEL#C`   | `itemKey` = `SUB#<id>`,    | a channel's subscriptions, its alerts       |
 * |             |                              | `ALERT#<id>`               | (`begins_with(itemKey)` keeps them apart)   |
 * | `byOwner`   | `ownerKey` = `USER#U`        | `itemKey`                  | a person's subscriptions, alerts            |
 * | `byKind`    | `kindKey` = `SUB`/`BIND`/    | `kindSort` = `<project>#…` | everything of a kind, grouped by project    |
 * |             | `ALERT`                      |                            | (admins); overviews of several projects     |
 * |             |                              |                            | (`~overview#…`) last                        |
 *
 * ISO instants are written by `Date#toISOString()` (always `YYYY-MM-DDTHH:mm:ss.sssZ`), so their string order is
 * their time order and `dueAt <= :now` is a range condition on the sort key. One `DUE#SUB` (or `DUE#ALERT`) partition
 * sustains 1,000 index writes a second (500 hourly alerts write theirs twice an hour); should it ever need more, shard
 * it (`DUE#ALERT#0..n`) and Query the shards side by side.
 */

export const INDEX = { due: 'due', byChannel: 'byChannel', byOwner: 'byOwner', byKind: 'byKind' } as const;

/** Partition values of the `due` index: one per kind of scheduled thing. */
export const DUE = { subscription: 'DUE#SUB', alert: 'DUE#ALERT' } as const;

/** Partition values of the `byKind` index. */
export const KIND = { subscription: 'SUB', binding: 'BIND', alert: 'ALERT' } as const;

/** Sort keys of the base table. */
export const SK = {
  subscription: 'SUB',
  subscriptionState: 'STATE',
  sendNow: 'SENDNOW',
  bindingPrefix: 'BIND#',
  pacer: 'PACE',
  alert: 'ALERT',
  windowPrefix: 'WIN#',
  outage: 'OUTAGE',
} as const;

/** What `itemKey` (the `byChannel` and `byOwner` sort key) begins with, per kind: one listing never reads the other kind. */
export const ITEM_PREFIX = { subscription: 'SUB#', alert: 'ALERT#' } as const;

export interface ItemKey {
  pk: string;
  sk: string;
}

export const subscriptionPk = (id: string) => `SUB#${id}`;
export const channelPk = (channel: string) => `CHANNEL#${channel}`;
export const userKey = (userId: string) => `USER#${userId}`;
export const alertPk = (id: string) => `ALERT#${id}`;
/** A ChatDash project's alert bookkeeping (window snapshots, outage): keyed by ChatDash's id, as the windows are. */
export const alertProjectPk = (projectId: string) => `ALERTPROJ#${projectId}`;

export const subscriptionKey = (id: string): ItemKey => ({ pk: subscriptionPk(id), sk: SK.subscription });
export const subscriptionStateKey = (name: string): ItemKey => ({ pk: subscriptionPk(name), sk: SK.subscriptionState });
export const sendNowKey = (id: string): ItemKey => ({ pk: subscriptionPk(id), sk: SK.sendNow });
export const bindingKey = (channel: string, project: string): ItemKey => ({ pk: channelPk(channel), sk: `${SK.bindingPrefix}${project}` });
export const pacerKey = (channel: string): ItemKey => ({ pk: channelPk(channel), sk: SK.pacer });
export const alertKey = (id: string): ItemKey => ({ pk: alertPk(id), sk: SK.alert });
/** A window snapshot's key; start and end as `toISOString()` writes them, whatever form they came in. */
export const windowKey = (projectId: string, window: { start: string; end: string }): ItemKey => ({
  pk: alertProjectPk(projectId),
  sk: `${SK.windowPrefix}${new Date(window.start).toISOString()}/${new Date(window.end).toISOString()}`,
});
export const outageKey = (projectId: string): ItemKey => ({ pk: alertProjectPk(projectId), sk: SK.outage });

/** Runtime subscription ids: `sub_` and 8–32 lowercase letters or digits. */
export const RUNTIME_SUBSCRIPTION_ID = /^sub_[a-z0-9]{8,32}$/;

/** Whether an id names a runtime subscription (rather than a configuration one). */
export function isRuntimeSubscriptionId(id: string): boolean {
  return RUNTIME_SUBSCRIPTION_ID.test(id);
}
