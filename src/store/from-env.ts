/**
 * Which state store a function uses, from its environment:
 * - `STATE_TABLE` (set by serverless.yml): the DynamoDB table;
 * - else `STATE_FILE`: the in-memory store saved to that JSON file (local runs such as `npm run dev`), on the one
 *   table of this process kept in that file (the alert stores made from the environment share it);
 * - else a store in this process's memory (the demo, tests, `npm run digest`): nothing survives the process.
 */
import type { Log } from '../log.ts';
import { createDynamoStore } from './dynamo.ts';
import { createMemoryStore } from './memory.ts';
import { memoryTableForFile } from './memory-table.ts';
import type { StateStore } from './store.ts';

export function stateStoreFromEnv(env: NodeJS.ProcessEnv, log: Log): StateStore {
  if (env.STATE_TABLE) return createDynamoStore({ tableName: env.STATE_TABLE, env, log });
  return createMemoryStore({ log, ...(env.STATE_FILE ? { table: memoryTableForFile(env.STATE_FILE) } : {}) });
}
