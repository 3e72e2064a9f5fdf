/** The DynamoDB state store passes the store contract against moto, on a table shaped like serverless.yml's. */
import { describe } from 'vitest';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';
import { useStateTables } from '../support/state-table.ts';
import { storeContract, T0 } from '../support/store-contract.ts';

describe.skipIf(!motoAvailable)('DynamoDB state store (moto)', () => {
  const tables = useStateTables();
  storeContract('DynamoDB', async () => {
    const table = await tables.create();
    const { log, entries } = recordingLog();
    const clock = { now: T0 };
    const store = createDynamoStore({ tableName: table.name, env: table.env, log, now: () => clock.now });
    return { store, putRaw: table.putRaw, entries, clock };
  });
});
