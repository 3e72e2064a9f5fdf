/**
 * `npx osls package` for tests, one at a time: packaging rebuilds the bundles into the repository's `dist/`, so two
 * test files packaging at once would zip each other's half-written bundles. A lock file serialises them.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/build/bundle.ts';

const LOCK = join(ROOT, 'node_modules', '.cache', 'chatdash-osls-package.lock');

export interface OslsResult {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withLock<T>(run: () => T): Promise<T> {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a process that died is taken over; an empty one is being written: wait.
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(LOCK, 'utf8') || Number.NaN);
      } catch {
        continue; // released meanwhile
      }
      if (Number.isInteger(holder) && holder !== process.pid && !alive(holder)) rmSync(LOCK, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** `npx osls package --package <dir>` with `CHATDASH_CONFIG=<configPath>` and any extra CLI arguments (e.g. `--param=…`). */
export function oslsPackage(packageDir: string, configPath: string, extraArgs: readonly string[] = []): Promise<OslsResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    CHATDASH_CONFIG: configPath,
  };
  return withLock(() => {
    const result = spawnSync('npx', ['osls', 'package', '--package', packageDir, ...extraArgs], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  });
}
