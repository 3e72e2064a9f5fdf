/**
 * DynamoDB on moto for exactly-once suites: a client for the suite, and tables shaped like serverless.yml's
 * IdempotencyTable (key `id`, on demand) for Powertools.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { createDynamoOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';
import { useService } from './late.ts';
import type { Moto } from './moto.ts';

/** A DynamoDB client on `moto` (from `useMoto()`, registered before it) for this suite: made in beforeAll, destroyed in afterAll. */
export function useDynamo(moto: Moto): DynamoDBClient {
  return useService('the DynamoDB client', {
    start: async () => new DynamoDBClient({ region: moto.env.AWS_REGION, endpoint: moto.endpoint }),
    stop: async (dynamo) => dynamo.destroy(),
  });
}

/**
 * The idempotency tables made in this test file, by name: a recorded request to one of them is checked against the
 * roles' statements on serverless.yml's IdempotencyTable (`test/support/serverless-yml.ts`), not the state table.
 */
export const idempotencyTables = new Set<string>();

export async function createIdempotencyTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  idempotencyTables.add(tableName);
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}

/**
 * The worker's production guard (Powertools on DynamoDB) on a fresh idempotency table, registered with a Lambda
 * context that has `remainingMs` to run (in-progress records expire with it); its requests go to `endpoint` (default:
 * moto's; a counting proxy's, to check them against the worker's role).
 */
export async function createPowertoolsGuard(
  dynamo: DynamoDBClient,
  moto: Moto,
  tableName: string,
  remainingMs = 120_000,
  endpoint = moto.endpoint,
): Promise<OnceGuard> {
  await createIdempotencyTable(dynamo, tableName);
  const once = createDynamoOnceGuard({ tableName, env: { ...moto.env, AWS_ENDPOINT_URL: endpoint } });
  const deadline = Date.now() + remainingMs;
  once.registerLambdaContext?.({
    functionName: 'worker',
    awsRequestId: 'r1',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  } as unknown as Context);
  return once;
}
