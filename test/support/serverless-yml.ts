/**
 * serverless.yml as written (CloudFormation short-form tags kept as `{ Tag: value }`), its roles' IAM statements, and
 * whether a DynamoDB request a test recorded (`counting-proxy.ts`) is allowed by a role's statements: the action, the
 * table (the state table, or the Powertools idempotency table when the request names one made by
 * `idempotency-table.ts`) or index, and `dynamodb:LeadingKeys` (every partition key the request touches: item keys,
 * and a table Query's key condition).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse, type Tags } from 'yaml';
import { ROOT } from '../../src/build/bundle.ts';
import type { CountingProxy } from './counting-proxy.ts';
import { idempotencyTables } from './idempotency-table.ts';

const cfnTags: Tags = [
  'Ref',
  'GetAtt',
  'Join',
  'Sub',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'ImportValue',
  'FindInMap',
  'GetAZs',
  'Base64',
].flatMap(
  (name) =>
    (['scalar', 'seq', 'map'] as const).map((collection) => ({
      tag: `!${name}`,
      collection: collection === 'scalar' ? undefined : collection,
      resolve: (value: unknown) => ({
        [name]: value instanceof Object && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value,
      }),
    })) as Tags,
);

export type Resource = { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties: Record<string, unknown> };
export interface Statement {
  Effect?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

export const stack = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { customTags: cfnTags }) as {
  provider: { environment: Record<string, unknown> };
  resources: { Resources: Record<string, Resource> };
};

/** A role's statements: of one policy, or of all its policies. */
export function statements(role: string, policy?: string): Statement[] {
  const policies = stack.resources.Resources[role]!.Properties.Policies as Array<{
    PolicyName: string;
    PolicyDocument: { Statement: Statement[] };
  }>;
  return policies.filter((p) => policy === undefined || p.PolicyName === policy).flatMap((p) => p.PolicyDocument.Statement);
}

export const actions = (list: readonly Statement[]) => list.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();

/** The tables of serverless.yml, by logical id, and each one's partition key. */
const TABLES = { StateTable: 'pk', IdempotencyTable: 'id' } as const;
export type TableId = keyof typeof TABLES;
/** An index of the state table, as serverless.yml names it (`!Join ["", [!GetAtt StateTable.Arn, "/index/<name>"]]`). */
const stateIndex = (name: string) => ({ Join: ['', [{ GetAtt: 'StateTable.Arn' }, `/index/${name}`]] });

export interface DynamoRequest {
  /** The table asked for (serverless.yml's logical id). */
  table: TableId;
  /** `GetItem`, `BatchWriteItem`… */
  action: string;
  /** The index a Query reads, if any. */
  index?: string;
  /** Every partition key value the request reads or writes (none for an index Query). */
  leadingKeys: string[];
}

type AttributeMap = Record<string, { S?: string }>;

/** What a recorded DynamoDB JSON-protocol request asks for. */
export function dynamoRequest(recorded: { target: string; body: string }): DynamoRequest {
  const action = recorded.target.replace(/^DynamoDB_\d+\./, '');
  const body = JSON.parse(recorded.body) as {
    TableName?: string;
    IndexName?: string;
    KeyConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: AttributeMap;
    Key?: AttributeMap;
    Item?: AttributeMap;
    RequestItems?: Record<
      string,
      { Keys?: AttributeMap[] } | Array<{ PutRequest?: { Item: AttributeMap }; DeleteRequest?: { Key: AttributeMap } }>
    >;
  };
  const names = new Set([...(body.TableName ? [body.TableName] : []), ...Object.keys(body.RequestItems ?? {})]);
  if (names.size !== 1) throw new Error(`a ${action} request naming ${names.size} tables is not modelled`);
  const table: TableId = idempotencyTables.has([...names][0]!) ? 'IdempotencyTable' : 'StateTable';
  const key = TABLES[table];
  const maps: AttributeMap[] = [];
  if (body.Key) maps.push(body.Key);
  if (body.Item) maps.push(body.Item);
  for (const request of Object.values(body.RequestItems ?? {})) {
    if (Array.isArray(request)) for (const r of request) maps.push(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {});
    else maps.push(...(request.Keys ?? []));
  }
  const leadingKeys = maps.map((m) => String(m[key]?.S));
  // A Query of the table itself touches the partition its key condition names (`pk = :v`), as IAM sees it.
  if (body.KeyConditionExpression && !body.IndexName) {
    for (const [, name, value] of body.KeyConditionExpression.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
      if ((body.ExpressionAttributeNames?.[name!] ?? name) === key) leadingKeys.push(String(body.ExpressionAttributeValues?.[value!]?.S));
    }
  }
  return { table, action, ...(body.IndexName ? { index: body.IndexName } : {}), leadingKeys };
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

/** Whether one of `list` allows `request` on its table (or index). */
export function allows(list: readonly Statement[], request: DynamoRequest): boolean {
  if (request.index && request.table !== 'StateTable') throw new Error(`an index of ${request.table} is not modelled`);
  const resource = JSON.stringify(request.index ? stateIndex(request.index) : { GetAtt: `${request.table}.Arn` });
  return list.some((s) => {
    if ((s.Effect ?? 'Allow') !== 'Allow' || !actions([s]).includes(`dynamodb:${request.action}`)) return false;
    const granted = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    if (!granted.some((r) => JSON.stringify(r) === resource)) return false;
    const patterns = (s.Condition as { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys'?: string[] } } | undefined)?.[
      'ForAllValues:StringLike'
    ]?.['dynamodb:LeadingKeys'];
    return !patterns || request.leadingKeys.every((key) => patterns.some((p) => glob(p).test(key)));
  });
}

/**
 * The DynamoDB actions a function used through `proxy` on `table` (sorted, once each; default the state table), after
 * checking that its role's statements allow every request it made, on any table (the test fails naming the role and
 * the requests that are not).
 */
export function allowedOnly(proxy: CountingProxy, role: string, table: TableId = 'StateTable'): string[] {
  const used = proxy.requests.filter((r) => r.target.startsWith('DynamoDB_')).map(dynamoRequest);
  expect(
    used.filter((request) => !allows(statements(role), request)),
    role,
  ).toEqual([]);
  return [...new Set(used.filter((u) => u.table === table).map((u) => u.action))].sort();
}
