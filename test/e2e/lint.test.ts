/**
 * `npm test` starts with Biome (`biome ci --error-on-warnings .`): a formatting, lint or import-order problem fails it.
 * Each case runs the Biome CLI with the repository's configuration on a small file written under the repository
 * (where biome.json applies), next to a clean file that passes, so a failure is Biome's verdict and not a setup error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/bundle.ts';

// At the repository's root, not under an ignored folder: Biome skips what .gitignore ignores.
const dir = mkdtempSync(join(ROOT, '.lint-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function biome(name: string, source: string): { status: number | null; output: string } {
  const file = join(dir, name);
  writeFileSync(file, source);
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['ci', '--error-on-warnings', '--colors=off', relative(ROOT, file)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
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
