/**
 * The configuration the functions run with.
 *
 * In a Lambda bundle this module is replaced by the build with the validated configuration as JSON (see
 * src/build/bundle.ts), so a broken file fails the build and no YAML parser runs on a cold start. Run from
 * source (demo, tests, `npm run digest`) it loads `CHATDASH_CONFIG`, else the demo configuration.
 */
import { DEMO_CONFIG_PATH } from './demo.ts';
import { loadConfigFile } from './load.ts';
import type { Config } from './schema.ts';

export function configPathFrom(env: NodeJS.ProcessEnv): string {
  return env.CHATDASH_CONFIG || DEMO_CONFIG_PATH;
}

export const config: Config = loadConfigFile(configPathFrom(process.env));
