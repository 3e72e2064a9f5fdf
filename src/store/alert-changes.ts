/**
 * How an alert changes, whichever store keeps it (pure): creation, a definition change (edit, pause, resume, mute;
 * with a fresh state or not), a claim by the tick and a check's state write. Both alert stores persist exactly what
 * these return and log the same `store.change` lines, so they agree on every rule.
 */
import type { AlertDefinition, AlertState } from '../alerts/model.ts';
import { type Actor, AlertConflictError } from '../alerts/store.ts';
import type { Log } from '../log.ts';
import { type VersionedAlert, validAlert, validAlertState } from './alert-item.ts';
import { auditChange } from './audit.ts';

/** A new alert: version 1 of its definition, its state as given (both validated). */
export function createdAlert(definition: AlertDefinition, state: AlertState): VersionedAlert {
  return { ...validAlert(definition, state), definitionVersion: 1 };
}

/**
 * `current` with the definition `next` (validated; the id never changes) and, when given, a new state over whatever a
 * check wrote meanwhile. A stale `expectedVersion` is refused.
 */
export function updatedAlert(
  current: VersionedAlert,
  next: AlertDefinition,
  options: { state?: AlertState; expectedVersion?: number } = {},
): VersionedAlert {
  if (next.id !== current.definition.id) throw new TypeError('An alert keeps its id');
  refuseStale(current, options.expectedVersion);
  const { definition } = validAlert(next, current.state);
  const state = options.state ? validAlertState({ ...options.state, version: current.state.version + 1 }) : current.state;
  return { definition, state, definitionVersion: current.definitionVersion + 1 };
}

export function refuseStale(current: VersionedAlert, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== current.definitionVersion) {
    throw new AlertConflictError(
      `alert ${current.definition.id} is at version ${current.definitionVersion}, not ${expectedVersion}: it was changed meanwhile`,
    );
  }
}

/** The tick's claim: due again at `leaseUntil` unless a check finishes first. */
export function claimedState(state: AlertState, leaseUntil: Date): AlertState {
  return { ...state, nextCheckAt: leaseUntil.toISOString(), version: state.version + 1 };
}

/** A check's state write over `expectedVersion` (validated). */
export function savedState(next: AlertState, expectedVersion: number): AlertState {
  return validAlertState({ ...next, version: expectedVersion + 1 });
}

/** The `store.change` line of a definition change: what changed, before and after, and whether the state started over. */
export function auditAlert(
  log: Log,
  actor: Actor,
  action: 'alert.create' | 'alert.update' | 'alert.delete',
  before: VersionedAlert | undefined,
  after: VersionedAlert | undefined,
  options: { stateReset?: boolean } = {},
): void {
  const id = (after ?? before)?.definition.id ?? '';
  auditChange(log, actor, action, id, before?.definition, after?.definition, {
    ...(after ? { version: after.definitionVersion } : {}),
    ...(options.stateReset ? { stateReset: true } : {}),
  });
}
