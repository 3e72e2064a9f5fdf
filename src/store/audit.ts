/**
 * The audit trail of the state store: every change is one structured log line `store.change` with who made it
 * (actor), what (action, entity key) and the fields it changed, before and after. Values are settings people chose
 * (schedules, project keys, channel ids): nothing secret is ever stored, so nothing secret is logged.
 */
import type { Log } from '../log.ts';
import { type Actor, actorLabel } from './store.ts';

export type AuditAction =
  | 'subscription.create'
  | 'subscription.update'
  | 'subscription.pause'
  | 'subscription.resume'
  | 'subscription.delete'
  | 'subscription.advance'
  | 'subscription.delivery'
  | 'binding.create'
  | 'binding.delete'
  | 'alert.create'
  | 'alert.update'
  | 'alert.delete';

type Fields = Record<string, unknown> | undefined;

/** The fields that differ between `before` and `after` (all of one side when the other is missing). */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  if (!before || !after) return { before, after };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

/** One `store.change` line. The actor: the store's `Actor`, or its label as the alert stores take it (`U…`, `system:…`). */
export function auditChange(
  log: Log,
  actor: Actor | string,
  action: AuditAction,
  id: string,
  before: Fields,
  after: Fields,
  extra: Record<string, unknown> = {},
): void {
  log('info', 'store.change', {
    actor: typeof actor === 'string' ? actor : actorLabel(actor),
    action,
    id,
    ...changedFields(before, after),
    ...extra,
  });
}
