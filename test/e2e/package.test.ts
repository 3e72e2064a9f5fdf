/**
 * A broken subscriptions config stops the build (and so `osls package` / deploy) with file:line and the problem;
 * the demo config packages offline into the CloudFormation stack the digests need.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunctions } from '../../src/build/bundle.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { ConfigError } from '../../src/config/load.ts';
import { oslsPackage } from '../support/osls.ts';

const dirs: string[] = [];
function tmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The demo config with acme-weekly's schedule broken (an hour of 25); returns the file and the broken line. */
function brokenConfig(): { file: string; line: number } {
  const lines = readFileSync(DEMO_CONFIG_PATH, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes('schedule: "0 9 * * MON"'));
  expect(index).toBeGreaterThan(0);
  lines[index] = lines[index]!.replace('"0 9 * * MON"', '"0 25 * * MON"');
  const file = join(tmp('chatdash-broken-'), 'broken.yml');
  writeFileSync(file, lines.join('\n'));
  return { file, line: index + 1 };
}

const osls = oslsPackage;

describe('a broken configuration fails the build', () => {
  it('bundleFunctions throws a ConfigError naming file:line and the problem (and writes nothing)', async () => {
    const { file, line } = brokenConfig();
    const outdir = tmp('chatdash-dist-');
    const error = await bundleFunctions({ configPath: file, outdir, functions: ['schedule'] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(`broken.yml:${line}:`);
    expect(message).toContain('subscriptions[0].schedule');
    expect(message).toMatch(/"0 25 \* \* MON" is not a valid cron expression/);
    expect((error as ConfigError).problems).toHaveLength(1);
  });

  it('`osls package` exits non-zero with the line and the problem in its output', { timeout: 130_000 }, async () => {
    const { file, line } = brokenConfig();
    const result = await osls(tmp('chatdash-pkg-broken-'), file);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`broken.yml:${line}:`);
    expect(result.output).toContain('subscriptions[0].schedule');
    expect(result.output).toMatch(/nothing was packaged/);
  });
});

describe('`osls package` with the demo configuration', () => {
  it('succeeds offline and generates the stack: functions, queue + DLQ, idempotency table, schedule, least-privilege roles', {
    timeout: 130_000,
  }, async () => {
    const dir = tmp('chatdash-pkg-');
    const result = await osls(dir, DEMO_CONFIG_PATH);
    expect(result.status, result.output.slice(-2000)).toBe(0);
    const template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const resources = template.Resources;
    const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

    // The four functions, Node.js 22 on arm64, each with its own role.
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.map(([, f]) => String(f.Properties.Handler)).sort()).toEqual([
      'dist/deadletter/index.handler',
      'dist/http/index.handler',
      'dist/schedule/index.handler',
      'dist/worker/index.handler',
    ]);
    const roles = new Set<string>();
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      expect(role[1]).toBe('Arn');
      expect(resources[role[0]]?.Type).toBe('AWS::IAM::Role');
      roles.add(role[0]);
    }
    expect(roles.size).toBe(4);
    const roleOf = (handler: string) =>
      (functions.find(([, f]) => f.Properties.Handler === handler)![1].Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    expect(roleOf('dist/worker/index.handler')).toBe('WorkerRole');
    expect(roleOf('dist/schedule/index.handler')).toBe('ScheduleRole');
    expect(roleOf('dist/http/index.handler')).toBe('HttpRole');
    expect(roleOf('dist/deadletter/index.handler')).toBe('DeadLetterRole');
    const worker = functions.find(([, f]) => f.Properties.Handler === 'dist/worker/index.handler')![1];
    expect((worker.Properties.Environment as { Variables: Record<string, unknown> }).Variables.IDEMPOTENCY_TABLE).toEqual({
      Ref: 'IdempotencyTable',
    });

    // The jobs queue redrives to the dead-letter queue.
    const queue = resources.JobsQueue!;
    expect(queue.Type).toBe('AWS::SQS::Queue');
    const redrive = queue.Properties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number };
    expect(redrive.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': ['JobsDeadLetterQueue', 'Arn'] });
    expect(redrive.maxReceiveCount).toBeGreaterThan(1);
    expect(resources.JobsDeadLetterQueue?.Type).toBe('AWS::SQS::Queue');

    // The idempotency table, keyed as Powertools expects, with TTL on `expiration`.
    const table = resources.IdempotencyTable!;
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiration', Enabled: true });

    // The every-minute tick targets the schedule function.
    const rules = ofType('AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    const rule = rules[0]![1].Properties as { ScheduleExpression: string; Targets: Array<{ Arn: { 'Fn::GetAtt': [string, string] } }> };
    expect(rule.ScheduleExpression).toBe('rate(1 minute)');
    const target = rule.Targets[0]!.Arn['Fn::GetAtt'][0];
    expect(resources[target]?.Properties.Handler).toBe('dist/schedule/index.handler');

    // No wildcard action anywhere in the stack.
    const actions: unknown[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'Action') actions.push(...(Array.isArray(value) ? value : [value]));
          walk(value);
        }
      }
    };
    walk(template);
    expect(actions.length).toBeGreaterThan(5);
    expect(actions).not.toContain('*');
    // The worker may touch the idempotency table only with item reads and writes.
    expect(JSON.stringify(resources.WorkerRole)).not.toMatch(/dynamodb:\*|sqs:\*/);
  });
});
