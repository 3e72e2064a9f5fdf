/** The demo configuration (src/config/demo.yml), loaded once: the projects, channels and subscriptions tests speak of. */
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';

export const demoConfig: Config = loadConfigFile(DEMO_CONFIG_PATH);
