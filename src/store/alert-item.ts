/**
 * Alerts as stored on the state table (key design in `keys.ts`): the items both alert stores write and read, their
 * zod schemas (every write and every read goes through them), and the index entries derived from the data. An alert
 * is one item holding its definition (`definitionVersion`) and its state (`stateVersion`); a ChatDash project's
 * checked windows (TTL) and outage record live in its `ALERTPROJ#` partition.
 */
import * as z from 'zod/mini';
import { WindowSnapshot } from '../alerts/measures.ts';
import { AlertDefinition, AlertState, type StoredAlert } from '../alerts/model.ts';
import { ChatDashOutage } from '../alerts/outage.ts';
import { SNAPSHOT_TTL_DAYS } from '../alerts/store.ts';
import type { Log } from '../log.ts';
import { invalidItem, summariseIssues } from './binding-item.ts';
import { alertKey, alertPk, channelPk, DUE, KIND, outageKey, userKey, windowKey } from './keys.ts';
import type { ItemParse } from './subscription-item.ts';

type Item = Record<string, unknown>;

/** An alert read from a store: its definition version is always known. */
export type VersionedAlert = StoredAlert & { definitionVersion: number };

/** The checked definition and state of an alert about to be written; throws on invalid data (a bug in the caller). */
export function validAlert(definition: unknown, state: unknown): { definition: AlertDefinition; state: AlertState } {
  const d = z.safeParse(AlertDefinition, definition);
  if (!d.success) throw new TypeError(`invalid alert: ${summariseIssues(d.error.issues)}`);
  return { definition: d.data, state: validAlertState(state) };
}

export function validAlertState(state: unknown): AlertState {
  const s = z.safeParse(AlertState, state);
  if (!s.success) throw new TypeError(`invalid alert state: ${summariseIssues(s.error.issues)}`);
  return s.data;
}

/**
 * The index entries that follow from a definition: `due` only while it is not paused (the state's `dueAt` stays put,
 * so pausing and resuming never touch what a check wrote), its channel, its creator, and its project for admins.
 */
export function definitionAttributes(d: AlertDefinition): Item {
  return {
    dueKey: d.paused ? undefined : DUE.alert,
    channelKey: channelPk(d.channelId),
    ownerKey: userKey(d.createdBy),
    itemKey: alertPk(d.id),
    kindKey: KIND.alert,
    kindSort: `${d.project}#${d.id}`,
  };
}

/** The `state` attributes of an alert item: the state, its version and its due time. */
export function stateAttributes(state: AlertState): Item {
  return { state, stateVersion: state.version, dueAt: state.nextCheckAt };
}

/** The stored item (unset attributes left out). */
export function alertItem(alert: VersionedAlert): Item {
  const item: Item = {
    ...alertKey(alert.definition.id),
    entity: 'alert',
    schema: 1,
    definition: alert.definition,
    definitionVersion: alert.definitionVersion,
    ...stateAttributes(alert.state),
    ...definitionAttributes(alert.definition),
  };
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

const StoredAlertItem = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('alert'),
  schema: z.literal(1),
  definition: AlertDefinition,
  definitionVersion: z.int().check(z.gte(1)),
  state: AlertState,
  stateVersion: z.int().check(z.gte(0)),
  dueKey: z.optional(z.literal(DUE.alert)),
  dueAt: z.string(),
});

/** The alert in a stored item, or why it is not a valid one (the caller logs it and skips the item). */
export function parseAlertItem(item: unknown): ItemParse<VersionedAlert> {
  const parsed = z.safeParse(StoredAlertItem, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { pk, sk, definition, definitionVersion, state, stateVersion, dueKey, dueAt } = parsed.data;
  const key = alertKey(definition.id);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the id' };
  if (stateVersion !== state.version) return { ok: false, problem: 'stateVersion does not match the state' };
  if (dueAt !== state.nextCheckAt) return { ok: false, problem: 'the due index entry does not match nextCheckAt' };
  if ((dueKey !== undefined) === definition.paused) return { ok: false, problem: 'the due index entry does not match paused' };
  return { ok: true, value: { definition, state, definitionVersion } };
}

/** Reads stored alert items: each one checked, an invalid one logged (`store.invalid_item`) and skipped, never thrown. */
export function alertReader(log: Log): (item: Item | undefined) => VersionedAlert | undefined {
  return (item) => {
    if (!item) return undefined;
    const parsed = parseAlertItem(item);
    if (parsed.ok) return parsed.value;
    invalidItem(log, item, parsed.problem);
    return undefined;
  };
}

const DAY_MS = 86_400_000;

/** A checked window's snapshot as stored: it expires (DynamoDB TTL) 35 days after ChatDash was asked. */
export function windowItem(snapshot: WindowSnapshot): Item {
  return {
    ...windowKey(snapshot.projectId, snapshot),
    entity: 'alert_window',
    schema: 1,
    snapshot,
    expiresAt: Math.ceil((Date.parse(snapshot.fetchedAt) + SNAPSHOT_TTL_DAYS * DAY_MS) / 1000),
  };
}

export function validSnapshot(snapshot: unknown): WindowSnapshot {
  const parsed = z.safeParse(WindowSnapshot, snapshot);
  if (!parsed.success) throw new TypeError(`invalid window snapshot: ${summariseIssues(parsed.error.issues)}`);
  return parsed.data;
}

const StoredWindow = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('alert_window'),
  schema: z.literal(1),
  snapshot: WindowSnapshot,
  expiresAt: z.number(),
});

/**
 * The snapshot in a stored window item; undefined (and fine) once it has expired, as DynamoDB deletes expired items
 * only within a day or two of their time.
 */
export function parseWindowItem(item: unknown, nowMs: number): ItemParse<WindowSnapshot | undefined> {
  const parsed = z.safeParse(StoredWindow, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { pk, sk, snapshot, expiresAt } = parsed.data;
  const key = windowKey(snapshot.projectId, snapshot);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the window' };
  return { ok: true, value: expiresAt * 1000 <= nowMs ? undefined : snapshot };
}

/** A project's outage record as stored, with the version its conditional writes compare. */
export function outageItem(projectId: string, outage: ChatDashOutage, version: number): Item {
  return { ...outageKey(projectId), entity: 'chatdash_outage', schema: 1, projectId, outage, version };
}

const StoredOutage = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('chatdash_outage'),
  schema: z.literal(1),
  projectId: z.string(),
  outage: ChatDashOutage,
  version: z.int().check(z.gte(1)),
});

export function parseOutageItem(item: unknown): ItemParse<{ outage: ChatDashOutage; version: number }> {
  const parsed = z.safeParse(StoredOutage, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { pk, sk, projectId, outage, version } = parsed.data;
  const key = outageKey(projectId);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the project' };
  return { ok: true, value: { outage, version } };
}

/** Reads a stored outage record: checked, an invalid one logged and taken as none (the next write replaces it). */
export function outageReader(log: Log): (item: Item | undefined) => { outage: ChatDashOutage; version: number } | undefined {
  return (item) => {
    if (!item) return undefined;
    const parsed = parseOutageItem(item);
    if (parsed.ok) return parsed.value;
    invalidItem(log, item, parsed.problem);
    return undefined;
  };
}

export function validOutage(outage: unknown): ChatDashOutage {
  const parsed = z.safeParse(ChatDashOutage, outage);
  if (!parsed.success) throw new TypeError(`invalid outage record: ${summariseIssues(parsed.error.issues)}`);
  return parsed.data;
}
