/**
 * The packaged CloudFormation stack, scanned: `cfn-lint` finds no error and no warning that is not suppressed with a
 * written justification, and the security properties the README claims hold in the template itself (secret scoped
 * to the stage, log permissions per function, alarms that notify someone, encrypted TLS-only queues kept on delete,
 * throttling and reserved concurrency, a schedule tick retried and then reported). Packaged once for the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';
import { SECRETS_CLIENT_FILE } from '../../src/build/secrets-client.ts';
import { FONTS_DIR, RESVG_WASM_FILE } from '../../src/charts/assets.ts';
import { ALL_FONT_FILES, CHART_FONT } from '../../src/charts/font.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { COVERING_ALARMS, type CoveringAlarm, coveredBy } from '../../src/log.ts';
import { filterMatches } from '../support/metric-filter.ts';
import { oslsPackage } from '../support/osls.ts';

const STAGE = 'scan';
const cfnLintAvailable = spawnSync('sh', ['-c', 'command -v cfn-lint'], { encoding: 'utf8' }).status === 0;
if (!cfnLintAvailable) {
  process.stderr.write('\n!!! cfn-lint is not installed: the packaged template is NOT linted (pip install cfn-lint) !!!\n\n');
}

type Json = Record<string, unknown>;
interface Resource {
  Type: string;
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
  Metadata?: Json;
  Properties: Json;
}
interface Template {
  Parameters: Record<string, { Type: string; Default: unknown }>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
  Principal?: unknown;
}

let dir: string;
let templateFile: string;
let template: Template;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chatdash-scan-'));
  const result = await oslsPackage(dir, DEMO_CONFIG_PATH, ['--stage', STAGE]);
  expect(result.status, result.output.slice(-2000)).toBe(0);
  templateFile = join(dir, 'cloudformation-template-update-stack.json');
  template = JSON.parse(readFileSync(templateFile, 'utf8')) as Template;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const resources = () => template.Resources;
const ofType = (type: string) => Object.entries(resources()).filter(([, r]) => r.Type === type);
const getAtt = (name: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [name, attribute] });
const ref = (name: string) => ({ Ref: name });
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

function statementsOfRole(role: string): Statement[] {
  const policies = resources()[role]?.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

/** Functions as [logical id, role logical id, function name]. */
function functions(): Array<{ id: string; role: string; name: string }> {
  return ofType('AWS::Lambda::Function').map(([id, f]) => ({
    id,
    role: (f.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
    name: String(f.Properties.FunctionName),
  }));
}

/** Evaluates a template condition (Fn::Not, Fn::Equals, Ref to a parameter) for the given parameter values. */
function evaluate(node: unknown, parameters: Record<string, unknown>): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const [[fn, args]] = Object.entries(node) as [[string, unknown]];
  switch (fn) {
    case 'Ref':
      return parameters[String(args)];
    case 'Fn::Not':
      return !evaluate((args as unknown[])[0], parameters);
    case 'Fn::Equals': {
      const [a, b] = (args as unknown[]).map((x) => evaluate(x, parameters));
      return String(a) === String(b);
    }
    default:
      throw new Error(`condition function ${fn} not understood by this test`);
  }
}

const defaults = () => Object.fromEntries(Object.entries(template.Parameters).map(([k, p]) => [k, p.Default]));

describe('cfn-lint on the packaged template', () => {
  it.skipIf(!cfnLintAvailable)('finds no error and no unsuppressed warning', { timeout: 120_000 }, () => {
    const run = spawnSync('cfn-lint', ['--format', 'json', templateFile], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(run.error).toBeUndefined();
    const matches = JSON.parse(run.stdout || '[]') as Array<{ Level: string; Rule: { Id: string }; Message: string; Location: unknown }>;
    const info = matches.filter((m) => m.Level === 'Informational');
    if (info.length > 0) process.stderr.write(`cfn-lint informational: ${info.map((m) => `${m.Rule.Id} ${m.Message}`).join('; ')}\n`);
    expect(matches.filter((m) => m.Level !== 'Informational').map((m) => `${m.Rule.Id}: ${m.Message}`)).toEqual([]);
    // Exit status: 0 clean, 8 informational only; errors (2) and warnings (4) are bits that must be off.
    expect((run.status ?? 1) & 0b0111).toBe(0);
  });

  it('every cfn-lint suppression in the template carries a written justification', () => {
    const suppressed = Object.entries(resources()).filter(([, r]) => r.Metadata?.['cfn-lint'] !== undefined);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const [id, r] of suppressed) {
      const justification = r.Metadata?.cfnLintJustification;
      expect(typeof justification === 'string' && justification.length > 40, `${id} suppresses cfn-lint checks without a why`).toBe(true);
      const lint = r.Metadata?.['cfn-lint'] as { config?: { ignore_checks?: string[] } } | undefined;
      const ignored = (lint?.config?.ignore_checks ?? []).filter((check) => !String(justification).includes(check));
      expect(ignored, `${id}: suppressed checks its justification does not name`).toEqual([]);
    }
  });
});

describe('the packages', () => {
  it('ship the bundled Secrets Manager client with each function that reads the secret', () => {
    // Zip entries keep their names in clear text.
    for (const name of ['http', 'worker', 'deadletter']) {
      expect(readFileSync(join(dir, `${name}.zip`)).includes(`dist/${name}/${SECRETS_CLIENT_FILE}`), name).toBe(true);
    }
    expect(readFileSync(join(dir, 'schedule.zip')).includes(SECRETS_CLIENT_FILE)).toBe(false);
  });

  it('ship the worker with its chunks and the chart renderer’s files beside them, and no other function with those', () => {
    const worker = readFileSync(join(dir, 'worker.zip'));
    for (const file of [
      'chunk-render-',
      RESVG_WASM_FILE,
      `${FONTS_DIR}/${CHART_FONT.licence}`,
      ...ALL_FONT_FILES.map((f) => `${FONTS_DIR}/${f}`),
    ]) {
      expect(worker.includes(`dist/worker/${file}`), file).toBe(true);
    }
    for (const name of ['http', 'schedule', 'deadletter']) {
      expect(readFileSync(join(dir, `${name}.zip`)).includes(RESVG_WASM_FILE), name).toBe(false);
    }
  });

  it('ship the http function with its subscription and alerts UI bundles beside it', () => {
    expect(readFileSync(join(dir, 'http.zip')).includes('dist/http/subscription-ui.mjs')).toBe(true);
    expect(readFileSync(join(dir, 'http.zip')).includes('dist/http/alert-ui.mjs')).toBe(true);
  });
});

describe('least privilege', () => {
  it('the secret permission names exactly this stage\u2019s secret (its ARN ends in 6 random characters)', () => {
    const secretStatements = Object.keys(resources())
      .filter((id) => resources()[id]!.Type === 'AWS::IAM::Role')
      .flatMap((role) => statementsOfRole(role).map((s) => ({ role, s })))
      .filter(({ s }) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(secretStatements.map(({ role }) => role).sort()).toEqual(['DeadLetterRole', 'HttpRole', 'WorkerRole']);
    for (const { s } of secretStatements) {
      expect(actionsOf(s)).toEqual(['secretsmanager:GetSecretValue']);
      const parts = (s.Resource as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const last = parts[parts.length - 1];
      expect(last).toBe(`:secret:chatdash-slack/${STAGE}-??????`);
      expect(JSON.stringify(s.Resource)).not.toContain('*');
    }
  });

  it('each function may write only to its own log group', () => {
    const fns = functions();
    expect(fns).toHaveLength(4);
    for (const fn of fns) {
      const [logGroup] = ofType('AWS::Logs::LogGroup').find(([, g]) => g.Properties.LogGroupName === `/aws/lambda/${fn.name}`)!;
      const logStatements = statementsOfRole(fn.role).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logStatements, fn.id).toHaveLength(1);
      expect(logStatements[0]!.Resource, fn.id).toEqual(getAtt(logGroup));
      expect(actionsOf(logStatements[0]!).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    }
  });

  it('the http role reaches the state table only where the subscription and alerts UIs work: SUB#, CHANNEL# and ALERT# items, the list indexes', () => {
    const state = statementsOfRole('HttpRole').filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    const onTable = state.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(getAtt('StateTable')));
    const leading = (s: Statement) => JSON.stringify(s.Condition);
    const [subscriptions, alerts] = [
      onTable.find((s) => leading(s).includes('SUB#'))!,
      onTable.find((s) => leading(s).includes('ALERT#'))!,
    ];
    expect(onTable).toHaveLength(2);
    expect(actionsOf(subscriptions).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(leading(subscriptions)).toBe(JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SUB#*', 'CHANNEL#*'] } }));
    // Alerts: single items only (no Query of a partition), and not the checks' windows or outages (ALERTPROJ#).
    expect(actionsOf(alerts).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(leading(alerts)).toBe(JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ALERT#*'] } }));
    const indexes = state.filter((s) => !onTable.includes(s));
    expect(indexes.flatMap(actionsOf)).toEqual(['dynamodb:Query']);
    const names = JSON.stringify(indexes.map((s) => s.Resource));
    for (const index of ['byChannel', 'byOwner', 'byKind']) expect(names).toContain(`/index/${index}`);
    expect(names).not.toContain('/index/due');
    // Nothing else of the table: no Scan, no batch or transaction, no other table.
    expect(
      state
        .flatMap(actionsOf)
        .every((a) => ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query'].includes(a)),
    ).toBe(true);
  });

  it('no role allows a wildcard action or resource', () => {
    for (const [role] of ofType('AWS::IAM::Role')) {
      for (const s of statementsOfRole(role)) {
        expect(s.Effect).toBe('Allow');
        for (const action of actionsOf(s)) expect(action, role).not.toMatch(/\*/);
        expect(s.Resource, role).not.toBe('*');
      }
    }
  });
});

/** The metrics an alarm watches (its own, or each MetricStat of its metric math), with their first dimension's value. */
function metricsOf(alarm: Record<string, unknown>): Array<{ metric: string; dimension: unknown }> {
  type Metric = { Namespace?: unknown; MetricName?: unknown; Dimensions?: Array<{ Value: unknown }> };
  const stats = alarm.Metrics
    ? (alarm.Metrics as Array<{ MetricStat?: { Metric: Metric } }>).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []))
    : [alarm as Metric];
  return stats.map((m) => ({ metric: `${String(m.Namespace)}/${String(m.MetricName)}`, dimension: m.Dimensions?.[0]?.Value }));
}

describe('operators hear about failures', () => {
  it('every alarm notifies the alarm topic', () => {
    expect(resources().AlarmTopic?.Type).toBe('AWS::SNS::Topic');
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(6);
    for (const [id, alarm] of alarms) expect(alarm.Properties.AlarmActions, id).toEqual([ref('AlarmTopic')]);
    expect(template.Outputs.AlarmTopicArn).toMatchObject({ Value: ref('AlarmTopic') });
  });

  it('the dead-letter queue, the failed-tick queue and every function\u2019s errors have an alarm', () => {
    const watched = ofType('AWS::CloudWatch::Alarm').flatMap(([, a]) => metricsOf(a.Properties));
    const has = (metric: string, dimension: unknown) =>
      watched.some((w) => w.metric === metric && JSON.stringify(w.dimension) === JSON.stringify(dimension));
    expect(has('AWS/SQS/NumberOfMessagesReceived', getAtt('JobsDeadLetterQueue', 'QueueName'))).toBe(true);
    expect(has('AWS/SQS/NumberOfMessagesSent', getAtt('ScheduleFailuresQueue', 'QueueName'))).toBe(true);
    for (const fn of functions()) expect(has('AWS/Lambda/Errors', ref(fn.id)), fn.id).toBe(true);
    expect(has('AWS/Lambda/Throttles', ref('HttpLambdaFunction'))).toBe(true);
    expect(has('AWS/ApiGateway/5xx', ref('HttpApi'))).toBe(true);
  });

  it('every function\u2019s error log lines count in a metric whose alarm notifies the topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const watched = functions();
    expect(watched.map((fn) => fn.id).sort()).toEqual([
      'DeadletterLambdaFunction',
      'HttpLambdaFunction',
      'ScheduleLambdaFunction',
      'WorkerLambdaFunction',
    ]);
    // A line of the function's own failures (as src/log.ts writes it), and a warning.
    const errorLine = (event: string) => JSON.stringify({ level: 'error', event, time: '2026-11-26T00:00:00.000Z' });
    const warnLine = JSON.stringify({ level: 'warn', event: 'schedule.spaced', time: '2026-11-26T00:00:00.000Z' });
    for (const fn of watched) {
      const [logGroup] = ofType('AWS::Logs::LogGroup').find(([, g]) => g.Properties.LogGroupName === `/aws/lambda/${fn.name}`)!;
      const filters = ofType('AWS::Logs::MetricFilter')
        .map(([, f]) => f.Properties)
        .filter(
          (f) =>
            JSON.stringify(f.LogGroupName) === JSON.stringify(ref(logGroup)) &&
            String(f.FilterPattern).startsWith('{ $.level = "error"') &&
            filterMatches(String(f.FilterPattern), errorLine(`${fn.name}.failed`)),
        );
      expect(filters, fn.id).toHaveLength(1);
      expect(filterMatches(String(filters[0]!.FilterPattern), warnLine), fn.id).toBe(false);
      const [metric] = filters[0]!.MetricTransformations as Array<{ MetricNamespace: string; MetricName: string; MetricValue: string }>;
      expect(metric).toMatchObject({ MetricNamespace: `chatdash-slack/${STAGE}`, MetricValue: '1' });
      const alarm = alarms.filter((a) => a.Namespace === metric!.MetricNamespace && a.MetricName === metric!.MetricName);
      expect(alarm, fn.id).toHaveLength(1);
      expect(alarm[0]).toMatchObject({
        Statistic: 'Sum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [ref('AlarmTopic')],
      });
    }
  });

  it('one incident, one alarm: a line marked with an alarm of its own counts in no error-log metric, and that alarm exists', () => {
    // test/e2e/error-log-alarms.test.ts runs the functions' real lines through these filters.
    const marked = (event: string, alarm: CoveringAlarm) =>
      JSON.stringify({ level: 'error', event, ...coveredBy(alarm), time: '2026-11-26T00:00:00.000Z' });
    const unmarked = (event: string) => JSON.stringify({ level: 'error', event, time: '2026-11-26T00:00:00.000Z' });
    const errorLogFilters = ofType('AWS::Logs::MetricFilter').filter(([, f]) => String(f.Properties.FilterPattern).includes('$.level'));
    expect(errorLogFilters).toHaveLength(4);
    for (const [id, filter] of errorLogFilters) {
      const pattern = String(filter.Properties.FilterPattern);
      for (const alarm of COVERING_ALARMS) expect(filterMatches(pattern, marked('any.event', alarm)), `${id} ${alarm}`).toBe(false);
      expect(filterMatches(pattern, unmarked('deadletter.record_failed')), id).toBe(true);
    }
    const alarms = new Map(ofType('AWS::CloudWatch::Alarm'));
    for (const alarm of COVERING_ALARMS) expect(alarms.get(`${alarm}Alarm`)?.Properties.AlarmActions, alarm).toEqual([ref('AlarmTopic')]);
  });

  it('a failed schedule tick notifies once: one alarm sums the function\u2019s errors and the ticks sent to the failures queue', () => {
    const schedule = ofType('AWS::CloudWatch::Alarm').filter(([, a]) =>
      metricsOf(a.Properties).some((m) => JSON.stringify(m.dimension) === JSON.stringify(ref('ScheduleLambdaFunction'))),
    );
    expect(schedule.map(([id]) => id)).toEqual(['ScheduleErrorsAlarm']);
    const alarm = schedule[0]![1].Properties;
    expect(metricsOf(alarm).map((m) => m.metric)).toEqual(['AWS/Lambda/Errors', 'AWS/SQS/NumberOfMessagesSent']);
    const returned = (alarm.Metrics as Array<{ Id: string; Expression?: string; ReturnData?: boolean }>).filter(
      (m) => m.ReturnData !== false,
    );
    expect(returned).toEqual([expect.objectContaining({ Expression: 'FILL(errors, 0) + FILL(dropped, 0)' })]);
    expect(alarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', OKActions: [ref('AlarmTopic')] });
    // Nothing else watches the failures queue (it used to have an alarm of its own: a second notification).
    const onQueue = ofType('AWS::CloudWatch::Alarm').filter(([, a]) =>
      metricsOf(a.Properties).some((m) => JSON.stringify(m.dimension) === JSON.stringify(getAtt('ScheduleFailuresQueue', 'QueueName'))),
    );
    expect(onQueue.map(([id]) => id)).toEqual(['ScheduleErrorsAlarm']);
  });

  it('a failed schedule tick is retried once, then sent to a queue the schedule role may write to', () => {
    const [, config] = ofType('AWS::Lambda::EventInvokeConfig').find(
      ([, c]) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify(ref('ScheduleLambdaFunction')),
    )!;
    expect(config.Properties.MaximumRetryAttempts).toBe(1);
    expect(config.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: getAtt('ScheduleFailuresQueue') } });
    const sends = statementsOfRole('ScheduleRole').filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(sends.map((s) => s.Resource)).toContainEqual(getAtt('ScheduleFailuresQueue'));
  });

  it('the email subscription exists only when an address is given at deploy', () => {
    const subscription = resources().AlarmEmailSubscription!;
    expect(subscription).toMatchObject({
      Type: 'AWS::SNS::Subscription',
      Condition: 'HasAlarmEmail',
      Properties: { TopicArn: ref('AlarmTopic'), Protocol: 'email', Endpoint: ref('AlarmEmail') },
    });
    const condition = template.Conditions.HasAlarmEmail;
    expect(template.Parameters.AlarmEmail?.Default).toBe('');
    expect(evaluate(condition, defaults())).toBe(false);
    expect(evaluate(condition, { ...defaults(), AlarmEmail: 'ops@example.com' })).toBe(true);
  });

  it('--param="alarmEmail=…" and --param="httpReservedConcurrency=none" reach the stack parameters', () => {
    const run = spawnSync(
      'npx',
      [
        'osls',
        'print',
        '--param=alarmEmail=ops@example.com',
        '--param=httpReservedConcurrency=none',
        '--format',
        'json',
        '--path',
        'resources',
      ],
      { cwd: ROOT, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { Parameters: Template['Parameters']; Conditions: Template['Conditions'] };
    const values = Object.fromEntries(Object.entries(printed.Parameters).map(([k, p]) => [k, p.Default]));
    expect(values).toMatchObject({ AlarmEmail: 'ops@example.com', HttpReservedConcurrency: 'none' });
    expect(evaluate(printed.Conditions.HasAlarmEmail, values)).toBe(true);
    expect(evaluate(printed.Conditions.HasHttpReservedConcurrency, values)).toBe(false);
  });
});

describe('safe defaults', () => {
  it('every queue is encrypted, TLS-only and kept when the stack goes', () => {
    const queues = ofType('AWS::SQS::Queue');
    expect(queues.map(([id]) => id).sort()).toEqual(['JobsDeadLetterQueue', 'JobsQueue', 'ScheduleFailuresQueue']);
    const denies = ofType('AWS::SQS::QueuePolicy').flatMap(([, p]) =>
      ((p.Properties.PolicyDocument as { Statement: Statement[] }).Statement ?? []).map((s) => ({ s, queues: p.Properties.Queues })),
    );
    for (const [id, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
      expect(queue.DeletionPolicy, id).toBe('Retain');
      expect(queue.UpdateReplacePolicy, id).toBe('Retain');
      const tls = denies.find(
        ({ s, queues: attached }) =>
          s.Effect === 'Deny' &&
          s.Principal === '*' &&
          (s.Condition as { Bool?: Record<string, string> })?.Bool?.['aws:SecureTransport'] === 'false' &&
          (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).some((r) => JSON.stringify(r) === JSON.stringify(getAtt(id))) &&
          (attached as unknown[]).some((q) => JSON.stringify(q) === JSON.stringify(ref(id))),
      );
      expect(tls, `${id} has no TLS-only policy`).toBeDefined();
      expect(actionsOf(tls!.s)).toEqual(['sqs:*']);
    }
  });

  it('tables are deliberate: state is retained with point-in-time recovery; the idempotency cache is not', () => {
    for (const [id, table] of ofType('AWS::DynamoDB::Table')) {
      expect(table.DeletionPolicy, `${id} needs an explicit DeletionPolicy`).toBeDefined();
      expect(table.UpdateReplacePolicy, id).toBe(table.DeletionPolicy);
      if (id === 'IdempotencyTable') {
        expect(table.DeletionPolicy).toBe('Delete');
        expect(table.Properties.TimeToLiveSpecification).toMatchObject({ Enabled: true });
      } else {
        expect(table.DeletionPolicy, id).toBe('Retain');
        expect(table.Properties.PointInTimeRecoverySpecification, id).toMatchObject({ PointInTimeRecoveryEnabled: true });
      }
    }
  });

  it('POST /slack/events is throttled at the stage, with tunable limits', () => {
    const settings = resources().HttpApiStage!.Properties.DefaultRouteSettings as Json;
    expect(settings).toMatchObject({ ThrottlingRateLimit: ref('HttpRateLimit'), ThrottlingBurstLimit: ref('HttpBurstLimit') });
    expect(template.Parameters.HttpRateLimit).toMatchObject({ Type: 'Number', Default: 20 });
    expect(template.Parameters.HttpBurstLimit).toMatchObject({ Type: 'Number', Default: 50 });
  });

  it('the http function has reserved concurrency (10 unless set to none)', () => {
    expect(resources().HttpLambdaFunction!.Properties.ReservedConcurrentExecutions).toEqual({
      'Fn::If': ['HasHttpReservedConcurrency', ref('HttpReservedConcurrency'), ref('AWS::NoValue')],
    });
    expect(template.Parameters.HttpReservedConcurrency?.Default).toBe('10');
    expect(evaluate(template.Conditions.HasHttpReservedConcurrency, defaults())).toBe(true);
  });
});
