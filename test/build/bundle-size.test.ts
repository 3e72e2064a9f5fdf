/**
 * Size budgets for the Lambda bundles, and the dependencies the HTTP function must never carry: a careless
 * import (the full zod, luxon, Bolt's index with Express and Socket Mode) would silently undo the cold-start
 * work. Sizes are decimal KB (1 KB = 1,000 bytes); budgets are ~30% above what the bundles weigh today, except
 * the HTTP function's, which is the product target (see `npm run bench`).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINES, type BaselineBundle, buildBaselines } from '../../src/bench/baselines.ts';
import { type BundleResult, bundleFunctions, FUNCTIONS, type FunctionName, metafileInputs, ROOT } from '../../src/build/bundle.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { RUNNERS } from '../../src/worker/process-job.ts';

const KB = 1000;
// schedule carries the state store's code for the O(due) tick (its zod item schemas, the DynamoDB store; the SDK itself
// is not bundled): 105.9 KB on 2026-11-26; with the alert checks' tick (the alert stores, and luxon for the windows of
// each alert's time zone, ~70 KB), 211.4 KB on 2026-11-25. Not on any person's path: EventBridge ticks it every minute.
const BUDGET_KB: Record<FunctionName, number> = { http: 300, worker: 160, schedule: 275, deadletter: 190 };

/** Packages the HTTP function must not contain in any chunk, as patterns over esbuild metafile input paths. */
const FORBIDDEN_IN_HTTP: Record<string, RegExp> = {
  express: /(^|\/)node_modules\/express\//,
  '@slack/socket-mode': /(^|\/)node_modules\/@slack\/socket-mode\//,
  '@slack/oauth': /(^|\/)node_modules\/@slack\/oauth\//,
  yaml: /(^|\/)node_modules\/yaml\//,
  'zod (classic)': /(^|\/)node_modules\/zod\/(v4\/classic|v3)\//,
  echarts: /(^|\/)node_modules\/(echarts|zrender)\//,
  'vega / vega-lite': /(^|\/)node_modules\/vega(-[a-z-]+)?\//,
  '@resvg/resvg-wasm': /(^|\/)node_modules\/@resvg\//,
  'chart renderer': /(^|\/)src\/charts\//,
  'AWS SDK clients': /(^|\/)node_modules\/(@aws-sdk|@smithy)\//,
  'the alert checks (worker only)': /(^|\/)src\/(worker\/alert-check|schedule\/alert-checks|alerts\/(evaluate|baseline))\.ts$/,
  // The App Home says why the bot paused an alert with src/alerts/pause-words.ts, not the worker's pausing code.
  'the worker’s alert pausing': /(^|\/)src\/worker\/alert-pause\.ts$/,
};

/**
 * What the HTTP function's cold start and its command ack path (`/chatdash stats`) must never load: only the
 * subscription UI's chunk, imported by the listeners that manage subscriptions (`load-subscription-ui.ts`), has them.
 */
const NOT_ON_HTTP_STARTUP: Record<string, RegExp> = {
  luxon: /(^|\/)node_modules\/luxon\//,
  croner: /(^|\/)node_modules\/croner\//,
  // Runtime bindings are read with one signed request (src/store/bindings-reader.ts), not the state store's code.
  'the state store (SDK-backed)': /(^|\/)src\/store\/(dynamo|memory|from-env)\.ts$/,
  'the subscriptions service': /(^|\/)src\/subscriptions\/(service|input|model)\.ts$/,
  'the subscription UI flows': /(^|\/)src\/slack\/(subscriptions\/(flows|list|rows|home-sections)|home\/(publish|sections))\.ts$/,
  // The alerts UI (its own bundle, `alert-ui.mjs`) and the App Home's alerts sections (in the subscription UI's).
  'the alert stores': /(^|\/)src\/store\/(alerts-[a-z-]+|alert-[a-z-]+)\.ts$/,
  'the alert model and its wording': /(^|\/)src\/alerts\/(model|lifecycle|render|windows)\.ts$/,
};

/** What only the alerts UI's bundle has (`load-alert-ui.ts`): its flows and listeners. */
const ALERT_UI_ONLY: Record<string, RegExp> = {
  'the alerts UI flows': /(^|\/)src\/slack\/alerts\/(flows|form|modal|shape|reshape|list|announce|recommended)\.ts$/,
  'its listeners':
    /(^|\/)src\/slack\/listeners\/(actions\/alert-(button|list-more|form)|views\/alert-form|commands\/chatdash\/alerts?)\.ts$/,
};

/** The code of a function's cold start: its entry and the chunks it imports statically (not the lazy ones). */
async function startupCode(bundle: { file: string; lazyChunks: ReadonlyArray<{ file: string }> }): Promise<string[]> {
  const dir = dirname(bundle.file);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs') && !bundle.lazyChunks.some((c) => c.file === f));
  return Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
}

/** The alert stores and the alert engine's modules: in the worker only as chunks loaded by alert checks. */
const ALERT_CODE = /(^|\/)src\/(alerts\/[a-z-]+|store\/(alerts-[a-z-]+|alert-[a-z-]+))\.ts$/;

/** Chart code: in the worker only as a chunk loaded on the first chart. */
const CHART_CODE = /(^|\/)node_modules\/(echarts|zrender|@resvg)\/|(^|\/)src\/charts\/render\.ts$/;

/** What only `npm run dev` uses: no Lambda bundle may carry any of it. */
const DEV_ONLY: Record<string, RegExp> = {
  '@slack/socket-mode': /(^|\/)node_modules\/@slack\/socket-mode\//,
  ws: /(^|\/)node_modules\/ws\//,
  "Bolt's SocketModeReceiver": /(^|\/)node_modules\/@slack\/bolt\/dist\/receivers\/SocketModeReceiver\.js$/,
  'src/dev/': /(^|\/)src\/dev\//,
  'src/socket-mode-double/': /(^|\/)src\/socket-mode-double\//,
};

let dir: string;
let bundles: Map<FunctionName, BundleResult>;
let baselines: Map<string, BaselineBundle>;

beforeAll(async () => {
  const cache = join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  // Under the project so the bundles resolve its node_modules.
  dir = await mkdtemp(join(cache, 'chatdash-bundle-size-'));
  const results = await bundleFunctions({ configPath: DEMO_CONFIG_PATH, outdir: join(dir, 'functions') });
  bundles = new Map(results.map((r) => [r.name, r]));
  baselines = new Map((await buildBaselines(join(dir, 'baselines'))).map((b) => [b.name, b]));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const matching = (inputs: readonly string[], pattern: RegExp) => inputs.filter((path) => pattern.test(path));
/** The module of a job kind's runner: `send_now` → `send-now` (src/worker/send-now.ts). */
const moduleOf = (kind: string) => kind.replaceAll('_', '-');

describe('Lambda bundle sizes', () => {
  it('builds every function', () => {
    expect([...bundles.keys()].sort()).toEqual([...FUNCTIONS].sort());
  });

  it.each(FUNCTIONS.map((name) => [name, BUDGET_KB[name]] as const))('%s weighs at most %d KB', (name, budget) => {
    const bundle = bundles.get(name)!;
    expect(bundle.bytes, `${name} bundle is ${(bundle.bytes / KB).toFixed(1)} KB`).toBeLessThanOrEqual(budget * KB);
    expect(bundle.bytes).toBeGreaterThan(0);
  });

  it('the http bundle is a fraction of a naive Bolt bundle of a one-command app', () => {
    const http = bundles.get('http')!;
    const naive = baselines.get('naive-bolt')!;
    expect(http.bytes * 5).toBeLessThan(naive.bytes);
  });
});

describe('the worker loads what a job needs when it needs it', () => {
  it('its cold start has no job kind’s code and no chart code', () => {
    const startup = bundles.get('worker')!.startupInputs;
    const jobKindCode = new RegExp(`src/worker/(${Object.keys(RUNNERS).map(moduleOf).join('|')})\\.ts$`);
    expect(startup.filter((path) => jobKindCode.test(path))).toEqual([]);
    expect(matching(startup, CHART_CODE)).toEqual([]);
    expect(matching(startup, /(^|\/)node_modules\/croner\//)).toEqual([]);
    // The state store's code too (its schemas bring croner and the configuration schema): loaded on first use.
    expect(matching(startup, NOT_ON_HTTP_STARTUP['the state store (SDK-backed)']!)).toEqual([]);
    // And the alert stores and the alert engine: loaded by the first alert check, never by a stats job.
    expect(matching(startup, ALERT_CODE)).toEqual([]);
    expect(matching(startup, /(^|\/)node_modules\/luxon\//)).toEqual([]);
  });

  it('the alert stores are a chunk of their own, apart from the state store’s (a drill-down that reads bindings never loads them)', () => {
    const worker = bundles.get('worker')!;
    const withAlertStores = worker.lazyChunks.filter((c) => c.inputs.some((path) => /src\/store\/alerts-dynamo\.ts$/.test(path)));
    expect(withAlertStores).toHaveLength(1);
    expect(withAlertStores[0]!.inputs.filter((path) => /src\/store\/(dynamo|memory)\.ts$/.test(path))).toEqual([]);
    const withStateStore = worker.lazyChunks.filter((c) => c.inputs.some((path) => /src\/store\/dynamo\.ts$/.test(path)));
    expect(withStateStore.flatMap((c) => matching(c.inputs, ALERT_CODE))).toEqual([]);
  });

  it('each job kind is a chunk of its own, and the renderer one more, with resvg’s wasm, the fonts and their licence beside it', () => {
    const worker = bundles.get('worker')!;
    const chunkOf = (module: RegExp) => worker.lazyChunks.filter((c) => c.inputs.some((path) => module.test(path)));
    for (const kind of Object.keys(RUNNERS)) expect(chunkOf(new RegExp(`src/worker/${moduleOf(kind)}\\.ts$`)), kind).toHaveLength(1);
    const [renderer] = chunkOf(/src\/charts\/render\.ts$/);
    expect(renderer?.inputs.some((path) => /node_modules\/echarts\//.test(path))).toBe(true);
    expect(chunkOf(/src\/worker\/stats\.ts$/)[0]!.inputs.filter((path) => CHART_CODE.test(path))).toEqual([]);
    expect(worker.assets.map((a) => a.file).sort()).toEqual(
      [
        'fonts/OFL.txt',
        'fonts/inter-latin-400-normal.woff2',
        'fonts/inter-latin-600-normal.woff2',
        'fonts/inter-latin-ext-400-normal.woff2',
        'resvg.wasm',
      ].sort(),
    );
  });

  it.each(FUNCTIONS.filter((name) => name !== 'worker'))('the %s bundle has no chart code, in any chunk, and no renderer files', (name) => {
    const bundle = bundles.get(name)!;
    expect(matching(bundle.inputs, CHART_CODE)).toEqual([]);
    expect(bundle.assets).toEqual([]);
  });
});

describe('what the http bundle leaves out', () => {
  it('lists the modules that make up the bundle', () => {
    const inputs = bundles.get('http')!.inputs;
    // Paths are relative to the working directory.
    expect(inputs.filter((path) => path.endsWith('src/slack/app.ts'))).toHaveLength(1);
    expect(matching(inputs, /(^|\/)node_modules\/@slack\/bolt\//).length).toBeGreaterThan(0);
    expect(matching(inputs, /(^|\/)node_modules\/zod\/v4\/mini\//).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(FORBIDDEN_IN_HTTP))('contains no %s', (_name, pattern) => {
    expect(matching(bundles.get('http')!.inputs, pattern)).toEqual([]);
  });

  it.each(Object.entries(NOT_ON_HTTP_STARTUP))('loads no %s on its cold start or a command ack', (_name, pattern) => {
    expect(matching(bundles.get('http')!.startupInputs, pattern)).toEqual([]);
  });

  it('the subscription UI (flows, service, state store, croner, luxon) is a bundle of its own, imported when first needed', async () => {
    const http = bundles.get('http')!;
    const [ui, ...others] = http.lazyChunks.filter((c) => c.inputs.some((path) => path.endsWith('src/slack/subscriptions/flows.ts')));
    expect(others).toEqual([]);
    expect(ui?.file).toBe('subscription-ui.mjs');
    for (const [name, pattern] of Object.entries(NOT_ON_HTTP_STARTUP))
      expect(matching(ui!.inputs, pattern).length, name).toBeGreaterThan(0);
    // It shares no chunk with the cold start (so what it uses of zod, say, never loads there): it imports none.
    const code = await readFile(join(dirname(http.file), ui!.file), 'utf8');
    expect(code.match(/from\s*["']\.\/[^"']+["']/g) ?? []).toEqual([]);
    // The cold start reaches it only through import().
    expect((await startupCode(http)).some((chunk) => /import\(\s*["']\.\/subscription-ui\.mjs["']\s*\)/.test(chunk))).toBe(true);
  });

  it('the alerts UI (flows, modal, alert model and store) is a bundle of its own, imported when first needed', async () => {
    const http = bundles.get('http')!;
    const [ui, ...others] = http.lazyChunks.filter((c) => c.inputs.some((path) => path.endsWith('src/slack/alerts/flows.ts')));
    expect(others).toEqual([]);
    expect(ui?.file).toBe('alert-ui.mjs');
    for (const [name, pattern] of Object.entries(ALERT_UI_ONLY)) {
      expect(matching(ui!.inputs, pattern).length, name).toBeGreaterThan(0);
      expect(matching(http.startupInputs, pattern), name).toEqual([]);
    }
    expect(matching(ui!.inputs, NOT_ON_HTTP_STARTUP['the alert stores']!).length).toBeGreaterThan(0);
    const code = await readFile(join(dirname(http.file), ui!.file), 'utf8');
    expect(code.match(/from\s*["']\.\/[^"']+["']/g) ?? []).toEqual([]);
    expect((await startupCode(http)).some((chunk) => /import\(\s*["']\.\/alert-ui\.mjs["']\s*\)/.test(chunk))).toBe(true);
  });

  it('never loads the DynamoDB SDK on its cold start, and loads any AWS SDK client only lazily (dynamic import)', async () => {
    const http = bundles.get('http')!;
    const dir = dirname(http.file);
    const lazy = new Set(http.lazyChunks.map((c) => c.file));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs') && f !== 'aws-secrets-manager.mjs');
    const startup = await Promise.all(files.filter((f) => !lazy.has(f)).map((f) => readFile(join(dir, f), 'utf8')));
    const chunks = await Promise.all([...lazy].map((f) => readFile(join(dir, f), 'utf8')));
    expect(startup.length).toBeGreaterThan(0);
    for (const code of startup) expect(code).not.toMatch(/@aws-sdk\/(client-dynamodb|lib-dynamodb)/);
    for (const chunk of [...startup, ...chunks]) expect(chunk.match(/from\s*["']@aws-sdk\/[^"']+["']/g) ?? []).toEqual([]);
    expect(chunks.some((chunk) => /import\(\s*["']@aws-sdk\/client-dynamodb["']\s*\)/.test(chunk))).toBe(true);
    // The check would see a static import: the worker bundle has one (Powertools' DynamoDB persistence layer), in
    // one of its chunks.
    const worker = bundles.get('worker')!;
    const workerFiles = [worker.file, ...worker.lazyChunks.map((c) => join(dirname(worker.file), c.file))];
    const workerCode = await Promise.all(workerFiles.map((file) => readFile(file, 'utf8')));
    expect(workerCode.some((code) => /from\s*["']@aws-sdk\//.test(code))).toBe(true);
  });

  it('leaves out Bolt’s HTTP, Express and Socket Mode receivers', () => {
    const receivers = matching(bundles.get('http')!.inputs, /receivers\/(HTTPReceiver|ExpressReceiver|SocketModeReceiver)\.js$/);
    expect(receivers.filter((path) => path.includes('node_modules/'))).toEqual([]);
  });

  it.each(FUNCTIONS.flatMap((name) => Object.entries(DEV_ONLY).map(([what, pattern]) => [name, what, pattern] as const)))(
    'the %s bundle contains nothing of npm run dev (%s)',
    (name, _what, pattern) => {
      expect(matching(bundles.get(name)!.inputs, pattern)).toEqual([]);
    },
  );

  // The checks above would pass vacuously if the patterns matched nothing: show that they catch each package.
  it('would catch Bolt’s receivers’ dependencies (a naive Bolt bundle has them)', () => {
    const naive = baselines.get('naive-bolt')!.inputs;
    expect(BASELINES).toContain('naive-bolt');
    for (const name of ['express', '@slack/socket-mode', '@slack/oauth']) {
      expect(matching(naive, FORBIDDEN_IN_HTTP[name]!).length, name).toBeGreaterThan(0);
    }
  });

  it('would catch croner and the state store (the schedule bundle loads both at start)', () => {
    const schedule = bundles.get('schedule')!.startupInputs;
    for (const name of ['croner', 'the state store (SDK-backed)']) {
      expect(matching(schedule, NOT_ON_HTTP_STARTUP[name]!).length, name).toBeGreaterThan(0);
    }
  });

  it('would catch what npm run dev uses (a bundle of the dev runner and the Socket Mode double has it all)', async () => {
    const entry = join(dir, 'dev.mjs');
    await writeFile(
      entry,
      `export { startDevBot } from ${JSON.stringify(join(ROOT, 'src/dev/runner.ts'))};\nexport { startSocketModeDouble } from ${JSON.stringify(join(ROOT, 'src/socket-mode-double/server.ts'))};\n`,
    );
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: join(dir, 'dev', 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      external: ['@aws-sdk/*', 'bufferutil', 'utf-8-validate'],
      metafile: true,
      logLevel: 'error',
    });
    const inputs = metafileInputs(result.metafile);
    for (const [what, pattern] of Object.entries(DEV_ONLY)) expect(matching(inputs, pattern).length, what).toBeGreaterThan(0);
  });

  it('would catch luxon, yaml, the full zod and the chart code', async () => {
    const entry = join(dir, 'careless.mjs');
    await writeFile(
      entry,
      "import { DateTime } from 'luxon';\nimport { parse } from 'yaml';\nimport { z } from 'zod';\n" +
        `import { renderChart } from ${JSON.stringify(join(ROOT, 'src/charts/render.ts'))};\n` +
        "export const all = [DateTime.now(), parse('a: 1'), z.string().parse('x'), renderChart];\n",
    );
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: join(dir, 'careless', 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'error',
    });
    const inputs = metafileInputs(result.metafile);
    for (const name of ['yaml', 'zod (classic)', 'echarts', '@resvg/resvg-wasm', 'chart renderer']) {
      expect(matching(inputs, FORBIDDEN_IN_HTTP[name]!).length, name).toBeGreaterThan(0);
    }
    expect(matching(inputs, NOT_ON_HTTP_STARTUP.luxon!).length).toBeGreaterThan(0);
  });
});

describe('the bundled Secrets Manager client (aws-secrets-manager.mjs)', () => {
  /** Today ~150 KB; the runtime's copy it replaces is hundreds of files. */
  const CLIENT_BUDGET_KB = 200;

  it('sits beside http, worker and deadletter (they read the secret), not schedule', () => {
    expect(FUNCTIONS.filter((name) => bundles.get(name)!.secretsClient)).toEqual(['http', 'worker', 'deadletter']);
  });

  it(`weighs at most ${CLIENT_BUDGET_KB} KB and carries no default credential chain (SSO, INI, IMDS, STS clients)`, () => {
    const client = bundles.get('http')!.secretsClient!;
    expect(client.bytes, `${(client.bytes / KB).toFixed(1)} KB`).toBeLessThanOrEqual(CLIENT_BUDGET_KB * KB);
    expect(matching(client.inputs, /(^|\/)node_modules\/@aws-sdk\/client-secrets-manager\//).length).toBeGreaterThan(0);
    expect(matching(client.inputs, /(^|\/)node_modules\/@aws-sdk\/(credential-provider-[a-z-]+|nested-clients|token-providers)\//)).toEqual(
      [],
    );
  });

  it('leaves out event streams: their lazy import made esbuild wrap ~150 modules in init functions, each parsed twice', () => {
    const client = bundles.get('http')!.secretsClient!;
    expect(matching(client.inputs, /\/submodules\/event-streams\//)).toEqual([]);
  });

  it('loads Node built-ins with require: an ESM import of one reads all its exports, lazy ones included', async () => {
    const source = await readFile(bundles.get('http')!.secretsClient!.file, 'utf8');
    const esmImports = [...source.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]);
    // The banner's createRequire is the one ESM import left.
    expect(esmImports).toEqual(['node:module']);
    expect(source).toContain('"node:crypto"');
  });

  it('is never inside a function’s own bundle: the functions load it only when they read the secret', () => {
    for (const name of FUNCTIONS) {
      expect(matching(bundles.get(name)!.inputs, /(^|\/)node_modules\/(@aws-sdk|@smithy)\//), name).toEqual([]);
    }
  });
});
