/** Which configuration file a process reads, in one place, so every entry point (Lambda, dev, demo, CLI) agrees. */
import { DEMO_CONFIG_PATH } from './demo.ts';

/** The configuration file to use: `CHATDASH_CONFIG`, else the demo configuration. */
export function configPathFrom(env: NodeJS.ProcessEnv): string {
  return env.CHATDASH_CONFIG || DEMO_CONFIG_PATH;
}
