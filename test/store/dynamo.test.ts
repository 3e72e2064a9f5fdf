/** The DynamoDB state store passes the store contract against moto, on a table shaped like serverless.yml's. */
import { afterAll, beforeAll, describe } from 'vitest';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { recordingLog } from '../digests/support.ts';
import { type Moto, motoAvailable, startMoto } from '../support/moto.ts';
import { createStateTable, type StateTable } from '../support/state-table.ts';
import { storeContract, T0 } from './contract.ts';

describe.skipIf(!motoAvailable)('DynamoDB state store (moto)', () => {
  let moto: Moto;
  const tables: StateTable[] = [];
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    for (const table of tables) table.close();
    await moto?.stop();
  });

  storeContract('DynamoDB', async () => {
    const table = await createStateTable(moto);
    tables.push(table);
    const { log, lines } = recordingLog();
    const clock = { now: T0 };
    const store = createDynamoStore({ tableName: table.name, env: table.env, log, now: () => clock.now });
    return { store, putRaw: table.putRaw, lines, clock };
  });
});
