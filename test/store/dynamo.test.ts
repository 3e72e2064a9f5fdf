/**
 * The DynamoDB state store passes the store contract against moto, on a table shaped like serverless.yml's, through a
 * counting proxy (every request it sends is seen, failed ones too).
 */
import { afterAll, describe } from 'vitest';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';
import { useStateTables } from '../support/state-table.ts';
import { storeContract, T0 } from '../support/store-contract.ts';

describe.skipIf(!motoAvailable)('DynamoDB state store (moto)', () => {
  const tables = useStateTables();
  let proxy: CountingProxy | undefined;
  afterAll(() => proxy?.close());
  storeContract('DynamoDB', async () => {
    const table = await tables.create();
    proxy ??= await startCountingProxy(String(table.env.AWS_ENDPOINT_URL));
    const seen = proxy.targets;
    const { log, entries } = recordingLog();
    const clock = { now: T0 };
    const env = { ...table.env, AWS_ENDPOINT_URL: proxy.endpoint };
    const store = createDynamoStore({ tableName: table.name, env, log, now: () => clock.now });
    return { store, putRaw: table.putRaw, entries, clock, requests: () => seen.length };
  });
});
