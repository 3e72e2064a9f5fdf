/** A DynamoDB table shaped like serverless.yml's IdempotencyTable (key `id`, on demand), for Powertools on moto. */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

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
