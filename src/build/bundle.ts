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
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
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
  /** Bundle the Secrets Manager client beside the functions that read the secret (default), or use the runtime's. */
  secretsClient?: 'bundled' | 'runtime';
}

export interface BundleResult {
  name: FunctionName;
  file: string;
  bytes: number;
  /** Every module that contributed code to the bundle (see `metafileInputs`). */
  inputs: string[];
  /** The bundled Secrets Manager client beside it, for the functions that read the secret. */
  secretsClient?: { file: string; bytes: number; inputs: string[] };
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
    const result = await esbuild.build({
      entryPoints: [join(ROOT, 'functions', `${name}.ts`)],
      outfile: file,
      ...LAMBDA_ESBUILD,
      minify: options.minify ?? LAMBDA_ESBUILD.minify,
      external: ['@aws-sdk/*'],
      banner: { js: REQUIRE_SHIM },
      plugins: [leanBoltPlugin(), embeddedConfigPlugin(config), ...(bundledClient ? [secretsClientImportPlugin()] : [])],
      metafile: true,
      logLevel: 'warning',
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
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
      bytes,
      inputs: metafileInputs(result.metafile),
      ...(secretsClient
        ? { secretsClient: { file: secretsClient.file, bytes: secretsClient.bytes, inputs: metafileInputs(secretsClient.metafile) } }
        : {}),
    });
  }
  if (clientBuild) await rm(join(outdir, '.secrets-client'), { recursive: true, force: true });
  return results;
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
