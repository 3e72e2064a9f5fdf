/**
 * Events API events. One module per event, `events/<event-name>.ts`, exporting a named callback `(ctx, args)`;
 * one line here registers it (and the event goes in manifest.yml's `bot_events`).
 */
import type { BoltApp, ListenerContext } from '../context.ts';
import { loadSubscriptionUi } from '../load-subscription-ui.ts';
import { appMention } from './app-mention.ts';

export function registerEvents(app: BoltApp, ctx: ListenerContext): void {
  app.event('app_mention', (args) => appMention(ctx, args));
  // The App Home's code loads on its first opening, never on the cold start.
  app.event('app_home_opened', async (args) => (await loadSubscriptionUi()).appHomeOpened(ctx, args));
}
