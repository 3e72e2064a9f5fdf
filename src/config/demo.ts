/** Where the demo configuration lives (used by `npm run demo`, the sandbox and tests). */
import { fileURLToPath } from 'node:url';

export const DEMO_CONFIG_PATH = fileURLToPath(new URL('./demo.yml', import.meta.url));
