/** Delivering the answer to a click (a drill-down or an overview button) where the bot may not be able to post. */
import type { WorkerDeps } from './deps.ts';
import { describeChannelError, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';

export interface ClickReplyTarget {
  channelId: string;
  /** The click's response_url: it works even where the bot may not post. */
  responseUrl?: string | undefined;
  /** Log event for an undeliverable reply (`drilldown.undeliverable`). */
  event: string;
}

/**
 * Runs `say`; when the channel can't take the message (bot not in it, archived, gone), tells the clicker why (if
 * the click left a response_url) instead of failing the job: no retry would change it. Other errors are rethrown.
 */
export async function deliverClickReply(
  deps: Pick<WorkerDeps, 'log'>,
  target: ClickReplyTarget,
  say: () => Promise<void>,
  tellAsker: (text: string) => Promise<void>,
): Promise<'delivered' | 'undeliverable'> {
  try {
    await say();
    return 'delivered';
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && UNDELIVERABLE_CHANNEL_ERRORS.has(code)) {
      deps.log('warn', target.event, { channel: target.channelId, error: code });
      if (target.responseUrl) await tellAsker(describeChannelError(code, target.channelId));
      return 'undeliverable';
    }
    throw error;
  }
}
