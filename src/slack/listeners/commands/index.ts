/**
 * Slash commands. One module per command, `commands/<name>.ts`, exporting its command constraint and a named
 * callback `(ctx, args)`; one line here registers it. `/chatdash`'s subcommands live in `commands/chatdash/`.
 */
import type { BoltApp, ListenerContext } from '../context.ts';
import { CHATDASH_COMMAND, chatdashCommand } from './chatdash.ts';

export function registerCommands(app: BoltApp, ctx: ListenerContext): void {
  app.command(CHATDASH_COMMAND, (args) => chatdashCommand(ctx, args));
}
