/** `/chatdash help` (also `/chatdash ?` and a bare `/chatdash`): the usage text, from configuration alone. */
import type { Subcommand } from './subcommand.ts';

export const help: Subcommand = {
  name: 'help',
  aliases: ['?'],
  usage: '`/chatdash help`: this message',
  skipAccessCheck: true,
  run: async (_ctx, request) => request.help(),
};
