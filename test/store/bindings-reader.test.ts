/**
 * Runtime bindings on the ack path, against moto: the signed reader (no AWS SDK) reads what the DynamoDB store
 * wrote, in one request; signed Slack requests into the real HTTP handler see a channel connected from Slack at
 * once, and stop seeing it as soon as it is disconnected; refusals stay the same whether or not a project exists.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { SIGNING_SECRET, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { bindingItem } from '../../src/store/binding-item.ts';
import { createSignedBindingsReader } from '../../src/store/bindings-reader.ts';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { type StateStore, userActor } from '../../src/store/store.ts';
import { demoConfig as config } from '../support/config.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { createStateTable, type StateTable } from '../support/state-table.ts';

const ADMIN = userActor('U0ADMIN');
const SECRET_KEY = 'dynamodb-secret-access-key-must-not-leak';

describe.skipIf(!motoAvailable)('runtime bindings read on the ack path (moto)', () => {
  const moto = useMoto();
  let proxy: CountingProxy;
  let table: StateTable;
  let store: StateStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    proxy = await startCountingProxy(moto.endpoint);
    table = await createStateTable(moto);
    store = createDynamoStore({ tableName: table.name, env: table.env, log: recordingLog().log });
    env = { ...table.env, AWS_ENDPOINT_URL: proxy.endpoint, AWS_SECRET_ACCESS_KEY: SECRET_KEY };
  });
  afterAll(async () => {
    table?.close();
    await proxy?.close();
  });
  beforeEach(() => {
    proxy.targets.length = 0;
  });

  it('the signed reader reads the store’s bindings in one request, and skips an invalid one', async () => {
    await store.bindChannel('C0READ', 'acme', ADMIN);
    await store.bindChannel('C0READ', 'bella', ADMIN);
    await table.putRaw({
      ...bindingItem({ channel: 'C0READ', project: 'quiet', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'U0ADMIN' }),
      schema: 2,
    });
    const { log, entries } = recordingLog();
    const reader = createSignedBindingsReader({ tableName: table.name, env, log });
    expect((await reader.bindingsOf('C0READ')).map((b) => b.project)).toEqual(['acme', 'bella']);
    expect(await reader.bindingsOf('C0NOTHING')).toEqual([]);
    expect(proxy.targets).toEqual(['DynamoDB_20120810.Query', 'DynamoDB_20120810.Query']);
    expect(entries()).toEqual([expect.objectContaining({ event: 'store.invalid_item', sk: 'BIND#quiet' })]);
  });

  it('a failed read names the AWS error, never the credentials', async () => {
    const reader = createSignedBindingsReader({ tableName: 'no-such-table', env, log: recordingLog().log });
    const error = await reader.bindingsOf('C0READ').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^DynamoDB Query failed: HTTP 400 ResourceNotFoundException/);
    expect(error?.message).not.toContain(SECRET_KEY);
  });

  it('signed Slack requests see a channel connected from Slack at once, and lose it when it is disconnected', async () => {
    const queue = createLocalQueue();
    const { log } = recordingLog();
    const http = createHttpHandler({
      config,
      env: { ...env, STATE_TABLE: table.name },
      queue,
      secrets: async () => ({ slackSigningSecret: SIGNING_SECRET, slackBotToken: 'xoxb-test', chatdashApiKey: 'unused' }),
      log,
    });
    const command = async (text: string, channel: string) => {
      const answer = await http(
        slashCommandEvent({
          text,
          channel_id: channel,
          channel_name: 'client',
          response_url: 'https://hooks.slack.test/r',
          trigger_id: `t.${text}`,
        }),
      );
      expect(answer.statusCode).toBe(200);
      return String((JSON.parse(answer.body) as { text?: string }).text);
    };

    const before = await command('projects', 'C0NEWCLIENT');
    expect(before).toContain('isn\u2019t set up for ChatDash');
    await store.bindChannel('C0NEWCLIENT', 'bella', ADMIN);
    expect(await command('projects', 'C0NEWCLIENT')).toContain('`bella`: Bella Pizza Phone Line');
    expect(await command('stats 30d', 'C0NEWCLIENT')).toContain('Getting the numbers for *Bella Pizza Phone Line*');
    expect(queue.waiting().map((q) => q.job as Job)).toEqual([expect.objectContaining({ kind: 'stats', projectKey: 'bella' })]);
    // A project bound elsewhere reads exactly like one that does not exist.
    expect((await command('stats acme', 'C0NEWCLIENT')).replace('acme', 'zzzz')).toBe(await command('stats zzzz', 'C0NEWCLIENT'));
    // One DynamoDB request per command, nothing else (the SQS send went to the local queue).
    proxy.targets.length = 0;
    await command('projects', 'C0NEWCLIENT');
    expect(proxy.targets).toEqual(['DynamoDB_20120810.Query']);

    await store.unbindChannel('C0NEWCLIENT', 'bella', ADMIN);
    expect(await command('projects', 'C0NEWCLIENT')).toBe(before);
  });
});
