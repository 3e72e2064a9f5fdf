/**
 * The Secrets Manager client, bundled next to each function that reads the secret (`aws-secrets-manager.mjs`), instead
 * of the Lambda runtime's copy of `@aws-sdk/client-secrets-manager`: one minified, tree-shaken file costs a cold start
 * about half what the hundreds of files of the runtime's copy do (`npm run bench` measures both). It stays a separate file,
 * imported only when the secret is read, so the ack path of a function given its secrets otherwise never loads it.
 *
 * The SDK's default credential chain (SSO, INI files, IMDS, web identity, with their STS/SSO clients) is replaced by
 * the environment's credentials: a Lambda function's are always in its environment, and `awsClientConfig` passes
 * them explicitly anyway, so the chain would be dead weight. Two more changes make the file cheaper to load, with
 * the same code running (`npm run bench` measures the read):
 * - Event streams (which GetSecretValue has none of) are left out. The SDK imports them with a dynamic `import()`,
 *   and to keep that import lazy esbuild wraps ~150 modules in init functions, so every module was parsed twice.
 * - Node built-ins are loaded with `require`, as the CommonJS parts of the bundles already do. An ESM `import` of a
 *   built-in reads every export of it, which also loads the lazy ones (Web Crypto, `process.report`, …).
 */
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { LAMBDA_ESBUILD } from './esbuild-options.ts';

/** The file a function imports the client from, beside its `index.mjs`. */
export const SECRETS_CLIENT_FILE = 'aws-secrets-manager.mjs';

const CLIENT_PACKAGE = /^@aws-sdk\/client-secrets-manager$/;

/** In a function's bundle: `import('@aws-sdk/client-secrets-manager')` loads the bundled client file instead. */
export function secretsClientImportPlugin(): esbuild.Plugin {
  return {
    name: 'secrets-client-import',
    setup(build) {
      build.onResolve({ filter: CLIENT_PACKAGE }, () => ({ path: `./${SECRETS_CLIENT_FILE}`, external: true }));
    },
  };
}

/** Credentials from the environment only, in place of `@aws-sdk/credential-provider-node`'s chain. */
const ENV_CREDENTIALS = `export const defaultProvider = () => async () => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw Object.assign(new Error('No AWS credentials in the environment'), { name: 'CredentialsProviderError' });
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
};`;

function envCredentialsPlugin(): esbuild.Plugin {
  return {
    name: 'env-credentials',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
        path: 'env-credentials',
        namespace: 'env-credentials',
      }));
      build.onLoad({ filter: /.*/, namespace: 'env-credentials' }, () => ({ contents: ENV_CREDENTIALS, loader: 'js' }));
    },
  };
}

/** The SDK's event-stream support, which it imports only for operations that stream (GetSecretValue does not). */
const NO_EVENT_STREAMS = `const unbundled = () => { throw new Error('Event streams are not part of the bundled Secrets Manager client'); };
export const EventStreamSerde = unbundled;
export const eventStreamSerdeProvider = unbundled;`;

function noEventStreamsPlugin(): esbuild.Plugin {
  return {
    name: 'no-event-streams',
    setup(build) {
      build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: 'event-streams', namespace: 'no-event-streams' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'no-event-streams' }, () => ({ contents: NO_EVENT_STREAMS, loader: 'js' }));
    },
  };
}

/** `import … from 'node:x'` (or `'x'`) of a Node built-in, as a CommonJS `require('node:x')` (the banner defines `require`). */
export function builtinsByRequirePlugin(): esbuild.Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'builtins-by-require',
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        return args.kind === 'import-statement' && builtins.has(name) ? { path: name, namespace: 'builtin-by-require' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'builtin-by-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
        loader: 'js',
      }));
    },
  };
}

export interface SecretsClientBuild {
  file: string;
  bytes: number;
  metafile: esbuild.Metafile;
}

/** Writes `dir/aws-secrets-manager.mjs`: the client and the one command the functions use. */
export async function buildSecretsClient(dir: string, root: string, banner: string): Promise<SecretsClientBuild> {
  const file = join(dir, SECRETS_CLIENT_FILE);
  const result = await esbuild.build({
    stdin: {
      contents: "export { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
      resolveDir: root,
      sourcefile: 'secrets-client-entry.mjs',
      loader: 'js',
    },
    outfile: file,
    ...LAMBDA_ESBUILD,
    banner: { js: banner },
    plugins: [envCredentialsPlugin(), noEventStreamsPlugin(), builtinsByRequirePlugin()],
    metafile: true,
    logLevel: 'warning',
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { file, bytes, metafile: result.metafile };
}

/** Whether a function's build imports the bundled client (http, worker and deadletter read the secret; schedule doesn't). */
export function importsSecretsClient(metafile: esbuild.Metafile): boolean {
  return Object.values(metafile.outputs).some((o) => o.imports.some((i) => i.path === `./${SECRETS_CLIENT_FILE}` && i.external));
}
