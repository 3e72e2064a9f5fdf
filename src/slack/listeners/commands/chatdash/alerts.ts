/**
 * `/chatdash alerts`: this channel's alerts, answered in the ack: what each watches, its state (OK, firing since …,
 * muted until …, paused), owner, and the buttons this person may use. The store is read by the alerts flows, loaded
 * on first use (never on a `/chatdash stats` ack).
 */
import { errorFields } from '../../../../log.ts';
import { alertChannelList } from '../../../alerts/flows.ts';
import { ALERT_UI_MESSAGES } from '../../../alerts/messages.ts';
import { notice } from '../../../messages.ts';
import { notUnderstood } from './command-text.ts';
import type { Subcommand } from './subcommand.ts';

/** The `run` of `/chatdash alerts` (see `alert-commands.ts`). */
export const runAlerts: Subcommand['run'] = async (ctx, request) => {
  if (request.words.length > 0 || request.unreadWords > 0) {
    return request.help(
      `I didn\u2019t understand ${notUnderstood(request.words, request.unreadWords)}: \`/chatdash alerts\` takes no words.`,
    );
  }
  if (!ctx.alerts) return notice(ALERT_UI_MESSAGES.noStore);
  try {
    return await alertChannelList(ctx, ctx.alerts, request.requester);
  } catch (error) {
    ctx.log('error', 'alert.list_failed', errorFields(error));
    return notice(ALERT_UI_MESSAGES.storeDown);
  }
};
