/**
 * The runtime state store's interface: subscriptions made in Slack, channel bindings made by admins, and the
 * bookkeeping around delivery (next runs, last deliveries, Send-now claims, per-channel post pacing). Two
 * implementations pass the same contract tests: DynamoDB (`dynamo.ts`, in AWS) and in memory (`memory.ts`, for the
 * demo, local runs and tests; optionally saved to a JSON file).
 *
 * Every change is validated before it is written, every item is validated when read (an invalid one is logged and
 * skipped, never thrown), and every change is logged with who made it (`store.change`: actor, action, before/after).
 * Changes people make carry the `version` they started from: a stale one is refused (`version_conflict`).
 * Permissions are not checked here: see `src/subscriptions/policy.ts`.
 */
import type { RuntimeBinding } from './binding-item.ts';
import type { Delivery, PauseReason, ProjectList, RuntimeSubscription, SubscriptionSettings } from './subscription-item.ts';

export type { RuntimeBinding } from './binding-item.ts';
export type {
  Delivery,
  Pause,
  PauseReason,
  ProjectList,
  RuntimeSubscription,
  SubscriptionSettings,
  SystemPauseReason,
} from './subscription-item.ts';

/** Who makes a change: a Slack user, or one of the bot's own functions. */
export type Actor = { type: 'user'; userId: string } | { type: 'system'; component: 'schedule' | 'worker' | 'deadletter' | 'cli' };

export const userActor = (userId: string): Actor => ({ type: 'user', userId });
export const systemActor = (component: Extract<Actor, { type: 'system' }>['component']): Actor => ({ type: 'system', component });

/** How an actor is written in items (`updatedBy`) and log lines. */
export function actorLabel(actor: Actor): string {
  return actor.type === 'user' ? actor.userId : `system:${actor.component}`;
}

export type StoreErrorCode = 'not_found' | 'version_conflict' | 'already_exists' | 'bad_cursor';

/** A closed set of refusals; the UI maps each code to a sentence (`not_found`: "it was deleted meanwhile"…). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A `StoreError` (of `code`, when given). Recognised by its name too, not only by `instanceof`: the HTTP function's
 * subscription UI is built as a bundle of its own (see src/build/bundle.ts), with its own copy of this class, while
 * the store it is handed throws the main bundle's.
 */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  const isOne =
    error instanceof StoreError ||
    (error instanceof Error && error.name === 'StoreError' && typeof (error as { code?: unknown }).code === 'string');
  return isOne && (code === undefined || (error as StoreError).code === code);
}

export interface PageRequest {
  /** At most this many items (default 25, at most 100). */
  limit?: number;
  /** From a previous page's `cursor` (opaque; checked, so a forged one is refused with `bad_cursor`). */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when there may be more. */
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export function pageSize(request: PageRequest | undefined): number {
  const limit = request?.limit ?? DEFAULT_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(Number.isFinite(limit) ? limit : DEFAULT_PAGE_SIZE)));
}

/** A new subscription: its settings and its owner. Id, times, version and next run are the store's. */
export interface NewSubscription extends SubscriptionSettings {
  owner: string;
}

/**
 * A change to a subscription's settings. The channel and owner never change. `null` clears an optional setting
 * (the configuration's default applies again). `project` or `projects` replaces what it covers (the other is
 * cleared; sections go with a switch to `projects`).
 */
export interface SubscriptionPatch {
  project?: string;
  projects?: ProjectList;
  schedule?: string;
  timeZone?: string;
  period?: string;
  locale?: string | null;
  currencyDisplay?: SubscriptionSettings['currencyDisplay'] | null;
  sections?: SubscriptionSettings['sections'] | null;
}

/** Which subscription, of which kind: YAML ones are named in the configuration, runtime ones live in the store. */
export interface SubscriptionRef {
  source: 'config' | 'runtime';
  id: string;
}

export interface RecordDeliveryOptions {
  /** Record only if the last delivery is missing or was before this instant (ISO, as `Date#toISOString`). Default: always. */
  onlyIfNoneSince?: string;
}

export interface SubscriptionStore {
  /** Stores a new subscription (id `sub_…`, version 1, next run computed from its cron). */
  createSubscription(input: NewSubscription, actor: Actor): Promise<RuntimeSubscription>;
  /** Strongly consistent; undefined when missing (or stored invalid: logged). */
  getSubscription(id: string): Promise<RuntimeSubscription | undefined>;
  /** Applies `patch` if the subscription is still at `expectedVersion`; a new schedule or time zone moves the next run. */
  updateSubscription(id: string, patch: SubscriptionPatch, actor: Actor, expectedVersion: number): Promise<RuntimeSubscription>;
  /** Pauses (no next run, out of the due index). Already paused: returned unchanged. */
  pauseSubscription(id: string, reason: PauseReason, actor: Actor, expectedVersion?: number): Promise<RuntimeSubscription>;
  /** Resumes from now: the next run is the next cron occurrence (missed ones are not caught up). */
  resumeSubscription(id: string, actor: Actor, expectedVersion?: number): Promise<RuntimeSubscription>;
  /** Deletes it; returns what was deleted. */
  deleteSubscription(id: string, actor: Actor, expectedVersion?: number): Promise<RuntimeSubscription>;
  /** A channel's subscriptions, by id (index reads: a change may take a moment to show). */
  listByChannel(channel: string, page?: PageRequest): Promise<Page<RuntimeSubscription>>;
  listByOwner(userId: string, page?: PageRequest): Promise<Page<RuntimeSubscription>>;
  /** Every subscription, grouped by project (overviews of several projects last). */
  listAll(page?: PageRequest): Promise<Page<RuntimeSubscription>>;
  /** Active subscriptions whose next run is at or before `now`, oldest first, at most `limit`: reads O(due) items. */
  dueSubscriptions(now: Date, limit: number): Promise<RuntimeSubscription[]>;
  /**
   * Moves the next run from `from` to `to` (none: the cron never runs again) if it is still `from` and the
   * subscription is not paused; false otherwise (another tick, an edit or a pause got there first).
   */
  advanceNextRun(id: string, from: string, to: string | undefined): Promise<boolean>;
  /**
   * Records the last delivery (runtime: on the subscription, if it still exists; config: on its state item).
   * Bookkeeping: the version does not change, so it never makes an edit in progress fail. Actor: default the worker.
   * `onlyIfNoneSince` (an instant): recorded only when the last delivery is missing or older (conditional write), so
   * a late report never hides a delivery made since, and a report seen twice records once. Default: always recorded.
   * Returns whether it was recorded.
   */
  recordDelivery(ref: SubscriptionRef, delivery: Delivery, actor?: Actor, options?: RecordDeliveryOptions): Promise<boolean>;
  /** A YAML subscription's last delivery. */
  configDelivery(name: string): Promise<Delivery | undefined>;
}

export interface BindingsReader {
  /** Projects bound to a channel from Slack (strongly consistent: a disconnect is effective at once). */
  bindingsOf(channel: string): Promise<RuntimeBinding[]>;
}

export interface BindingStore extends BindingsReader {
  /** Binds (idempotent: `created` is false when it already was). */
  bindChannel(channel: string, project: string, actor: Actor): Promise<{ created: boolean; binding: RuntimeBinding }>;
  /** Unbinds; false when it was not bound. */
  unbindChannel(channel: string, project: string, actor: Actor): Promise<boolean>;
  /** Every runtime binding, grouped by project. */
  listBindings(page?: PageRequest): Promise<Page<RuntimeBinding>>;
}

export type SendNowClaim = { ok: true } | { ok: false; claimedAt: number };

export interface SendNowClaims {
  /**
   * Claims the right to post a Send-now digest of `ref` for the job `key`: granted when no other job claimed one
   * within `windowMs` before `nowMs` (the same key may claim again: an SQS redelivery or a re-queued job).
   */
  claimSendNow(ref: SubscriptionRef, key: string, nowMs: number, windowMs: number): Promise<SendNowClaim>;
  /** Gives a claim back (the post failed): the next click may post. Only the claim's own key releases it. */
  releaseSendNow(ref: SubscriptionRef, key: string): Promise<void>;
}

export type PostSlot = { ok: true; at: number } | { ok: false; retryInMs: number };

export interface ChannelPacer {
  /**
   * Reserves the channel's next post slot: the earliest time ≥ `nowMs` at least `intervalMs` after the last one
   * reserved. Granted only if it is at most `maxWaitMs` away; otherwise nothing is reserved and `retryInMs` says
   * when it would be free. Shared by every worker (DynamoDB), so posts to one channel keep Slack's pace.
   */
  reserveSlot(channel: string, options: { nowMs: number; intervalMs: number; maxWaitMs: number }): Promise<PostSlot>;
  /** When the channel's next slot is free (ms since the epoch; 0 when it never was taken). Reserves nothing. */
  nextFreeSlot(channel: string): Promise<number>;
}

/** Items and requests a store has read, for the tick's cost (`npm run bench`) and tests. */
export interface ReadStats {
  items: number;
  requests: number;
}

export interface StateStore extends SubscriptionStore, BindingStore, SendNowClaims, ChannelPacer {
  readonly kind: 'memory' | 'dynamodb';
  readonly reads: ReadStats;
}
