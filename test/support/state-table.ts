/**
 * The state table on moto, as serverless.yml declares it (`STATE_TABLE_DEFINITION`): created fresh per test suite,
 * plus a raw SDK client for what the store itself never does (writing invalid items, filling it fast).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll } from 'vitest';
import { batchWrite, createStateTableIn } from '../../src/bench/state-table.ts';
import { type Moto, useMoto } from './moto.ts';

let tables = 0;

export interface StateTable {
  name: string;
  /** Environment for the store (`STATE_TABLE` and moto's endpoint, region and credentials). */
  env: Record<string, string>;
  putRaw(item: Record<string, unknown>): Promise<void>;
  /** Writes many items at once (batch writes). */
  putMany(items: readonly Record<string, unknown>[]): Promise<void>;
  close(): void;
}

export async function createStateTable(moto: Moto): Promise<StateTable> {
  const name = `chatdash-state-${process.pid}-${++tables}`;
  const client = new DynamoDBClient(moto.clientConfig);
  await createStateTableIn(client, name);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    name,
    env: { ...moto.env, STATE_TABLE: name },
    putRaw: async (item) => {
      await doc.send(new PutCommand({ TableName: name, Item: item }));
    },
    putMany: (items) => batchWrite(client, name, items),
    close: () => client.destroy(),
  };
}

/** moto for this suite (call inside a `describe.skipIf(!motoAvailable)`), and fresh state tables on it. */
export function useStateTables(): { create(): Promise<StateTable> } {
  const moto = useMoto();
  const tables: StateTable[] = [];
  afterAll(() => {
    for (const table of tables) table.close();
  });
  return {
    async create() {
      const table = await createStateTable(moto);
      tables.push(table);
      return table;
    },
  };
}
