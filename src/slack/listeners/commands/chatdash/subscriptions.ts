/**
 * `/chatdash subscriptions`: this channel's subscriptions (from the configuration and made from Slack), answered in
 * the ack: schedule in words, next run, owner, last delivery, and the buttons this person may use. The store is read
 * by the flows module, loaded on first use (never on a `/chatdash stats` ack).
 */
import { errorFields } from '../../../../log.ts';
import { notice } from '../../../messages.ts';
import { channelList } from '../../../subscriptions/flows.ts';
import { UI_MESSAGES } from '../../../subscriptions/messages.ts';
import { notUnderstood } from './command-text.ts';
import type { Subcommand } from './subcommand.ts';

/** The `run` of `/chatdash subscriptions` (see `subscription-commands.ts`). */
export const runSubscriptions: Subcommand['run'] = async (ctx, request) => {
  if (request.words.length > 0 || request.unreadWords > 0) {
    return request.help(
      `I didn\u2019t understand ${notUnderstood(request.words, request.unreadWords)}: \`/chatdash subscriptions\` takes no words.`,
    );
  }
  if (!ctx.store) return notice(UI_MESSAGES.noStore);
  try {
    return await channelList(ctx, ctx.store, request.requester);
  } catch (error) {
    ctx.log('error', 'subscription.list_failed', errorFields(error));
    return notice(UI_MESSAGES.storeDown);
  }
};
