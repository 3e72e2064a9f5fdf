/** Running the npm scripts' CLIs in a child process, as someone with no keys would. */
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/build/bundle.ts';
import { keylessEnv } from './env.ts';

export { keylessEnv };

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
