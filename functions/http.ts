/** Lambda: Slack's slash commands, interactivity and events (API Gateway HTTP API, POST /slack/events). */
import { config } from '../src/config/source.ts';
import { createHttpHandler } from '../src/slack/http-handler.ts';

export const handler = createHttpHandler({ config });
