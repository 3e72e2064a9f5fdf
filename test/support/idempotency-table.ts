/**
 * DynamoDB on moto for exactly-once suites: a client for the suite, and tables shaped like serverless.yml's
 * IdempotencyTable (key `id`, on demand) for Powertools.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { useService } from './late.ts';
import type { Moto } from './moto.ts';

/** A DynamoDB client on `moto` (from `useMoto()`, registered before it) for this suite: made in beforeAll, destroyed in afterAll. */
export function useDynamo(moto: Moto): DynamoDBClient {
  return useService('the DynamoDB client', {
    start: async () => new DynamoDBClient({ region: moto.env.AWS_REGION, endpoint: moto.endpoint }),
    stop: async (dynamo) => dynamo.destroy(),
  });
}

export async function createIdempotencyTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}
