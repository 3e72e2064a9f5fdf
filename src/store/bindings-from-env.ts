/**
 * The HTTP function's reader of runtime channel bindings, from its environment (kept apart from `from-env.ts` so the
 * HTTP bundle never carries the store's SDK code, croner or the configuration schema):
 * - `STATE_TABLE`: one signed DynamoDB Query per request (`bindings-reader.ts`);
 * - `STATE_FILE`: the bindings in that JSON file (the in-memory store's file, for local runs), read afresh each time;
 * - neither: none (the configuration's bindings only).
 */
import { readFile } from 'node:fs/promises';
import type { Log } from '../log.ts';
import { readBindings } from './binding-item.ts';
import { createSignedBindingsReader } from './bindings-reader.ts';
import { channelPk, SK } from './keys.ts';
import type { BindingsReader } from './store.ts';

export function bindingsReaderFromEnv(env: NodeJS.ProcessEnv, log: Log): BindingsReader | undefined {
  if (env.STATE_TABLE) return createSignedBindingsReader({ tableName: env.STATE_TABLE, env, log });
  const file = env.STATE_FILE;
  if (!file) return undefined;
  return {
    async bindingsOf(channel) {
      let saved: { items?: unknown };
      try {
        saved = JSON.parse(await readFile(file, 'utf8')) as { items?: unknown };
      } catch (error) {
        // No file yet: nothing has been bound.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const pk = channelPk(channel);
      const items = (Array.isArray(saved.items) ? saved.items : []) as Array<Record<string, unknown>>;
      return readBindings(
        items.filter((item) => item.pk === pk && String(item.sk).startsWith(SK.bindingPrefix)),
        log,
      );
    },
  };
}
