/**
 * `/chatdash subscribe [project]` in a channel: opens the subscribe modal (`views.open`) on the ack path, since Slack's
 * trigger_id expires 3 seconds after the command. Nothing is stored here: the modal's submission is
 * (`views/subscription-form.ts`). The modal offers only the projects this channel may see (the dispatcher checked),
 * with the named one chosen, and the person's Slack time zone (users.info, given a short time: past it the
 * configuration's default, which they can change in the form).
 */
import { findProject } from '../../../../config/access.ts';
import { ALL_PROJECTS } from '../../../../config/all-projects.ts';
import { errorFields } from '../../../../log.ts';
import { SERVICE_MESSAGES } from '../../../../subscriptions/messages.ts';
import { notice } from '../../../messages.ts';
import { defaultFormValues } from '../../../subscriptions/form.ts';

import { UI_MESSAGES } from '../../../subscriptions/messages.ts';
import { subscriptionForm } from '../../../subscriptions/modal.ts';
import { encodeFormMetadata } from '../../../subscriptions/values.ts';
import { ACK_PATH_MS, withinMs } from '../../../time-limit.ts';
import { userTimeZone } from '../../../user-time-zone.ts';
import { notUnderstood } from './command-text.ts';
import { projectNotHere } from './stats.ts';
import type { Subcommand } from './subcommand.ts';

/** The `run` of `/chatdash subscribe` (see `subscription-commands.ts`). */
export const runSubscribe: Subcommand['run'] = async (ctx, request) => {
  if (request.requester.isDirectMessage) return notice(SERVICE_MESSAGES.dmSubscribe);
  if (!ctx.store) return notice(UI_MESSAGES.noStore);
  const [word, ...rest] = request.words;
  if (rest.length > 0 || request.unreadWords > 0) {
    return request.help(
      `I didn\u2019t understand ${notUnderstood(rest, request.unreadWords)}: \`/chatdash subscribe\` takes one project at most, e.g. \`/chatdash subscribe ${request.projects[0]?.key ?? 'acme'}\`.`,
    );
  }
  const visible = request.projects;
  const all = word?.toLowerCase() === ALL_PROJECTS;
  const named = word === undefined || all ? undefined : findProject(ctx.config, word, visible);
  if (word !== undefined && !all && !named) return projectNotHere(word, visible);

  const timeZone = await userTimeZone(request.client, request.requester.userId, ctx.config.defaults.timeZone, ctx.log);
  const view = subscriptionForm({
    mode: 'create',
    channel: request.requester.channelId,
    projects: visible,
    values: defaultFormValues({
      timeZone,
      project: named?.key ?? visible[0]?.key,
      coverage: all && visible.length > 1 ? 'all' : 'one',
    }),
    metadata: encodeFormMetadata({ v: 1, team: request.requester.teamId, channel: request.requester.channelId, from: 'command' }),
    defaultLocale: ctx.config.defaults.locale,
  });
  try {
    await withinMs(request.client.views.open({ trigger_id: request.triggerId, view }), ACK_PATH_MS.view, 'views.open');
  } catch (error) {
    ctx.log('warn', 'subscribe.modal_failed', errorFields(error));
    return notice(UI_MESSAGES.modalFailed);
  }
  ctx.log('info', 'subscribe.modal_opened', { channel: request.requester.channelId, user: request.requester.userId });
  return undefined;
};
