/**
 * Lambda: Slack's slash commands, interactivity and events (API Gateway HTTP API, POST /slack/events).
 * The secret read starts first: its request to Secrets Manager is in flight while Bolt and the app load.
 */
import { config } from '../src/config/source.ts';
import { prefetchSecrets } from '../src/secrets/secrets.ts';

const { secrets, requested } = prefetchSecrets();
await requested;
const { createHttpHandler } = await import('../src/slack/http-handler.ts');

export const handler = createHttpHandler({ config, secrets });
