/**
 * Which alert stores a function uses, from its environment, as `from-env.ts` picks the state store: the DynamoDB
 * state table at `STATE_TABLE`; else the in-memory stores on the table kept in `STATE_FILE` (shared with the state
 * store made from the same environment); else in this process's memory only.
 */
import type { AlertStores } from '../alerts/store.ts';
import type { Log } from '../log.ts';
import { createDynamoAlertStores } from './alerts-dynamo.ts';
import { createMemoryAlertStores } from './alerts-memory.ts';
import { memoryTableForFile } from './memory-table.ts';

export function alertStoresFromEnv(env: NodeJS.ProcessEnv, log: Log): AlertStores {
  if (env.STATE_TABLE) return createDynamoAlertStores({ tableName: env.STATE_TABLE, env, log });
  return createMemoryAlertStores({ log, ...(env.STATE_FILE ? { table: memoryTableForFile(env.STATE_FILE) } : {}) });
}
