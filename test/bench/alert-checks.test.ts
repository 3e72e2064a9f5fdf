import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertBench } from '../../src/bench/alert-checks.ts';
import { alertCheckChecks, formatAlertChecks } from '../../src/bench/report.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { motoAvailable } from '../support/moto.ts';
import { useStateTables } from '../support/state-table.ts';

let slack: SlackDouble;
beforeAll(async () => {
  slack = await startSlackDouble();
});
afterAll(async () => slack?.close());

const small = () => ({
  alerts: 12,
  projects: 3,
  rateLimited: 2,
  config: loadConfigFile(DEMO_CONFIG_PATH),
  slack,
  secrets: async () => ({ slackSigningSecret: 'unused', slackBotToken: 'xoxb-test-token', chatdashApiKey: 'sandbox_key_not_secret' }),
  log: () => {},
});

describe('the alert check bench', () => {
  it('checks every alert each round, with one ChatDash request per project once history is kept', async () => {
    const result = await runAlertBench(small());
    expect(result.rounds.map((r) => [r.jobs, r.alertsChecked, r.chatdashRequests, r.failed])).toEqual([
      [3, 12, 15, 0], // the hour and the 4 weeks before, per project
      [3, 12, 3, 0], // one per project
      [3, 12, 5, 0], // one per project, plus the two answered 429 and retried after Retry-After
    ]);
    expect(alertCheckChecks(result).every((c) => c.pass)).toBe(true);
    const table = formatAlertChecks(result);
    expect(table).toContain('12 hourly alerts on 3 projects');
    expect(table).toContain('the same hour a week later (history from the store)');
  });
});

describe.skipIf(!motoAvailable)('the alert check bench on DynamoDB (moto)', () => {
  const tables = useStateTables();

  it('counts what each round reads: the due Query, then per job its alerts, its past windows, ChatDash’s health and its channel’s bindings', async () => {
    const table = await tables.create();
    const result = await runAlertBench({ ...small(), dynamo: { tableName: table.name, env: table.env } });
    expect(result.store).toBe('DynamoDB (moto)');
    expect(result.rounds.map((r) => [r.jobs, r.alertsChecked, r.chatdashRequests, r.failed])).toEqual([
      [3, 12, 15, 0],
      [3, 12, 3, 0],
      [3, 12, 5, 0],
    ]);
    // 1 Query + 3 jobs × (1 BatchGetItem of alerts + 1 of windows + 1 GetItem of the outage record + 1 Query of the
    // channel's bindings, for the access re-check: each project's alerts are in one channel, bound from Slack).
    expect(result.rounds.map((r) => r.storeReads.requests)).toEqual([13, 13, 13]);
    // Items: 12 alerts twice (the tick's Query, the jobs' reads), 3 bindings; the past weeks kept from the first round on.
    expect(result.rounds.map((r) => r.storeReads.items)).toEqual([27, 27 + 3 * 4, 27 + 3 * 4]);
    expect(formatAlertChecks(result)).toContain('DynamoDB reads (requests / items)');
  });
});
