/**
 * Chart render times, as the worker pays them: the renderer is bundled the way the worker bundles it (esbuild,
 * ESM, minified, with resvg's wasm and the fonts beside it), and every sample is a fresh `node` process that
 * imports it and draws one chart kind: cold (the process's first chart: wasm compiled and fonts read on that
 * call), a second time (the wasm code is still tiering up then), and `WARM_RENDERS` more, of which the median is
 * the warm time. The charts are drawn from real insights (the sandbox's demo bot).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { type BundleResult, chunkGraph, copyChartAssets, REQUIRE_SHIM, ROOT } from '../build/bundle.ts';
import { CHART_KINDS, type ChartKind } from '../charts/specs.ts';
import type { Insights } from '../insights/types.ts';
import { median } from './stats.ts';

/** Renders per process after the first two (the median is kept). */
export const WARM_RENDERS = 5;

export interface ChartRenderSample {
  kind: ChartKind;
  /** import() of the renderer bundle. */
  loadMs: number;
  /** The first chart in the process: wasm compile, fonts read, ECharts and resvg cold. */
  coldMs: number;
  /** The second render. */
  secondMs: number;
  /** Median of the next `WARM_RENDERS`. */
  warmMs: number;
  pngBytes: number;
}

export interface ChartRenderResult {
  runs: number;
  warmRenders: number;
  bundleBytes: number;
  wasmBytes: number;
  fontBytes: number;
  /** Medians per chart kind. */
  median: Record<ChartKind, Omit<ChartRenderSample, 'kind'>>;
  samples: ChartRenderSample[];
}

const ENTRY = `
import { chartsFor } from ${JSON.stringify(join(ROOT, 'src/charts/specs.ts'))};
import { renderChart } from ${JSON.stringify(join(ROOT, 'src/charts/render.ts'))};
import { createFormatter } from ${JSON.stringify(join(ROOT, 'src/digest/format.ts'))};
export function specs(insights) {
  const fmt = createFormatter({ locale: 'en-US' });
  return { conversations: chartsFor('digest', insights, fmt)[0], cost: chartsFor('costs', insights, fmt)[0], topics: chartsFor('topics', insights, fmt)[0] };
}
export { renderChart };
`;

const CHILD = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, insightsFile, kind, warm] = process.argv.slice(2);
const insights = JSON.parse(readFileSync(insightsFile, 'utf8'));
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const loadMs = performance.now() - t0;
const spec = mod.specs(insights)[kind];
const times = [];
let pngBytes = 0;
for (let i = 0; i < 2 + Number(warm); i++) {
  const s = performance.now();
  pngBytes = (await mod.renderChart(spec)).png.length;
  times.push(performance.now() - s);
}
const rest = times.slice(2).sort((a, b) => a - b);
const result = { kind, loadMs, coldMs: times[0], secondMs: times[1], warmMs: rest[Math.floor(rest.length / 2)], pngBytes };
process.stdout.write('\\n@@charts ' + JSON.stringify(result) + '\\n', () => process.exit(0));
`;

/** Bundles the renderer into `dir` as the worker build does; returns the bundle and its assets. */
async function bundleRenderer(dir: string): Promise<{ file: string; bytes: number; assets: BundleResult['assets'] }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'entry.mjs');
  await writeFile(entry, ENTRY);
  const result = await esbuild.build({
    entryPoints: { index: entry },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
  });
  const file = join(dir, 'index.mjs');
  return { file, bytes: chunkGraph(result.metafile, file).bytes, assets: await copyChartAssets(dir) };
}

function runChild(script: string, bundle: string, insightsFile: string, kind: ChartKind): Promise<ChartRenderSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, bundle, insightsFile, kind, String(WARM_RENDERS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@charts '));
      if (code !== 0 || !line) reject(new Error(`chart render sample failed (${String(code)}): ${(err || out).slice(-600)}`));
      else resolve(JSON.parse(line.slice('@@charts '.length)) as ChartRenderSample);
    });
  });
}

/** `runs` fresh processes per chart kind (kinds interleaved), each drawing that chart from `insights`. */
export async function measureChartRenders(dir: string, insights: Insights, runs: number): Promise<ChartRenderResult> {
  const bundle = await bundleRenderer(join(dir, 'renderer'));
  const script = join(dir, 'chart-child.mjs');
  await writeFile(script, CHILD);
  const insightsFile = join(dir, 'chart-insights.json');
  await writeFile(insightsFile, JSON.stringify(insights));
  const samples: ChartRenderSample[] = [];
  for (let i = 0; i < runs; i++) for (const kind of CHART_KINDS) samples.push(await runChild(script, bundle.file, insightsFile, kind));
  const summary = (kind: ChartKind) => {
    const of = samples.filter((s) => s.kind === kind);
    const pick = (key: Exclude<keyof ChartRenderSample, 'kind'>) => median(of.map((s) => s[key]));
    return {
      loadMs: pick('loadMs'),
      coldMs: pick('coldMs'),
      secondMs: pick('secondMs'),
      warmMs: pick('warmMs'),
      pngBytes: pick('pngBytes'),
    };
  };
  return {
    runs,
    warmRenders: WARM_RENDERS,
    bundleBytes: bundle.bytes,
    wasmBytes: bundle.assets.filter((a) => a.file.endsWith('.wasm')).reduce((sum, a) => sum + a.bytes, 0),
    fontBytes: bundle.assets.filter((a) => a.file.endsWith('.woff2')).reduce((sum, a) => sum + a.bytes, 0),
    median: Object.fromEntries(CHART_KINDS.map((k) => [k, summary(k)])) as ChartRenderResult['median'],
    samples,
  };
}
