/**
 * The state table serverless.yml deploys is the one the tests use (src/store/table.ts): same keys, indexes and TTL;
 * and it is kept safe: retained on delete and on replacement, point-in-time recovery on, each function allowed
 * only what it does with it, an alarm when the ack path can't read it.
 */
import { describe, expect, it } from 'vitest';
import { STATE_TABLE_DEFINITION, STATE_TABLE_TTL_ATTRIBUTE } from '../../src/store/table.ts';
import { actions, stack, statements } from '../support/serverless-yml.ts';

const resources = stack.resources.Resources;

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
    // http: the ack path's bindings read, the subscription UI's items, the alerts UI's alerts (single items), and the
    // list indexes (not `due`).
    const http = statements('HttpRole', 'http-state');
    expect(actions(http)).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'dynamodb:UpdateItem',
    ]);
    expect(http[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*', 'CHANNEL#*'] } });
    expect(actions([http[1]!])).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(http[1]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERT#*'] } });
    expect(JSON.stringify(http[2]!.Resource)).not.toContain('/index/due');
    expect(actions(statements('ScheduleRole', 'schedule-state'))).toEqual(['dynamodb:Query', 'dynamodb:UpdateItem']);
    expect(statements('ScheduleRole', 'schedule-state')[0]!.Resource).toEqual({ Join: ['', [{ GetAtt: 'StateTable.Arn' }, '/index/due']] });
    // worker: subscriptions (read, deliveries, pauses, Send now claims) on SUB#; bindings and the pacer on CHANNEL#,
    // where it never updates or deletes; no index.
    const [subscriptionItems, channelItems, requeue] = statements('WorkerRole', 'worker-state');
    expect(actions([subscriptionItems!])).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(subscriptionItems!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*'] } });
    expect(actions([channelItems!])).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(channelItems!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CHANNEL#*'] } });
    for (const s of [subscriptionItems!, channelItems!]) expect(s.Resource).toEqual({ GetAtt: 'StateTable.Arn' });
    expect(actions([requeue!])).toEqual(['sqs:SendMessage']);
    // deadletter: a dead digest's or Send now's subscription read and its failure recorded, a Send now's claim given
    // back (SUB#); a dead alert check's alerts read to name them (ALERT#).
    const [deadSubscriptions, deadAlerts] = statements('DeadLetterRole', 'deadletter-state');
    expect(actions([deadSubscriptions!])).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(deadSubscriptions!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*'] } });
    expect(actions([deadAlerts!])).toEqual(['dynamodb:BatchGetItem']);
    expect(deadAlerts!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERT#*'] } });
    // Alerts: the tick claims (UpdateItem on ALERT# only); the worker reads alerts and writes their state, and keeps
    // each project's windows and outage record; neither may create or delete an alert.
    expect(statements('ScheduleRole', 'schedule-state')[1]!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*', 'ALERT#*'] },
    });
    const [alertItems, projectItems] = statements('WorkerRole', 'worker-alerts');
    expect(actions([alertItems!])).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem']);
    expect(alertItems!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERT#*'] } });
    expect(actions([projectItems!])).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    expect(projectItems!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERTPROJ#*'] } });
    for (const s of [alertItems!, projectItems!]) expect(s.Resource).toEqual({ GetAtt: 'StateTable.Arn' });
    // Nobody may Scan it.
    expect(JSON.stringify(resources)).not.toContain('dynamodb:Scan');
  });

  it('operators hear when it can\u2019t be read on the ack path (where nothing fails, people are asked to try again)', () => {
    // (The other metric filters count every error log line: test/build/template-scan.test.ts.)
    const filters = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Logs::MetricFilter' && r.Properties.FilterPattern === '{ $.event = "access.bindings_unavailable" }',
    );
    expect(filters.map((f) => f.Properties.LogGroupName)).toEqual([{ Ref: 'HttpLogGroup' }, { Ref: 'WorkerLogGroup' }]);
    const alarm = resources.StateBindingsUnavailableAlarm!;
    expect(alarm.Properties).toMatchObject({
      MetricName: 'StateStoreErrors',
      Dimensions: [{ Name: 'Event', Value: 'access.bindings_unavailable' }],
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
  });
});
