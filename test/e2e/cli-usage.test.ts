/**
 * Every npm script that takes options refuses a wrong one the same way (`src/cli/args.ts`): exit 2, the mistake and
 * where `--help` is, never a stack trace, and before it starts anything.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';
import { keylessEnv } from '../support/env.ts';

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, `src/cli/${script}.ts`), ...args], {
    cwd: ROOT,
    env: keylessEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('usage errors of the npm scripts', () => {
  it.each([
    ['build', ['--nope'], "Unknown option '--nope'"],
    ['bench', ['--runs', '0'], '--runs must be a positive whole number, not "0"'],
    ['demo', ['--project', 'nope'], 'Unknown demo project "nope". Try: acme, bella, quiet'],
    ['sandbox', ['--port', '70000'], '--port must be a port number between 0 and 65535, got "70000"'],
    ['sandbox', ['--nope'], "Unknown option '--nope'"],
    ['font-metrics', ['--nope'], "Unknown option '--nope'"],
  ])('npm run %s -- %s: exit 2 with the message and the pointer to --help', { timeout: 60_000 }, (script, args, message) => {
    const result = run(script, args);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(`Run \`npm run ${script} -- --help\` for usage.`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });

  it('npm run font-metrics -- --help prints its usage and leaves the generated file alone', { timeout: 60_000 }, () => {
    const file = join(ROOT, 'src', 'charts', 'font-metrics.ts');
    const before = statSync(file).mtimeMs;
    const result = run('font-metrics', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run font-metrics');
    expect(result.stdout).not.toContain('Wrote');
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('the font-metrics script passes its options to the generator (npm appends them to the last command)', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['font-metrics']).toBe('tsx src/cli/font-metrics.ts');
  });
});
