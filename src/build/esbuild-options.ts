/** The esbuild settings the Lambda bundles share: Node.js 22 ESM, minified, no source maps or legal comments. */
import type * as esbuild from 'esbuild';

export const LAMBDA_ESBUILD = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  mainFields: ['module', 'main'],
} as const satisfies esbuild.BuildOptions;
