/**
 * `/chatdash connect <project>` and `/chatdash disconnect [project]`: admins bind a channel to a project, or remove a
 * binding made from Slack, without a redeploy (bindings in the configuration file stay: said so). Both skip the
 * dispatcher's access check (a channel being connected isn't bound yet) and refuse, in this order, another
 * workspace, anyone who isn't an admin (the same words whatever project was named: nothing leaks), and DMs. The
 * change is the flows module's (loaded on first use), which announces it in the channel.
 */
import { ACCESS_MESSAGES } from '../../../../config/access.ts';
import { errorFields } from '../../../../log.ts';
import { SERVICE_MESSAGES } from '../../../../subscriptions/messages.ts';
import { POLICY_MESSAGES } from '../../../../subscriptions/policy.ts';
import { type EphemeralMessage, notice } from '../../../messages.ts';
import { connectChannel, disconnectChannel } from '../../../subscriptions/flows.ts';
import { UI_MESSAGES } from '../../../subscriptions/messages.ts';
import { notUnderstood } from './command-text.ts';
import type { Subcommand, SubcommandRequest } from './subcommand.ts';

function refusal(ctx: Parameters<Subcommand['run']>[0], request: SubcommandRequest): EphemeralMessage | undefined {
  if (!ctx.config.workspaces.includes(request.requester.teamId)) return notice(ACCESS_MESSAGES.workspace);
  if (!ctx.config.admins.includes(request.requester.userId)) return notice(POLICY_MESSAGES.admins_only);
  if (request.requester.isDirectMessage) return notice(SERVICE_MESSAGES.dmConnect);
  if (!ctx.store) return notice(UI_MESSAGES.noStore);
  return undefined;
}

/** Refusals first, then one project word at most (`required`: exactly one), then the change; a store outage is apologised for. */
function bindingCommand(
  name: 'connect' | 'disconnect',
  change: (ctx: Parameters<Subcommand['run']>[0], request: SubcommandRequest, word: string | undefined) => Promise<EphemeralMessage>,
): Subcommand['run'] {
  return async (ctx, request) => {
    const refused = refusal(ctx, request);
    if (refused) return refused;
    const [word, ...rest] = request.words;
    if (word === undefined && name === 'connect')
      return notice('Which project? `/chatdash connect <project>`, e.g. `/chatdash connect acme`.');
    if (rest.length > 0 || request.unreadWords > 0) {
      return notice(`I didn\u2019t understand ${notUnderstood(rest, request.unreadWords)}: \`/chatdash ${name}\` takes one project.`);
    }
    try {
      return await change(ctx, request, word);
    } catch (error) {
      ctx.log('error', `binding.${name}_failed`, errorFields(error));
      return notice(UI_MESSAGES.storeDown);
    }
  };
}

/** The `run` of `/chatdash connect` (see `subscription-commands.ts`). */
export const runConnect = bindingCommand('connect', (ctx, request, word) =>
  connectChannel(ctx, request.client, request.requester, word ?? ''),
);

/** The `run` of `/chatdash disconnect` (see `subscription-commands.ts`). */
export const runDisconnect = bindingCommand('disconnect', (ctx, request, word) =>
  disconnectChannel(ctx, request.client, request.requester, word),
);
