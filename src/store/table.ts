/**
 * The state table's definition (keys, indexes, TTL) as a DynamoDB CreateTable input: what tests and the bench create
 * on moto. `serverless.yml`'s `StateTable` declares the same table for AWS; a test checks that they agree.
 */
import { INDEX } from './keys.ts';

const index = (name: string, pk: string, sk: string) => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: pk, KeyType: 'HASH' as const },
    { AttributeName: sk, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

export const STATE_TABLE_ATTRIBUTES = ['pk', 'sk', 'dueKey', 'dueAt', 'channelKey', 'itemKey', 'ownerKey', 'kindKey', 'kindSort'] as const;

/** CreateTable input (without the name); `BillingMode: PAY_PER_REQUEST`, every index projects every attribute. */
export const STATE_TABLE_DEFINITION = {
  BillingMode: 'PAY_PER_REQUEST' as const,
  AttributeDefinitions: STATE_TABLE_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  GlobalSecondaryIndexes: [
    index(INDEX.due, 'dueKey', 'dueAt'),
    index(INDEX.byChannel, 'channelKey', 'itemKey'),
    index(INDEX.byOwner, 'ownerKey', 'itemKey'),
    index(INDEX.byKind, 'kindKey', 'kindSort'),
  ],
};

/** The TTL attribute (epoch seconds): Send-now claims and pacer items expire by themselves. */
export const STATE_TABLE_TTL_ATTRIBUTE = 'expiresAt';
