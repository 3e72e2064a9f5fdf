/**
 * `npm test` starts with Biome (`biome ci --error-on-warnings .`): a formatting, lint or import-order problem fails it.
 * Each case runs the Biome CLI with the repository's configuration (`--config-path`) on a small file in a temporary
 * folder outside the repository (so an interrupted run never leaves bad files for the next `biome ci .`; VCS
 * integration off, there is no git there), next to a clean file that passes, so a failure is Biome's verdict and not
 * a setup error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'chatdash-lint-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function biome(name: string, source: string): { status: number | null; output: string } {
  writeFileSync(join(dir, name), source);
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'biome'),
    ['ci', `--config-path=${join(ROOT, 'biome.jsonc')}`, '--vcs-enabled=false', '--error-on-warnings', '--colors=off', name],
    { cwd: dir, encoding: 'utf8', timeout: 30_000 },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('npm test fails on a lint or format error', () => {
  it('npm test runs Biome first, warnings as errors, over the whole tree', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test?.startsWith('biome ci --error-on-warnings . && ')).toBe(true);
  });

  it('a clean file passes', () => {
    const run = biome('clean.ts', '/** Clean. */\nexport const answer = 42;\n');
    expect(run.status, run.output).toBe(0);
    // Checked with the repository's rules, not skipped as outside the project.
    expect(run.output).toContain('Checked 1 file');
  });

  it.each([
    ['badly formatted', 'format.ts', '/** Badly formatted. */\nexport const answer   =  42\n', /format/i],
    ['a lint error (==)', 'lint.ts', '/** Lint. */\nexport const same = (a: number, b: number) => a == b;\n', /noDoubleEquals/],
    [
      'an unused import',
      'unused.ts',
      "/** Unused import. */\nimport { join } from 'node:path';\n\nexport const x = 1;\n",
      /noUnusedImports/,
    ],
    [
      'imports out of order',
      'order.ts',
      "/** Import order. */\nimport { join } from 'node:path';\nimport { readFileSync } from 'node:fs';\n\nexport const both = [join, readFileSync];\n",
      /organizeImports|Sort these imports/,
    ],
  ])('%s fails', (_name, file, source, diagnostic) => {
    const run = biome(file, source);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(diagnostic);
  });
});
