/**
 * The configuration the functions run with.
 *
 * In a Lambda bundle this module is replaced by the build with the validated configuration as JSON (see
 * src/build/bundle.ts), so a broken file fails the build and no YAML parser runs on a cold start. Run from
 * source (demo, tests, `npm run digest`) it loads `CHATDASH_CONFIG`, else the demo configuration.
 */
import { loadConfigFile } from './load.ts';
import { configPathFrom } from './path.ts';
import type { Config } from './schema.ts';

export const config: Config = loadConfigFile(configPathFrom(process.env));
