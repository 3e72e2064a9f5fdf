/**
 * What the Slack UI calls to create and change alerts (pure): new alerts, edits, pause/resume and mute, each
 * validated, stamped with who did it, and with a fresh state when what the alert watches changed. Light (zod/mini,
 * no luxon) so it can run on the HTTP function's ack path; the store write and its change log are the caller's.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { initialAlertState } from './incident.ts';
import { AlertDefinition, type AlertState, type StoredAlert } from './model.ts';

/** What a person chooses in the alert modal. */
export type AlertInput = Omit<
  AlertDefinition,
  'id' | 'paused' | 'pausedReason' | 'mutedUntil' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'
>;

export type AlertResult<T> = { ok: true; value: T } | { ok: false; issues: Array<{ path: string; message: string }> };

/** The longest mute (Mute 24 h is the usual one). */
export const MAX_MUTE_HOURS = 24 * 30;

function validated(candidate: unknown): AlertResult<AlertDefinition> {
  const parsed = z.safeParse(AlertDefinition, candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/**
 * A new alert and its first state. Its first check is due at once: the tick checks the latest complete window
 * within a minute, so a condition that already holds is reported right away.
 */
export function newAlert(input: AlertInput, options: { actor: string; now: Date; id?: string }): AlertResult<StoredAlert> {
  const result = validated({
    ...input,
    id: options.id ?? `al_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    paused: false,
    createdBy: options.actor,
    createdAt: options.now.toISOString(),
  });
  if (!result.ok) return result;
  return { ok: true, value: { definition: result.value, state: initialAlertState(options.now) } };
}

/** Fields whose change makes the incident history meaningless: the state starts over. */
const WATCHED: ReadonlyArray<keyof AlertDefinition> = ['project', 'metric', 'condition', 'frequency', 'timeZone', 'minVolume'];

/** An edited alert; `state` is set when the edit starts it over (pass both to `AlertStore.updateDefinition`). */
export function editAlert(
  stored: StoredAlert,
  input: AlertInput,
  options: { actor: string; now: Date },
): AlertResult<{ definition: AlertDefinition; state?: AlertState }> {
  const before = stored.definition;
  const result = validated({
    ...input,
    id: before.id,
    paused: before.paused,
    ...(before.pausedReason ? { pausedReason: before.pausedReason } : {}),
    ...(before.mutedUntil ? { mutedUntil: before.mutedUntil } : {}),
    createdBy: before.createdBy,
    createdAt: before.createdAt,
    updatedBy: options.actor,
    updatedAt: options.now.toISOString(),
  });
  if (!result.ok) return result;
  const changed = WATCHED.some((k) => JSON.stringify(before[k]) !== JSON.stringify(result.value[k]));
  return { ok: true, value: { definition: result.value, ...(changed ? { state: initialAlertState(options.now) } : {}) } };
}

/**
 * Paused alerts are not checked; resuming checks the latest window at once (an open incident carries on) and clears
 * the worker's pause reason, if any.
 */
export function setPaused(
  stored: StoredAlert,
  paused: boolean,
  options: { actor: string; now: Date },
): { definition: AlertDefinition; state?: AlertState } {
  const { pausedReason: _reason, ...rest } = stored.definition;
  const definition = { ...rest, paused, updatedBy: options.actor, updatedAt: options.now.toISOString() };
  return paused ? { definition } : { definition, state: { ...stored.state, nextCheckAt: options.now.toISOString() } };
}

/** Checked but silent for `hours` (0 unmutes); what happens meanwhile is posted when the mute ends, if it still matters. */
export function muteAlert(stored: StoredAlert, hours: number, options: { actor: string; now: Date }): AlertDefinition {
  const { mutedUntil: _previous, ...rest } = stored.definition;
  const h = Math.min(MAX_MUTE_HOURS, Math.max(0, hours));
  const base = { ...rest, updatedBy: options.actor, updatedAt: options.now.toISOString() };
  return h > 0 ? { ...base, mutedUntil: new Date(options.now.getTime() + h * 3_600_000).toISOString() } : base;
}
