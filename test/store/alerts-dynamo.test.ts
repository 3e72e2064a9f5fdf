/** The DynamoDB alert stores pass the alert store contract against moto, on a state table shaped like serverless.yml's. */
import { describe } from 'vitest';
import { createDynamoAlertStores } from '../../src/store/alerts-dynamo.ts';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { alertStoreContract, T0 } from '../support/alert-store-contract.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';
import { useStateTables } from '../support/state-table.ts';

describe.skipIf(!motoAvailable)('DynamoDB alert stores (moto)', () => {
  const tables = useStateTables();
  alertStoreContract('DynamoDB', async () => {
    const table = await tables.create();
    const { log, entries } = recordingLog();
    const clock = { now: T0 };
    const stores = createDynamoAlertStores({ tableName: table.name, env: table.env, log, now: () => clock.now });
    const state = createDynamoStore({ tableName: table.name, env: table.env, log, now: () => clock.now });
    return { stores, state, putRaw: table.putRaw, entries, clock };
  });
});
