/**
 * Where alerts live: the definitions people create from Slack, the incident state checks keep, the due index the
 * tick reads, the checked windows' numbers (baselines come from them) and ChatDash's health per project.
 * Interfaces only (this folder stays pure); the implementations are the runtime state store's (`src/store/`): on the
 * DynamoDB state table (`alerts-dynamo.ts`) and its in-memory twin (`alerts-memory.ts`), which pass one contract suite.
 *
 * Contract for every implementation: definitions and states are validated (zod) on write and on read (an invalid
 * stored item is logged and skipped, never thrown); every change to a definition is logged with who made it
 * (`store.change`: actor, action, before/after); state writes are conditional on the version read, so two checks can
 * never both apply a window or both queue a notice.
 */
import type { TimeRange } from '../periods/period.ts';
import type { WindowSnapshot } from './measures.ts';
import type { AlertDefinition, AlertState, StoredAlert } from './model.ts';
import type { ChatDashOutage } from './outage.ts';

export type { StoredAlert };

/** Who changed something: a Slack user id, or `system:<what>` for the bot itself. */
export type Actor = string;

export class AlertExistsError extends Error {
  override readonly name = 'AlertExistsError';
}

/** An edit or delete named a definition version that is no longer the stored one: someone else changed it meanwhile. */
export class AlertConflictError extends Error {
  override readonly name = 'AlertConflictError';
}

/**
 * A page of a listing: at most `limit` alerts (default 25, at most 100) after the place `cursor` names (a previous
 * page's `cursor` or one of its `after`; opaque, checked and bound to its listing: a forged one, or one from another
 * listing, is refused with the state store's `StoreError('bad_cursor')`).
 */
export interface AlertPageRequest {
  limit?: number;
  cursor?: string;
}

/** One page of a listing, read with one bounded index Query; a listing of any length is read page by page. */
export interface AlertPage {
  items: StoredAlert[];
  /** Where the next page starts; present when there may be more. */
  cursor?: string;
  /** Where a page starts right after each item (by item): a view showing fewer than given goes on without a gap. */
  after: string[];
}

export interface AlertStore {
  /** Adds an alert with its initial state (definition version 1); throws AlertExistsError when the id is taken. */
  create(definition: AlertDefinition, state: AlertState, actor: Actor): Promise<StoredAlert>;
  /** Strongly consistent; undefined when missing (or stored invalid: logged). */
  get(id: string): Promise<StoredAlert | undefined>;
  /** The alerts with these ids that exist (any order; strongly consistent). */
  getMany(ids: readonly string[]): Promise<StoredAlert[]>;
  /**
   * A page of the alerts posting to a channel (for `/chatdash alerts`), by id. Index reads: a change may take a
   * moment to show.
   */
  listByChannel(teamId: string, channelId: string, page?: AlertPageRequest): Promise<AlertPage>;
  /** A page of the alerts a person created (App Home), by id; index reads. */
  listByOwner(userId: string, page?: AlertPageRequest): Promise<AlertPage>;
  /** A page of the alerts on a project (by its configuration key), by id; index reads. */
  listByProject(project: string, page?: AlertPageRequest): Promise<AlertPage>;
  /** A page of every alert, by project key then id (the admins' App Home finds those whose project left the configuration); index reads. */
  listAll(page?: AlertPageRequest): Promise<AlertPage>;
  /**
   * Replaces a definition (edit, pause, resume, mute); its version is bumped. With `state`, the state is replaced too
   * (an edit of the metric or condition starts from a fresh state; a resume is due at once), over whatever a check
   * wrote meanwhile. With `expectedVersion`, a definition changed since is refused (AlertConflictError).
   * Undefined when the alert does not exist.
   */
  updateDefinition(
    id: string,
    next: AlertDefinition,
    actor: Actor,
    options?: { state?: AlertState; expectedVersion?: number },
  ): Promise<StoredAlert | undefined>;
  /** Removes an alert; false when it did not exist. With `expectedVersion`, as `updateDefinition`. */
  delete(id: string, actor: Actor, options?: { expectedVersion?: number }): Promise<boolean>;
  /**
   * Due alerts (not paused, `nextCheckAt` ≤ now), earliest first, at most `limit`, reading only what is due. Each one
   * returned is claimed: its `nextCheckAt` moves to `leaseUntil` with a conditional write, so an overlapping tick does
   * not queue it again, and a check that never finishes is retried once the lease runs out.
   */
  claimDue(now: Date, options: { limit: number; leaseUntil: Date }): Promise<StoredAlert[]>;
  /**
   * Writes `next` as the alert's state if the stored state's version is still `expectedVersion`; the stored copy
   * gets version + 1 and is returned. Undefined when the version moved on (or the alert is gone): re-read and decide.
   */
  saveState(id: string, expectedVersion: number, next: AlertState): Promise<AlertState | undefined>;
}

/** The numbers of checked windows, per ChatDash project: next weeks' baselines. Entries expire 35 days after they were fetched. */
export interface WindowStore {
  /** The snapshots of these windows, in the same order (undefined where none is kept, or it expired). */
  get(projectId: string, windows: readonly TimeRange[]): Promise<Array<WindowSnapshot | undefined>>;
  /** Keeps (or replaces) snapshots; refuses (throws) an invalid one before writing any. */
  put(snapshots: readonly WindowSnapshot[]): Promise<void>;
}

/** ChatDash's health per ChatDash project, as the checks saw it (`outage.ts`): for telling the admins once. */
export interface OutageStore {
  /**
   * Replaces the project's outage record with `update(previous)` (undefined: none), atomically: under concurrent
   * updates `update` may be called again with the newer record, so it must be pure. Returns what was and what is.
   */
  updateOutage(
    projectId: string,
    update: (previous: ChatDashOutage | undefined) => ChatDashOutage | undefined,
  ): Promise<{ before?: ChatDashOutage; after?: ChatDashOutage }>;
}

/** The stores the tick and the checks use, made together over one table. */
export interface AlertStores {
  store: AlertStore;
  windows: WindowStore;
  outages: OutageStore;
}

/** How long a window's snapshot is worth keeping: the 4 weeks a baseline looks back, and a few days more. */
export const SNAPSHOT_TTL_DAYS = 35;
