/**
 * `/chatdash <sub> …` → the subcommand module that answers it: the first word picks it from the registry (by name or
 * alias), the access rules are applied, and the rest of the words are its business. A bare `/chatdash` is help; an
 * unknown word gets the usage with a "did you mean". Only the first words of the text are read (`command-text.ts`):
 * this bound holds for every subcommand and every receiver (HTTP and Socket Mode alike).
 */
import type { WebClient } from '@slack/web-api';
import { checkAccess } from '../../../../config/access.ts';
import type { ProjectConfig } from '../../../../config/schema.ts';
import { suggest } from '../../../../config/suggest.ts';
import { type EphemeralMessage, notice, quoteUserWord } from '../../../messages.ts';
import { requesterOf } from '../../../requester.ts';
import type { ListenerContext } from '../../context.ts';
import { readCommandWords } from './command-text.ts';
import { findSubcommand, SUBCOMMANDS } from './registry.ts';
import type { Subcommand } from './subcommand.ts';
import { helpMessage } from './usage.ts';

/** The fields of Slack's slash-command payload the dispatcher reads. */
export interface CommandPayload {
  text: string;
  team_id: string;
  channel_id: string;
  channel_name?: string;
  user_id: string;
  response_url: string;
  trigger_id: string;
}

/** The ack's answer to one `/chatdash` invocation (undefined: an empty ack). */
export async function dispatchChatdash(
  ctx: ListenerContext,
  command: CommandPayload,
  client: WebClient,
  registry: readonly Subcommand[] = SUBCOMMANDS,
): Promise<EphemeralMessage | undefined> {
  const requester = requesterOf(command.team_id, command.channel_id, command.user_id, command.channel_name);
  if (!requester) return notice('Sorry, Slack sent this command without a team, channel or user, so I can\u2019t answer it.');

  const help = (lead?: string): EphemeralMessage => helpMessage(registry, lead);
  // Read at most a few words of the text, however much was sent; the rest is only counted.
  const { words: read, unread } = readCommandWords(command.text ?? '');
  const [first, ...words] = read;
  if (first === undefined) return help();
  const subcommand = findSubcommand(registry, first);
  if (!subcommand) {
    const guess = suggest(
      first.toLowerCase(),
      registry.map((s) => s.name),
    );
    const didYouMean = guess ? ` Did you mean \`/chatdash ${guess}\`?` : '';
    return help(`I don\u2019t know the command ${quoteUserWord(first)}.${didYouMean}`);
  }

  let projects: readonly ProjectConfig[] = [];
  if (!subcommand.skipAccessCheck) {
    const access = checkAccess(ctx.config, requester);
    if (!access.ok) return notice(access.message);
    projects = access.projects;
  }
  return subcommand.run(ctx, {
    words,
    unreadWords: unread,
    requester,
    projects,
    triggerId: command.trigger_id,
    responseUrl: command.response_url,
    client,
    help,
  });
}
