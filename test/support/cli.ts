/** Running the npm scripts' CLIs in a child process, as someone with no keys would. */
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/build/bundle.ts';

/** Settings that would point a CLI at real ChatDash or Slack, or at real secrets. */
const KEY_SETTINGS = [
  'CHATDASH_API_URL',
  'CHATDASH_API_KEY',
  'CHATDASH_CONFIG',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_API_URL',
  'SECRET_ID',
] as const;

/** The environment of someone with no keys: no ChatDash or Slack settings, so the demo configuration and sandbox. */
export function keylessEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of KEY_SETTINGS) delete env[name];
  return env;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run digest -- …args` from the repository's root (default environment: `keylessEnv()`). */
export function runDigestCli(args: readonly string[], env: NodeJS.ProcessEnv = keylessEnv()): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'digest', '--', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
