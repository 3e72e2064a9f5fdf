/**
 * Where alerts live: the definitions people create from Slack, the incident state checks keep, the due index the
 * tick reads, and the checked windows' numbers (baselines come from them). Interfaces only; `memory-store.ts` is
 * the in-memory twin. The DynamoDB implementation belongs to the runtime store (`src/store/`, one table); the item
 * layout it is meant to map onto is in the README ("Alerts → Storage").
 *
 * Contract for every implementation: definitions and states are validated (zod) on write and on read; every
 * change to a definition is logged with who made it (actor, action, before/after); state writes are conditional
 * on the version read, so two checks can never both apply a window or both queue a notice.
 */
import type { TimeRange } from '../periods/period.ts';
import type { WindowSnapshot } from './measures.ts';
import type { AlertDefinition, AlertState, StoredAlert } from './model.ts';

export type { StoredAlert };

/** Who changed something: a Slack user id, or `system:<what>` for the bot itself. */
export type Actor = string;

export class AlertExistsError extends Error {
  override readonly name = 'AlertExistsError';
}

export interface AlertStore {
  /** Adds an alert with its initial state; throws AlertExistsError when the id is taken. */
  create(definition: AlertDefinition, state: AlertState, actor: Actor): Promise<StoredAlert>;
  get(id: string): Promise<StoredAlert | undefined>;
  /** The alerts with these ids that exist (any order). */
  getMany(ids: readonly string[]): Promise<StoredAlert[]>;
  /** Every alert posting to a channel (for `/chatdash alerts` and App Home). */
  listByChannel(teamId: string, channelId: string): Promise<StoredAlert[]>;
  /**
   * Replaces a definition (edit, pause, resume, mute). With `state`, the state is replaced too (an edit of the
   * metric or condition starts from a fresh state). Undefined when the alert does not exist.
   */
  updateDefinition(id: string, next: AlertDefinition, actor: Actor, options?: { state?: AlertState }): Promise<StoredAlert | undefined>;
  /** Removes an alert; false when it did not exist. */
  delete(id: string, actor: Actor): Promise<boolean>;
  /**
   * Due alerts (not paused, `nextCheckAt` ≤ now), earliest first, at most `limit`. Each one returned is claimed: its
   * `nextCheckAt` moves to `leaseUntil` with a conditional write, so an overlapping tick does not queue it again,
   * and a check that never finishes is retried once the lease runs out.
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
  /** The snapshots of these windows, in the same order (undefined where none is kept). */
  get(projectId: string, windows: readonly TimeRange[]): Promise<Array<WindowSnapshot | undefined>>;
  /** Keeps (or replaces) snapshots. */
  put(snapshots: readonly WindowSnapshot[]): Promise<void>;
}

/** How long a window's snapshot is worth keeping: the 4 weeks a baseline looks back, and a few days more. */
export const SNAPSHOT_TTL_DAYS = 35;
