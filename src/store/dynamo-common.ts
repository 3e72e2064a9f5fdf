/**
 * What the DynamoDB stores on the state table share: the SDK's document client, loaded on first use (the Lambda
 * runtime provides `@aws-sdk/*`; the bundles leave it out), the update-expression builder, the versioned delete and
 * the read counter.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from '../aws/env.ts';
import { lazy } from '../lazy.ts';
import { INDEX, type ItemKey } from './keys.ts';
import { type Listing, type ListingRead, startOf } from './listing.ts';
import { type PageRequest, pageSize, type ReadStats } from './store.ts';

export type Item = Record<string, unknown>;
export type Lib = typeof import('@aws-sdk/lib-dynamodb');
export interface Sdk {
  doc: DynamoDBDocumentClient;
  lib: Lib;
}

/** The document client for `env`'s region, endpoint and credentials, made on the first call and shared after. */
export function lazyDocumentClient(env: NodeJS.ProcessEnv): () => Promise<Sdk> {
  return lazy(async () => {
    const [{ DynamoDBClient }, lib] = await Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]);
    const doc = lib.DynamoDBDocumentClient.from(new DynamoDBClient(awsClientConfig('dynamodb', env)), {
      marshallOptions: { removeUndefinedValues: true },
    });
    return { doc, lib };
  });
}

export const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** SET the defined fields, REMOVE the undefined ones. */
export function updateOf(
  fields: Record<string, unknown>,
  condition: string,
  conditionValues: Record<string, unknown>,
  conditionNames = {},
) {
  const names: Record<string, string> = { ...conditionNames };
  const values: Record<string, unknown> = { ...conditionValues };
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(fields).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    if (value === undefined) removes.push(`#f${i}`);
    else {
      values[`:f${i}`] = value;
      sets.push(`#f${i} = :f${i}`);
    }
  });
  const expression = [sets.length > 0 ? `SET ${sets.join(', ')}` : '', removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
  return {
    UpdateExpression: expression,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/**
 * Deletes the item at `Key` only while its `versionAttribute` is still `version` (optimistic locking): true when
 * deleted, false when that condition failed (it changed, or is gone, meanwhile); any other error is thrown.
 */
export async function deleteAtVersion(
  { doc, lib }: Sdk,
  TableName: string,
  Key: ItemKey,
  versionAttribute: string,
  version: number,
): Promise<boolean> {
  try {
    await doc.send(
      new lib.DeleteCommand({
        TableName,
        Key,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': versionAttribute },
        ExpressionAttributeValues: { ':expected': version },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Counts a read answer: one request, and the items it read (scanned, for queries). */
/**
 * The key condition of an index Query: the partition `pkAttr = pkValue`, and only sort keys beginning with `prefix` when
 * one is given (DynamoDB refuses an empty key value and an unused attribute name, so without a prefix, the partition alone).
 */
export function indexKeyCondition(pkAttr: string, pkValue: string, skAttr: string, prefix?: string) {
  return {
    KeyConditionExpression: prefix ? '#p = :p AND begins_with(#s, :prefix)' : '#p = :p',
    ExpressionAttributeNames: { '#p': pkAttr, ...(prefix ? { '#s': skAttr } : {}) },
    ExpressionAttributeValues: { ':p': pkValue, ...(prefix ? { ':prefix': prefix } : {}) },
  };
}

/** A page of a listing: one index Query of at most a page's items, after the key its cursor names (checked first: a refused cursor sends nothing). */
export async function queryListing(
  { doc, lib }: Sdk,
  TableName: string,
  listing: Listing,
  page: PageRequest | undefined,
  reads: ReadStats,
): Promise<ListingRead> {
  const start = page?.cursor ? startOf(listing, page.cursor) : undefined;
  const answer = await doc.send(
    new lib.QueryCommand({
      TableName,
      IndexName: listing.index,
      ...indexKeyCondition(listing.pkAttr, listing.pkValue, listing.skAttr, listing.prefix),
      Limit: pageSize(page),
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  countRead(reads, answer);
  return { items: answer.Items ?? [], more: answer.LastEvaluatedKey !== undefined };
}

export function countRead(reads: ReadStats, answer: { ScannedCount?: number; Items?: unknown[]; Item?: unknown }): void {
  reads.requests++;
  reads.items += answer.ScannedCount ?? answer.Items?.length ?? (answer.Item ? 1 : 0);
}

/**
 * What is due in a `due` index partition (`DUE#SUB`, `DUE#ALERT`) at `at` (`dueAt <= at`), earliest first, page after
 * page, at most `limit`: each item as `read` makes it, those it refuses (invalid, paused) left out and not counted.
 */
export async function queryDue<T>(
  { doc, lib }: Sdk,
  TableName: string,
  dueKey: string,
  at: Date,
  limit: number,
  reads: ReadStats,
  read: (item: Item) => T | undefined,
): Promise<T[]> {
  const found: T[] = [];
  let start: Record<string, unknown> | undefined;
  while (found.length < limit) {
    const answer = await doc.send(
      new lib.QueryCommand({
        TableName,
        IndexName: INDEX.due,
        KeyConditionExpression: 'dueKey = :due AND dueAt <= :now',
        ExpressionAttributeValues: { ':due': dueKey, ':now': at.toISOString() },
        Limit: Math.min(limit - found.length, 1000),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    countRead(reads, answer);
    for (const item of answer.Items ?? []) {
      const value = read(item);
      if (value !== undefined) found.push(value);
    }
    start = answer.LastEvaluatedKey;
    if (!start) break;
  }
  return found.slice(0, Math.max(0, limit));
}
