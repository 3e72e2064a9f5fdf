/**
 * The state table on a local DynamoDB endpoint (moto): created as `STATE_TABLE_DEFINITION` says, and filled fast with
 * batch writes. For the tests and for the bench's tick cost.
 */
import { CreateTableCommand, type DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STATE_TABLE_DEFINITION, STATE_TABLE_TTL_ATTRIBUTE } from '../store/table.ts';
import { mapLimit } from '../worker/map-limit.ts';

export async function createStateTableIn(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new CreateTableCommand({ TableName: name, ...STATE_TABLE_DEFINITION }));
  await client
    .send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: STATE_TABLE_TTL_ATTRIBUTE, Enabled: true },
      }),
    )
    .catch(() => undefined);
}

/** Writes items 25 at a time, 4 batches in flight. */
export async function batchWrite(client: DynamoDBClient, name: string, items: readonly Record<string, unknown>[]): Promise<void> {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await mapLimit(chunks, 4, async (chunk) => {
    let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const answer = await doc.send(new BatchWriteCommand({ RequestItems: { [name]: requests } }));
      requests = (answer.UnprocessedItems?.[name] ?? []) as typeof requests;
    }
  });
}
