/**
 * The DynamoDB half of the bench's AWS stand-in: answers `Query` (DynamoDB JSON protocol, `X-Amz-Target:
 * DynamoDB_20120810.Query`) from a fixed set of items, by partition key value (`:pk`, the HTTP function's bindings
 * read) or index partition (`:due`, the tick's due Queries of subscriptions and alerts), and accepts single-item
 * writes and reads (`PutItem`, `UpdateItem`, `DeleteItem`: done; `GetItem`: no item), as the subscription UI's store
 * makes them. Enough for cold starts to make the state store's first requests, signed (aws4) or through the SDK, and
 * get real answers.
 */
export interface DynamoRequest {
  target: string;
  signed: boolean;
}

type Item = Record<string, { S: string } | { N: string }>;

/** What the stand-in holds: the demo channel's binding to its own project (as the configuration binds it too). */
export const STAND_IN_ITEMS: readonly Item[] = [
  {
    pk: { S: 'CHANNEL#C0ACME' },
    sk: { S: 'BIND#acme' },
    entity: { S: 'binding' },
    schema: { N: '1' },
    channel: { S: 'C0ACME' },
    project: { S: 'acme' },
    createdAt: { S: '2026-01-01T00:00:00.000Z' },
    createdBy: { S: 'U0ADMIN' },
    kindKey: { S: 'BIND' },
    kindSort: { S: 'acme#C0ACME' },
  },
];

/** The answer to a DynamoDB request, or undefined when the target is not DynamoDB's. */
export function answerDynamoDb(target: string, payload: Record<string, unknown>): { status: number; body: object } | undefined {
  if (!target.startsWith('DynamoDB_20120810.')) return undefined;
  const operation = target.slice('DynamoDB_20120810.'.length);
  if (operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem' || operation === 'GetItem') {
    return { status: 200, body: {} };
  }
  if (operation !== 'Query') {
    return {
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#UnknownOperationException', message: `not supported here: ${target}` },
    };
  }
  const values = (payload.ExpressionAttributeValues ?? {}) as Record<string, { S?: string }>;
  const pk = values[':pk']?.S;
  const items = pk === undefined ? [] : STAND_IN_ITEMS.filter((item) => 'S' in item.pk! && item.pk.S === pk);
  return { status: 200, body: { Items: items, Count: items.length, ScannedCount: items.length } };
}
