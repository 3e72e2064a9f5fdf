/**
 * `startDevBot` refuses to start with missing or wrong tokens, with the clear message and nothing left running;
 * and what it tells the developer about data that can't match. (The running bot: `test/e2e/dev-socket-mode.test.ts`.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { devBanner } from '../../src/dev/banner.ts';
import { createDevStores, startDevBot, startupNotes } from '../../src/dev/runner.ts';
import { TokenError } from '../../src/dev/tokens.ts';
import { createLog } from '../../src/log.ts';
import { DOUBLE_APP_TOKEN } from '../../src/socket-mode-double/server.ts';
import { makeAlert } from '../support/alert-input.ts';
import { demoConfig as demo } from '../support/config.ts';
import { useSlackDouble } from '../support/slack-double.ts';
import { useSocketModeDouble } from '../support/socket-mode-double.ts';

const BOT = 'xoxb-runner-test-bot';
const slack = useSlackDouble({ token: BOT });
const socket = useSocketModeDouble();
const dir = mkdtempSync(join(tmpdir(), 'chatdash-dev-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startWith(envFileText: string | undefined) {
  const envFile = join(dir, `${Math.random().toString(36).slice(2)}.env`);
  if (envFileText !== undefined) writeFileSync(envFile, envFileText);
  const printed: string[] = [];
  const error = await startDevBot({
    env: { SLACK_API_URL: slack.apiUrl, SLACK_SOCKET_API_URL: socket.apiUrl },
    envFile,
    print: (t) => printed.push(t),
    log: createLog({ quiet: true }),
  }).then(
    async (bot) => {
      await bot.stop();
      return undefined;
    },
    (e: unknown) => e,
  );
  return { error, envFile, printed };
}

describe('startDevBot refuses to start', () => {
  it('without tokens: names both, where to create them and where to put them, before any network call', async () => {
    const before = socket.opens.length + slack.calls.length;
    const { error, envFile } = await startWith(undefined);
    expect(error).toBeInstanceOf(TokenError);
    const message = (error as Error).message;
    expect(message).toContain('SLACK_APP_TOKEN is not set');
    expect(message).toContain('SLACK_BOT_TOKEN is not set');
    expect(message).toContain(`Put the tokens in ${envFile}`);
    expect(socket.opens.length + slack.calls.length).toBe(before);
  });

  it('with tokens Slack refuses (invalid_auth from apps.connections.open and auth.test): what to regenerate', async () => {
    const { error } = await startWith('SLACK_APP_TOKEN=xapp-1-revoked\nSLACK_BOT_TOKEN=xoxb-revoked\n');
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).problems).toEqual([
      { kind: 'rejected', token: 'bot', error: 'invalid_auth' },
      { kind: 'rejected', token: 'app', error: 'invalid_auth' },
    ]);
    const message = (error as Error).message;
    expect(message).toContain('Slack refused SLACK_APP_TOKEN (invalid_auth)');
    expect(message).toContain('App-Level Tokens');
    expect(message).not.toMatch(/xapp-1-revoked|xoxb-revoked|\n\s+at /);
    expect(socket.hellos).toBe(0);
  });

  it('with the tokens swapped: says which is which', async () => {
    const { error } = await startWith(`SLACK_APP_TOKEN=${BOT}\nSLACK_BOT_TOKEN=${DOUBLE_APP_TOKEN}\n`);
    expect((error as Error).message).toContain('SLACK_APP_TOKEN starts with xoxb-: that is a bot token');
    expect((error as Error).message).toContain('SLACK_BOT_TOKEN starts with xapp-: that is an app-level token');
  });
});

describe('what the developer is told', () => {
  it('warns when the data can\u2019t match the configuration', () => {
    expect(startupNotes(demo, { isDemoConfig: true, usingSandbox: true })).toEqual([]);
    const own = { ...demo, projects: [...demo.projects, { key: 'mine', id: 'proj_real_1', name: 'Mine' }] };
    expect(startupNotes(own, { isDemoConfig: false, usingSandbox: true })[0]).toMatch(/sandbox has no data for mine .*CHATDASH_API_KEY/);
    expect(startupNotes(demo, { isDemoConfig: true, usingSandbox: false })[0]).toMatch(/demo one.*CHATDASH_CONFIG/);
  });

  it('the banner says where data and configuration come from and what to try', () => {
    const text = devBanner(
      {
        identity: { teamId: 'T0NEW', team: 'Acme', botUserId: 'U0BOT', botName: 'chatdash' },
        config: demo,
        configPath: DEMO_CONFIG_PATH,
        open: true,
        chatdashUrl: 'http://127.0.0.1:4010/v1/public',
        usingSandbox: true,
        notes: ['a note'],
      },
      join(DEMO_CONFIG_PATH, '..', '..', '..'),
    );
    expect(text).toContain('ChatDash is running in Socket Mode in Acme (T0NEW) as @chatdash.');
    expect(text).toContain('the ChatDash sandbox on http://127.0.0.1:4010/v1/public');
    expect(text).toContain('src/config/demo.yml, open: any channel of this workspace may use acme, bella, quiet');
    expect(text).toContain('acme-weekly, bella-weekly');
    expect(text).toContain('/chatdash stats acme 30d');
    expect(text).toContain('\u25b2 a note');
  });
});

describe('createDevStores', () => {
  it('keeps the state store in STATE_FILE when it is set (what you make from Slack survives a restart), else in memory', async () => {
    const file = join(dir, 'state.json');
    const log = createLog({ quiet: true });
    const first = createDevStores({ env: { STATE_FILE: file }, log });
    await first.state.bindChannel('C0KEPT', 'acme', { type: 'user', userId: 'U0ADMIN' });
    const again = createDevStores({ env: { STATE_FILE: file }, log });
    expect((await again.state.bindingsOf('C0KEPT')).map((b) => b.project)).toEqual(['acme']);
    expect(await createDevStores({ env: {}, log }).state.bindingsOf('C0KEPT')).toEqual([]);
  });

  it('keeps alerts in the same file, beside the state store’s items', async () => {
    const file = join(dir, 'alerts-state.json');
    const log = createLog({ quiet: true });
    const first = createDevStores({ env: { STATE_FILE: file }, log });
    const alert = makeAlert({}, { id: 'al_kept', now: new Date('2026-11-17T10:00:00Z') });
    await first.alerts.store.create(alert.definition, alert.state, 'U0ALICE');
    await first.state.bindChannel('C0KEPT', 'shop', { type: 'user', userId: 'U0ADMIN' });
    const again = createDevStores({ env: { STATE_FILE: file }, log });
    expect((await again.alerts.store.get('al_kept'))?.definition.project).toBe('shop');
    expect((await again.state.bindingsOf('C0KEPT')).map((b) => b.project)).toEqual(['shop']);
  });
});
