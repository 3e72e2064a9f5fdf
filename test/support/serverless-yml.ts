/**
 * serverless.yml as written (CloudFormation short-form tags kept as `{ Tag: value }`), its roles' IAM statements, and
 * whether a DynamoDB request a test recorded (`counting-proxy.ts`) is allowed by a role's statements on the state table:
 * the action, the table or index, and `dynamodb:LeadingKeys` (every partition key the request touches).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Tags } from 'yaml';
import { ROOT } from '../../src/build/bundle.ts';

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

const STATE_TABLE = { GetAtt: 'StateTable.Arn' };

export interface DynamoRequest {
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
    IndexName?: string;
    Key?: AttributeMap;
    Item?: AttributeMap;
    RequestItems?: Record<
      string,
      { Keys?: AttributeMap[] } | Array<{ PutRequest?: { Item: AttributeMap }; DeleteRequest?: { Key: AttributeMap } }>
    >;
  };
  const maps: AttributeMap[] = [];
  if (body.Key) maps.push(body.Key);
  if (body.Item) maps.push(body.Item);
  for (const request of Object.values(body.RequestItems ?? {})) {
    if (Array.isArray(request)) for (const r of request) maps.push(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {});
    else maps.push(...(request.Keys ?? []));
  }
  return { action, ...(body.IndexName ? { index: body.IndexName } : {}), leadingKeys: maps.map((m) => String(m.pk?.S)) };
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

/** Whether one of `list` allows `request` on the state table. */
export function allows(list: readonly Statement[], request: DynamoRequest): boolean {
  const resource = JSON.stringify(request.index ? { Join: ['', [STATE_TABLE, `/index/${request.index}`]] } : STATE_TABLE);
  return list.some((s) => {
    if ((s.Effect ?? 'Allow') !== 'Allow' || !actions([s]).includes(`dynamodb:${request.action}`)) return false;
    // A statement names one resource or several (the list indexes).
    if (!(Array.isArray(s.Resource) ? s.Resource : [s.Resource]).some((r) => JSON.stringify(r) === resource)) return false;
    const patterns = (s.Condition as { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys'?: string[] } } | undefined)?.[
      'ForAllValues:StringLike'
    ]?.['dynamodb:LeadingKeys'];
    return !patterns || request.leadingKeys.every((key) => patterns.some((p) => glob(p).test(key)));
  });
}
