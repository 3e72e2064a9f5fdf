/**
 * Chart render times, as the worker pays them: the renderer is bundled the way the worker bundles it (esbuild,
 * ESM, minified, with resvg's wasm and the fonts beside it), and every sample is a fresh `node` process that
 * imports it, draws the first chart cold (wasm compiled and fonts read on that first call) and then each chart
 * kind `WARM_RENDERS` times. The charts are drawn from real insights (the sandbox's demo bot).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { type BundleResult, chunkGraph, copyChartAssets, REQUIRE_SHIM, ROOT } from '../build/bundle.ts';
import { CHART_KINDS, type ChartKind } from '../charts/specs.ts';
import type { Insights } from '../insights/types.ts';
import { median } from './stats.ts';

/** Warm renders of each kind per process (the median is kept). */
export const WARM_RENDERS = 5;

export interface ChartRenderSample {
  /** import() of the renderer bundle. */
  loadMs: number;
  /** The first chart in the process: wasm compile, fonts read, ECharts and resvg cold. */
  coldMs: number;
  /** Median warm render per kind (spec → PNG). */
  warmMs: Record<ChartKind, number>;
  pngBytes: Record<ChartKind, number>;
}

export interface ChartRenderResult {
  runs: number;
  bundleBytes: number;
  wasmBytes: number;
  fontBytes: number;
  median: ChartRenderSample;
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
const [bundle, insightsFile, warm] = process.argv.slice(2);
const insights = JSON.parse(readFileSync(insightsFile, 'utf8'));
const t0 = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const loadMs = performance.now() - t0;
const specs = mod.specs(insights);
const t1 = performance.now();
await mod.renderChart(specs.conversations);
const coldMs = performance.now() - t1;
const warmMs = {}, pngBytes = {};
for (const kind of Object.keys(specs)) {
  const times = [];
  for (let i = 0; i < Number(warm); i++) {
    const s = performance.now();
    const out = await mod.renderChart(specs[kind]);
    times.push(performance.now() - s);
    pngBytes[kind] = out.png.length;
  }
  times.sort((a, b) => a - b);
  warmMs[kind] = times[Math.floor(times.length / 2)];
}
process.stdout.write('\\n@@charts ' + JSON.stringify({ loadMs, coldMs, warmMs, pngBytes }) + '\\n', () => process.exit(0));
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

function runChild(script: string, bundle: string, insightsFile: string): Promise<ChartRenderSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, bundle, insightsFile, String(WARM_RENDERS)], { stdio: ['ignore', 'pipe', 'pipe'] });
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

/** `runs` fresh processes, each drawing every chart kind from `insights`. */
export async function measureChartRenders(dir: string, insights: Insights, runs: number): Promise<ChartRenderResult> {
  const bundle = await bundleRenderer(join(dir, 'renderer'));
  const script = join(dir, 'chart-child.mjs');
  await writeFile(script, CHILD);
  const insightsFile = join(dir, 'chart-insights.json');
  await writeFile(insightsFile, JSON.stringify(insights));
  const samples: ChartRenderSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runChild(script, bundle.file, insightsFile));
  const per = (pick: (s: ChartRenderSample) => number) => median(samples.map(pick));
  const byKind = (pick: (s: ChartRenderSample, k: ChartKind) => number) =>
    Object.fromEntries(CHART_KINDS.map((k) => [k, per((s) => pick(s, k))])) as Record<ChartKind, number>;
  return {
    runs,
    bundleBytes: bundle.bytes,
    wasmBytes: bundle.assets.filter((a) => a.file.endsWith('.wasm')).reduce((s, a) => s + a.bytes, 0),
    fontBytes: bundle.assets.filter((a) => a.file.endsWith('.woff2')).reduce((s, a) => s + a.bytes, 0),
    median: {
      loadMs: per((s) => s.loadMs),
      coldMs: per((s) => s.coldMs),
      warmMs: byKind((s, k) => s.warmMs[k]),
      pngBytes: byKind((s, k) => s.pngBytes[k]),
    },
    samples,
  };
}
