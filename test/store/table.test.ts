/**
 * The state table serverless.yml deploys is the one the tests use (src/store/table.ts): same keys, indexes and TTL;
 * and it is kept safe: retained on delete and on replacement, point-in-time recovery on, each function allowed
 * only what it does with it, an alarm when the ack path can't read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type Tags } from 'yaml';
import { ROOT } from '../../src/build/bundle.ts';
import { STATE_TABLE_DEFINITION, STATE_TABLE_TTL_ATTRIBUTE } from '../../src/store/table.ts';

/** CloudFormation's short-form tags, kept as `{ tag: value }` so the file parses. */
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

type Resource = { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties: Record<string, unknown> };
const stack = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { customTags: cfnTags }) as {
  provider: { environment: Record<string, unknown> };
  resources: { Resources: Record<string, Resource> };
};
const resources = stack.resources.Resources;

function statements(role: string, policy: string): Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> {
  const policies = resources[role]!.Properties.Policies as Array<{ PolicyName: string; PolicyDocument: { Statement: never[] } }>;
  return policies.find((p) => p.PolicyName === policy)!.PolicyDocument.Statement;
}
const actions = (list: ReturnType<typeof statements>) => list.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();

describe('StateTable in serverless.yml', () => {
  const table = resources.StateTable!;

  it('has the keys, indexes and TTL the store is written for', () => {
    const props = table.Properties;
    const sortBy = <T extends object>(list: T[], key: keyof T) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
    expect(props.BillingMode).toBe(STATE_TABLE_DEFINITION.BillingMode);
    expect(props.KeySchema).toEqual(STATE_TABLE_DEFINITION.KeySchema);
    expect(sortBy(props.AttributeDefinitions as { AttributeName: string }[], 'AttributeName')).toEqual(
      sortBy(STATE_TABLE_DEFINITION.AttributeDefinitions, 'AttributeName'),
    );
    expect(sortBy(props.GlobalSecondaryIndexes as { IndexName: string }[], 'IndexName')).toEqual(
      sortBy(STATE_TABLE_DEFINITION.GlobalSecondaryIndexes, 'IndexName'),
    );
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: STATE_TABLE_TTL_ATTRIBUTE, Enabled: true });
  });

  it('survives the stack: Retain on delete and replacement, point-in-time recovery on', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(stack.provider.environment.STATE_TABLE).toEqual({ Ref: 'StateTable' });
  });

  it('each function may do only what it does with it', () => {
    // http: the ack path's bindings read, and the subscription UI's items and list indexes (not `due`).
    const http = statements('HttpRole', 'http-state');
    expect(actions(http)).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(http[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*', 'CHANNEL#*'] } });
    expect(JSON.stringify(http[1]!.Resource)).not.toContain('/index/due');
    expect(actions(statements('ScheduleRole', 'schedule-state'))).toEqual(['dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(statements('ScheduleRole', 'schedule-state')[0]!.Resource).toEqual({ Join: ['', [{ GetAtt: 'StateTable.Arn' }, '/index/due']] });
    expect(actions(statements('WorkerRole', 'worker-state'))).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'sqs:SendMessage',
    ]);
    expect(actions(statements('DeadLetterRole', 'deadletter-state'))).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    // Nobody may Scan it.
    expect(JSON.stringify(resources)).not.toContain('dynamodb:Scan');
  });

  it('operators hear when it can\u2019t be read on the ack path (where nothing fails, people are asked to try again)', () => {
    const filters = Object.values(resources).filter((r) => r.Type === 'AWS::Logs::MetricFilter');
    expect(filters.map((f) => f.Properties.LogGroupName)).toEqual([{ Ref: 'HttpLogGroup' }, { Ref: 'WorkerLogGroup' }]);
    for (const filter of filters) expect(filter.Properties.FilterPattern).toBe('{ $.event = "access.bindings_unavailable" }');
    const alarm = resources.StateBindingsUnavailableAlarm!;
    expect(alarm.Properties).toMatchObject({
      MetricName: 'StateStoreErrors',
      Dimensions: [{ Name: 'Event', Value: 'access.bindings_unavailable' }],
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
  });
});
