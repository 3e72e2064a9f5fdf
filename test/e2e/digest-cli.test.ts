/** `npm run digest` in a child process, against the bundled sandbox (demo configuration, no keys). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { startSlackDouble } from '../../src/slack-double/server.ts';
import { runDigestCli } from '../support/cli.ts';
import { keylessEnv } from '../support/env.ts';

const out = mkdtempSync(join(tmpdir(), 'chatdash-digest-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run digest', () => {
  it('--dry-run prints the digest for a demo subscription and writes its Block Kit JSON, posting nothing', {
    timeout: 30_000,
  }, async () => {
    const result = await runDigestCli(['--subscription', 'acme-weekly', '--dry-run', '--at', '2026-11-23T08:00:00Z', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/bundled sandbox/);
    // The period comes from --at in the subscription's time zone: the week of 16 – 22 November in Paris.
    expect(result.stdout).toContain(
      'Digest acme-weekly: Acme Support Bot, Last week (2026-11-15T23:00:00.000Z .. 2026-11-22T23:00:00.000Z, Europe/Paris)',
    );
    expect(result.stdout).toMatch(/Acme Support Bot\n═+/);
    expect(result.stdout).toContain('Conversations');
    expect(result.stdout).toContain('Top topics');
    expect(result.stdout).toContain('Dry run: nothing was posted.');
    const jsonPath = join(out, 'acme-weekly.json');
    expect(result.stdout).toContain(jsonPath);
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { text: string; blocks: Array<{ type: string }> };
    expect(json.blocks[0]?.type).toBe('header');
    expect(json.text).toContain('Acme Support Bot');
    expect(result.stdout).not.toMatch(/Slack double|Posted to/);
  });

  it('without --dry-run and without keys it posts to the Slack double and says so', { timeout: 30_000 }, async () => {
    const result = await runDigestCli(['--subscription', 'bella-weekly', '--at', '2026-11-23T13:30:00Z']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/SLACK_BOT_TOKEN is not set.*LOCAL SLACK DOUBLE.*not to a real workspace/);
    expect(result.stdout).toMatch(/Posted to C0BELLA \(ts \d+\.\d{6}\)/);
    expect(result.stdout).toContain('Bella Pizza Phone Line');
  });

  it('an unknown subscription exits 2 and lists the subscriptions', { timeout: 30_000 }, async () => {
    const result = await runDigestCli(['--subscription', 'acme-daily', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown subscription "acme-daily"');
    expect(result.stderr).toContain('Subscriptions: acme-weekly, bella-weekly');
    expect(result.stdout).toBe('');
  });

  it('usage errors exit 2; --help describes the options', { timeout: 30_000 }, async () => {
    const missing = await runDigestCli(['--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--subscription NAME is required');
    const badDate = await runDigestCli(['--subscription', 'acme-weekly', '--at', 'next tuesday']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('is not a date');
    const help = await runDigestCli(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--subscription', '--dry-run', '--config', '--at', 'SLACK_BOT_TOKEN', 'CHATDASH_API_KEY'])
      expect(help.stdout).toContain(option);
  });

  it('with keys in the environment it uses CHATDASH_API_URL and SLACK_API_URL, and never prints the secrets', {
    timeout: 30_000,
  }, async () => {
    const sandbox = await startSandbox({ apiKey: 'cd_live_cli_secret_1234' });
    const slack = await startSlackDouble({ token: 'xoxb-cli-secret-5678' });
    try {
      const env = {
        ...keylessEnv(),
        CHATDASH_API_URL: sandbox.url,
        CHATDASH_API_KEY: 'cd_live_cli_secret_1234',
        SLACK_API_URL: slack.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-cli-secret-5678',
      };
      const result = await runDigestCli(['--subscription', 'acme-weekly', '--at', '2026-11-23T08:00:00Z'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`ChatDash: ${sandbox.url}`);
      expect(result.stdout).not.toMatch(/bundled sandbox|Slack double/i);
      expect(sandbox.requests.length).toBe(2);
      expect(sandbox.requests.every((r) => r.authorized)).toBe(true);
      const posts = slack.callsTo('chat.postMessage').filter((c) => c.ok);
      expect(posts.map((c) => c.body.channel)).toEqual(['C0ACME']);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/cli_secret|cli-secret/);

      // A second manual run posts again (manual runs are not deduplicated).
      expect((await runDigestCli(['--subscription', 'acme-weekly', '--at', '2026-11-23T08:00:00Z'], env)).code).toBe(0);
      expect(slack.callsTo('chat.postMessage').filter((c) => c.ok)).toHaveLength(2);
    } finally {
      await slack.close();
      await sandbox.close();
    }
  });

  it('a broken --config exits 1 with file:line; a non-demo config without keys is a usage error', { timeout: 30_000 }, async () => {
    const broken = join(out, 'broken.yml');
    writeFileSync(
      broken,
      readFileSync(join(ROOT, 'src/config/demo.yml'), 'utf8').replace('timeZone: America/New_York', 'timeZone: America/Gotham'),
    );
    const failed = await runDigestCli(['--subscription', 'bella-weekly', '--dry-run', '--config', broken]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/broken\.yml:\d+:\d+: subscriptions\[1\]\.timeZone: "America\/Gotham" is not a valid IANA time zone/);

    const copy = join(out, 'copy.yml');
    writeFileSync(copy, readFileSync(join(ROOT, 'src/config/demo.yml'), 'utf8'));
    const noKey = await runDigestCli(['--subscription', 'bella-weekly', '--dry-run', '--config', copy]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('CHATDASH_API_KEY is not set');
  });
});
