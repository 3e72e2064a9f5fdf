/**
 * `npm run build`: validates the configuration and bundles every Lambda function into dist/<function>/index.mjs (with
 * the bundled Secrets Manager client beside the functions that read the secret).
 *
 *   npm run build [-- --config path/to/config.yml]
 *
 * The configuration is `--config`, else `CHATDASH_CONFIG`, else the demo configuration (src/config/demo.yml).
 */
import { bundleFunctions } from '../build/bundle.ts';
import { ConfigError } from '../config/load.ts';
import { configPathFrom } from '../config/path.ts';
import { optionsOrExit } from './args.ts';

const values = optionsOrExit('build', process.argv.slice(2), {
  config: { type: 'string' },
  outdir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});
if (values.help) {
  console.log(
    'Usage: npm run build [-- --config FILE] [--outdir DIR]\nValidates the configuration and writes dist/<function>/index.mjs for http, worker, schedule and deadletter,\nand the bundled Secrets Manager client (aws-secrets-manager.mjs) beside the functions that read the secret.',
  );
  process.exit(0);
}
const configPath = values.config ?? configPathFrom(process.env);
try {
  const results = await bundleFunctions({ configPath, ...(values.outdir ? { outdir: values.outdir } : {}) });
  console.log(`Configuration: ${configPath}`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(11)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.file}`);
    if (r.secretsClient)
      console.log(`  ${''.padEnd(11)} ${(r.secretsClient.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.secretsClient.file}`);
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
