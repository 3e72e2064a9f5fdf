/**
 * Events API events. One module per event, `events/<event-name>.ts`, exporting a named callback `(ctx, args)`;
 * one line here registers it, e.g. App Home:
 * `app.event('app_home_opened', (args) => appHomeOpened(ctx, args));` (and the event in manifest.yml).
 */
import type { BoltApp, ListenerContext } from '../context.ts';
import { appMention } from './app-mention.ts';

export function registerEvents(app: BoltApp, ctx: ListenerContext): void {
  app.event('app_mention', (args) => appMention(ctx, args));
}
