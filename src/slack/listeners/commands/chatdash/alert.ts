/**
 * `/chatdash alert [project]` in a channel: opens the alert modal (`views.open`) on the ack path, since Slack's
 * trigger_id expires 3 seconds after the command. Nothing is stored here: the modal's submission is
 * (`views/alert-form.ts`). The modal offers only the projects this channel may see (the dispatcher checked), with the
 * named one chosen, and the person's Slack time zone.
 */
import { findProject } from '../../../../config/access.ts';
import { openAlertModal } from '../../../alerts/flows.ts';
import { notUnderstood } from './command-text.ts';
import { projectNotHere } from './stats.ts';
import type { Subcommand } from './subcommand.ts';

/** The `run` of `/chatdash alert` (see `alert-commands.ts`). */
export const runAlert: Subcommand['run'] = async (ctx, request) => {
  const [word, ...rest] = request.words;
  if (rest.length > 0 || request.unreadWords > 0) {
    return request.help(
      `I didn\u2019t understand ${notUnderstood(rest, request.unreadWords)}: \`/chatdash alert\` takes one project at most, e.g. \`/chatdash alert ${request.projects[0]?.key ?? 'acme'}\`.`,
    );
  }
  if (word !== undefined && !request.requester.isDirectMessage && !findProject(ctx.config, word, request.projects)) {
    return projectNotHere(word, request.projects);
  }
  return openAlertModal(ctx, {
    requester: request.requester,
    projects: request.projects,
    word,
    triggerId: request.triggerId,
    client: request.client,
  });
};
