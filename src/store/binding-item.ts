/**
 * A channel ↔ project binding made from Slack, as stored: schema, item attributes and the read check. Kept free of
 * croner, luxon and the configuration schema, because the HTTP function reads bindings on its ack path.
 */
import * as z from 'zod/mini';
import type { Log } from '../log.ts';
import { bindingKey, KIND } from './keys.ts';

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const PROJECT_KEY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const RuntimeBinding = z.object({
  channel: z.string().check(z.regex(CHANNEL_ID)),
  project: z.string().check(z.regex(PROJECT_KEY), z.maxLength(40)),
  createdAt: z.iso.datetime(),
  /** The admin who connected the channel. */
  createdBy: z.string().check(z.regex(USER_ID)),
});
export type RuntimeBinding = z.infer<typeof RuntimeBinding>;

/** The stored item: the binding, its keys and its `byKind` index entry. */
export function bindingItem(binding: RuntimeBinding): Record<string, unknown> {
  return {
    ...bindingKey(binding.channel, binding.project),
    entity: 'binding',
    schema: 1,
    ...binding,
    kindKey: KIND.binding,
    kindSort: `${binding.project}#${binding.channel}`,
  };
}

const StoredBinding = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('binding'),
  schema: z.literal(1),
  ...RuntimeBinding.shape,
});

/** The binding in a stored item, or why it is not one (the caller logs it and skips the item). */
export function parseBindingItem(item: unknown): { ok: true; binding: RuntimeBinding } | { ok: false; problem: string } {
  const parsed = z.safeParse(StoredBinding, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { channel, project, createdAt, createdBy, pk, sk } = parsed.data;
  const key = bindingKey(channel, project);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the channel and project' };
  return { ok: true, binding: { channel, project, createdAt, createdBy } };
}

/** The valid bindings among stored items; each invalid one is logged (`store.invalid_item`) and skipped. */
export function readBindings(items: readonly Record<string, unknown>[], log: Log): RuntimeBinding[] {
  return items.flatMap((item) => {
    const parsed = parseBindingItem(item);
    if (parsed.ok) return [parsed.binding];
    invalidItem(log, item, parsed.problem);
    return [];
  });
}

export function invalidItem(log: Log, item: Record<string, unknown>, problem: string): void {
  log('error', 'store.invalid_item', { pk: String(item.pk), sk: String(item.sk), problem });
}

/** Field paths and messages of zod issues, short enough for a log line (values are never echoed). */
export function summariseIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(item)'}: ${i.message}`)
    .join('; ')
    .slice(0, 500);
}
