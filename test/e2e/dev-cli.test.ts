/**
 * `npm run dev` as a person runs it: `--help` is true, a bad start ends in a clear message and exit code (never a
 * stack trace), and with two tokens in `.env` it connects (here to the doubles), answers, and stops on Ctrl-C.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { slashCommandEnvelope } from '../../src/socket-mode-double/envelopes.ts';
import { DOUBLE_APP_TOKEN, type SocketModeDouble, startSocketModeDouble } from '../../src/socket-mode-double/server.ts';
import { keylessEnv } from '../support/env.ts';

const dir = mkdtempSync(join(tmpdir(), 'chatdash-dev-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// The working directory is a temporary one (where `.env` is looked for): tsx is loaded by its path.
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ARGS = ['--import', TSX, join(ROOT, 'src/cli/dev.ts')];
const run = (args: string[], env = keylessEnv()) =>
  spawnSync(process.execPath, [...ARGS, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });

interface Running {
  exited: Promise<number | null>;
  output: () => { stdout: string; stderr: string };
  child: ChildProcess;
}

function startCli(env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ARGS, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr!.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { exited, output: () => ({ stdout, stderr }), child };
}

/** Both doubles, the two tokens in `.env`, and `npm run dev` started and connected; everything closed after `run`. */
async function withRunningCli(
  bot: string,
  run: (ctx: { slack: SlackDouble; socket: SocketModeDouble; cli: Running; bot: string }) => Promise<void>,
): Promise<void> {
  const slack = await startSlackDouble({ token: bot });
  const socket = await startSocketModeDouble();
  try {
    writeFileSync(join(dir, '.env'), `SLACK_APP_TOKEN=${DOUBLE_APP_TOKEN}\nSLACK_BOT_TOKEN=${bot}\n`);
    const cli = startCli(keylessEnv({ SLACK_API_URL: slack.apiUrl, SLACK_SOCKET_API_URL: socket.apiUrl }));
    await socket.waitForHellos(1, 30_000);
    await run({ slack, socket, cli, bot });
  } finally {
    await socket.close();
    await slack.close();
  }
}

describe('npm run dev', () => {
  it('--help tells what it does, every option, both tokens and where to get them', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const text of [
      'Socket Mode',
      '--config FILE',
      '--open',
      '--no-open',
      '--env-file FILE',
      '--verbose',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
    ]) {
      expect(result.stdout).toContain(text);
    }
    expect(result.stdout).toContain('App-Level Tokens');
    expect(result.stdout).toContain('manifest.dev.yml');
  });

  it('without tokens: exit 1 and the message, no stack trace', () => {
    const result = run([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SLACK_APP_TOKEN is not set');
    expect(result.stderr).toContain(`Put the tokens in ${join(dir, '.env')}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a broken configuration: exit 1 with file, line and column; an unknown option: exit 2', () => {
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, 'workspaces: [T0A]\nprojects: []\nchanels: []\n');
    const result = run(['--config', broken], keylessEnv({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/broken\.yml:3:1: .*chanels/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const usage = run(['--nope']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('npm run dev -- --help');
  });

  it('with two tokens in .env: connects, prints the banner, answers /chatdash stats, stops on SIGINT', async () => {
    await withRunningCli('xoxb-cli-test-bot', async ({ slack, socket, cli, bot }) => {
      const ack = await socket.deliver(slashCommandEnvelope({ text: 'stats acme 30d', response_url: slack.responseUrl('cli-stats') }));
      expect(String(ack.payload?.text)).toContain('Getting the numbers for *Acme Support Bot*');
      await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.body.__responseUrlId === 'cli-stats'), 20_000);

      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(0);
      const { stdout, stderr } = cli.output();
      expect(stdout).toContain('ChatDash is running in Socket Mode in ChatDash Demo (T0DEMO)');
      expect(stdout).toMatch(/job\.done kind=stats outcome=\w+/);
      expect(stdout).toContain('SIGINT: stopping');
      expect(stderr).toBe('');
      expect(stdout + stderr).not.toContain(bot);
    });
  }, 60_000);

  it('a token revoked while running: the next reconnect ends with the token message and exit 1, no stack trace', async () => {
    await withRunningCli('xoxb-cli-revoked-bot', async ({ socket, cli }) => {
      socket.setAppToken('xapp-1-A0CHATDASH-2-regenerated');
      socket.disconnect('refresh_requested');
      // The client waits its reconnect back-off (5 s by default), then Slack refuses the old token.
      expect(await cli.exited).toBe(1);
      const { stdout, stderr } = cli.output();
      expect(stdout).toContain('reconnecting');
      expect(stderr).toContain('Slack refused SLACK_APP_TOKEN (invalid_auth)');
      expect(stderr).toContain('App-Level Tokens');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(socket.opens.at(-1)).toEqual({ ok: false, error: 'invalid_auth' });
    });
  }, 60_000);
});
