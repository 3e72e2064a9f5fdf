/**
 * Every listener of the Slack app, by kind (as in Slack's Bolt starter templates): `commands/`, `actions/`,
 * `events/`, `views/`. The same listeners serve the Lambda app and a Socket Mode app in dev.
 */
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import type { BoltApp, ListenerContext } from './context.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

export function registerListeners(app: BoltApp, ctx: ListenerContext): void {
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerEvents(app, ctx);
  registerViews(app, ctx);
}
