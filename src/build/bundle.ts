/**
 * esbuild bundles of the Lambda functions: `dist/<function>/index.mjs`, each exporting `handler`.
 *
 * - The configuration is validated here and embedded as JSON: a broken file fails the build (and so the
 *   deploy), and no YAML parser runs on a cold start.
 * - Bolt's HTTP, Express and Socket Mode receivers are left out: Lambda uses only AwsLambdaReceiver, and
 *   those receivers (with express, @slack/oauth, @slack/socket-mode) are most of Bolt's weight.
 * - `@aws-sdk/*` is not bundled: the Lambda Node.js 22 runtime provides it, and we load clients lazily. Except the
 *   Secrets Manager client, read on every cold start: it is bundled into its own file beside the function's
 *   (`aws-secrets-manager.mjs`, see secrets-client.ts), which loads much faster than the runtime's copy.
 * - Code splitting (ESM chunks next to `index.mjs`): what a function reaches only through `import()` is a
 *   separate chunk, parsed only when first needed. The worker imports each job kind's code and the chart
 *   renderer that way (see src/worker/process-job.ts); a function whose bundle has the renderer also gets its
 *   files beside the chunks: resvg's wasm, the fonts and their licence (see src/charts/assets.ts). The chunks and
 *   the secrets client sit in the same folder, so any chunk imports `./aws-secrets-manager.mjs` as the entry would.
 * - Separate lazy bundles (`SEPARATE_BUNDLES`): the HTTP function's subscription and alert UIs are each built on their own,
 *   beside the function (`subscription-ui.mjs`, `alert-ui.mjs`), and imported by path when first needed. As a chunk of the function's build it
 *   would share modules with the cold start, and what it uses of them (zod's unions, records, refinements…) would
 *   load on every cold start; on its own it carries its own copies and the cold start carries none of it.
 */
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { FONTS_DIR, RESVG_WASM_FILE } from '../charts/assets.ts';
import { ALL_FONT_FILES, CHART_FONT } from '../charts/font.ts';
import { loadConfigFile } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { LAMBDA_ESBUILD } from './esbuild-options.ts';
import { buildSecretsClient, importsSecretsClient, type SecretsClientBuild, secretsClientImportPlugin } from './secrets-client.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FUNCTIONS = ['http', 'worker', 'schedule', 'deadletter'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface BundleOptions {
  outdir?: string;
  /** The configuration to embed (validated). */
  configPath: string;
  functions?: readonly FunctionName[];
  minify?: boolean;
  /** More esbuild plugins (the bench builds variants with them; default none). */
  plugins?: readonly esbuild.Plugin[];
  /** Bundle the Secrets Manager client beside the functions that read the secret (default), or use the runtime's. */
  secretsClient?: 'bundled' | 'runtime';
}

export interface BundleResult {
  name: FunctionName;
  /** The entry: `dist/<function>/index.mjs`. */
  file: string;
  /** What a cold start loads: the entry and the chunks it imports statically. */
  bytes: number;
  /** Every chunk, including those loaded only by `import()` (assets such as the wasm file not counted). */
  totalBytes: number;
  /** Every module that contributed code to the bundle, in any chunk (see `metafileInputs`). */
  inputs: string[];
  /** The modules a cold start loads (entry and static chunks). */
  startupInputs: string[];
  /** Chunks loaded only on demand: file (relative to the function's folder), bytes, and modules. */
  lazyChunks: Array<{ file: string; bytes: number; inputs: string[] }>;
  /** Files copied beside the chunks (renderer assets), relative to the function's folder, with their sizes. */
  assets: Array<{ file: string; bytes: number }>;
  /** The bundled Secrets Manager client beside it, for the functions that read the secret. */
  secretsClient?: { file: string; bytes: number; inputs: string[] };
}

/**
 * Modules a function imports with `import()` that are bundled on their own (no code shared with the function's other
 * chunks), as `file` beside its entry: what a cold start loads stays exactly what it was without them.
 */
export const SEPARATE_BUNDLES: Partial<Record<FunctionName, ReadonlyArray<{ module: string; file: string }>>> = {
  http: [
    { module: 'src/slack/listeners/subscription-ui.ts', file: 'subscription-ui.mjs' },
    { module: 'src/slack/listeners/alert-ui.ts', file: 'alert-ui.mjs' },
  ],
};

/** Resolves `import('…/<module>')` to the separately built `./<file>` (external to this build). */
export function separateBundlesPlugin(entries: ReadonlyArray<{ module: string; file: string }>): esbuild.Plugin {
  return {
    name: 'separate-bundles',
    setup(build) {
      for (const entry of entries) {
        const name = basename(entry.module).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        build.onResolve({ filter: new RegExp(`(^|/)${name}$`) }, (args) =>
          args.kind === 'dynamic-import' ? { path: `./${entry.file}`, external: true } : undefined,
        );
      }
    },
  };
}

/** Modules that only Bolt's non-Lambda receivers use. */
const UNUSED_BOLT_RECEIVERS = /receivers\/(HTTPReceiver|SocketModeReceiver|ExpressReceiver)(\.js)?$/;

export function leanBoltPlugin(): esbuild.Plugin {
  return {
    name: 'lean-bolt',
    setup(build) {
      build.onResolve({ filter: UNUSED_BOLT_RECEIVERS }, (args) => ({ path: args.path, namespace: 'unused-receiver' }));
      build.onLoad({ filter: /.*/, namespace: 'unused-receiver' }, (args) => ({
        contents: `module.exports = { default: function Unavailable() { throw new Error(${JSON.stringify(`${args.path} is not bundled for Lambda`)}); } };`,
        loader: 'js',
      }));
    },
  };
}

export function embeddedConfigPlugin(config: Config): esbuild.Plugin {
  return {
    name: 'embedded-config',
    setup(build) {
      build.onResolve({ filter: /config\/source\.ts$/ }, () => ({ path: 'chatdash-config', namespace: 'embedded-config' }));
      build.onLoad({ filter: /.*/, namespace: 'embedded-config' }, () => ({
        contents: `export const config = ${JSON.stringify(config)};`,
        loader: 'js',
      }));
    },
  };
}

/** ESM bundles still meet CommonJS dependencies that `require` Node built-ins. */
export const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export async function bundleFunctions(options: BundleOptions): Promise<BundleResult[]> {
  const outdir = resolve(options.outdir ?? join(ROOT, 'dist'));
  const config = loadConfigFile(options.configPath);
  const results: BundleResult[] = [];
  const bundledClient = (options.secretsClient ?? 'bundled') === 'bundled';
  let clientBuild: Promise<SecretsClientBuild> | undefined;
  for (const name of options.functions ?? FUNCTIONS) {
    const dir = join(outdir, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'index.mjs');
    const separate = SEPARATE_BUNDLES[name] ?? [];
    const result = await esbuild.build({
      entryPoints: { index: join(ROOT, 'functions', `${name}.ts`) },
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      splitting: true,
      chunkNames: 'chunk-[name]-[hash]',
      ...LAMBDA_ESBUILD,
      minify: options.minify ?? LAMBDA_ESBUILD.minify,
      external: ['@aws-sdk/*'],
      banner: { js: REQUIRE_SHIM },
      plugins: [
        leanBoltPlugin(),
        embeddedConfigPlugin(config),
        ...(bundledClient ? [secretsClientImportPlugin()] : []),
        separateBundlesPlugin(separate),
        ...(options.plugins ?? []),
      ],
      metafile: true,
      logLevel: 'warning',
    });
    const chunks = chunkGraph(result.metafile, file);
    const inputs = metafileInputs(result.metafile);
    for (const entry of separate) {
      const built = await esbuild.build({
        entryPoints: [join(ROOT, entry.module)],
        outfile: join(dir, entry.file),
        ...LAMBDA_ESBUILD,
        minify: options.minify ?? LAMBDA_ESBUILD.minify,
        external: ['@aws-sdk/*'],
        banner: { js: REQUIRE_SHIM },
        plugins: [leanBoltPlugin(), embeddedConfigPlugin(config), ...(options.plugins ?? [])],
        metafile: true,
        logLevel: 'warning',
      });
      const own = metafileInputs(built.metafile);
      const bytes = Object.entries(built.metafile.outputs)
        .filter(([path]) => path.endsWith('.mjs'))
        .reduce((sum, [, o]) => sum + o.bytes, 0);
      chunks.lazyChunks.push({ file: entry.file, bytes, inputs: own });
      chunks.totalBytes += bytes;
      for (const path of own) if (!inputs.includes(path)) inputs.push(path);
    }
    inputs.sort();
    const assets = inputs.some((path) => path.endsWith('src/charts/render.ts')) ? await copyChartAssets(dir) : [];
    let secretsClient: SecretsClientBuild | undefined;
    if (bundledClient && importsSecretsClient(result.metafile)) {
      // Built once, copied per function: each function is packaged on its own.
      clientBuild ??= buildSecretsClient(join(outdir, '.secrets-client'), ROOT, REQUIRE_SHIM);
      const built = await clientBuild;
      await copyFile(built.file, join(dir, basename(built.file)));
      secretsClient = { ...built, file: join(dir, basename(built.file)) };
    }
    results.push({
      name,
      file,
      inputs,
      assets,
      ...chunks,
      ...(secretsClient
        ? { secretsClient: { file: secretsClient.file, bytes: secretsClient.bytes, inputs: metafileInputs(secretsClient.metafile) } }
        : {}),
    });
  }
  if (clientBuild) await rm(join(outdir, '.secrets-client'), { recursive: true, force: true });
  return results;
}

/**
 * Splits a build's outputs into what a cold start loads and the rest. The entries (`functions/<fn>.ts`) are a few
 * lines that start the secret read and then `await import()` the function's handler at init, so every chunk the
 * entry imports, statically or not, is loaded at start; from there only static imports are (transitively): a
 * handler's own `import()`s (job kinds, the chart renderer) wait for a request that needs them.
 */
export function chunkGraph(
  metafile: esbuild.Metafile,
  entryFile: string,
): Pick<BundleResult, 'bytes' | 'totalBytes' | 'startupInputs' | 'lazyChunks'> {
  const outputs = metafile.outputs;
  const key = (path: string) => relative(process.cwd(), resolve(path));
  const entry = key(entryFile);
  const startup = new Set<string>();
  const visit = (path: string) => {
    if (startup.has(path) || !outputs[path]) return;
    startup.add(path);
    for (const imported of outputs[path].imports) {
      const atInit = imported.kind === 'import-statement' || (path === entry && imported.kind === 'dynamic-import');
      if (atInit && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const code = Object.entries(outputs).filter(([path]) => path.endsWith('.mjs'));
  const used = (output: esbuild.Metafile['outputs'][string]) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path)
      .sort();
  const dir = resolve(entryFile, '..');
  return {
    bytes: code.filter(([path]) => startup.has(path)).reduce((sum, [, o]) => sum + o.bytes, 0),
    totalBytes: code.reduce((sum, [, o]) => sum + o.bytes, 0),
    startupInputs: [...new Set(code.filter(([path]) => startup.has(path)).flatMap(([, o]) => used(o)))].sort(),
    lazyChunks: code
      .filter(([path]) => !startup.has(path))
      .map(([path, o]) => ({ file: relative(dir, resolve(path)), bytes: o.bytes, inputs: used(o) })),
  };
}

/** resvg's wasm, the chart fonts and the fonts' licence, beside the chunks that load them. */
export async function copyChartAssets(dir: string): Promise<Array<{ file: string; bytes: number }>> {
  const require = createRequire(import.meta.url);
  await mkdir(join(dir, FONTS_DIR), { recursive: true });
  const copies: Array<[string, string]> = [
    [require.resolve('@resvg/resvg-wasm/index_bg.wasm'), RESVG_WASM_FILE],
    ...ALL_FONT_FILES.map((f): [string, string] => [require.resolve(`@fontsource/inter/files/${f}`), join(FONTS_DIR, f)]),
    [join(dirname(require.resolve('@fontsource/inter/package.json')), 'LICENSE'), join(FONTS_DIR, CHART_FONT.licence)],
  ];
  const assets: Array<{ file: string; bytes: number }> = [];
  for (const [from, to] of copies) {
    await copyFile(from, join(dir, to));
    assets.push({ file: to, bytes: (await stat(join(dir, to))).size });
  }
  return assets;
}

/**
 * The modules a build put in its bundle: metafile inputs that contributed code to an output (paths relative to
 * the working directory), sorted. Modules esbuild parsed but tree-shook away entirely are not listed. This is
 * what a size budget test checks for unwanted dependencies.
 */
export function metafileInputs(metafile: esbuild.Metafile): string[] {
  const inputs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) if (input.bytesInOutput > 0) inputs.add(path);
  }
  return [...inputs].sort();
}
