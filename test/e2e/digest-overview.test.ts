/** `npm run digest` for a subscription covering several projects: it builds the agency overview, in a child process, with no keys. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { runDigestCli } from '../support/cli.ts';

const out = mkdtempSync(join(tmpdir(), 'chatdash-digest-overview-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run digest -- --subscription agency-weekly', () => {
  it('--dry-run prints the overview of the agency channel\u2019s projects and writes its Block Kit JSON', { timeout: 60_000 }, async () => {
    const result = await runDigestCli(['--subscription', 'agency-weekly', '--dry-run', '--at', '2026-11-27T08:00:00Z', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Digest agency-weekly: overview of 7 projects, Last 7 days');
    expect(result.stdout).toContain('Agency overview');
    expect(result.stdout).toContain('Nova Telecom Help  [ Full stats ]');
    const message = JSON.parse(readFileSync(join(out, 'agency-weekly.json'), 'utf8')) as Record<string, unknown>;
    expect(validateMessage(message)).toEqual({ ok: true });
  });

  it('posts it (to the local Slack double without a token)', { timeout: 60_000 }, async () => {
    const result = await runDigestCli(['--subscription', 'agency-weekly', '--at', '2026-11-27T08:00:00Z']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Posted to C0AGENCY \(ts \d+\.\d{6}\)/);
  });
});
