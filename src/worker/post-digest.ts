/** Posting a scheduled message (one project's digest or the agency overview) to its subscription's channel. */
import type { SubscriptionConfig } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { alertAdmins } from './alerts.ts';
import type { WorkerDeps } from './deps.ts';
import { describeChannelError, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';

/**
 * `posted`, or `undeliverable` (the admins are told: bot not in the channel, channel archived or gone).
 * Anything else throws, for the queue to retry.
 */
export async function postDigest(deps: WorkerDeps, subscription: SubscriptionConfig, message: SlackMessage): Promise<string> {
  try {
    const posted = await deps.slack.chat.postMessage({
      channel: subscription.channel,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
    deps.log('info', 'digest.posted', { subscription: subscription.name, channel: subscription.channel, ts: posted.ts });
    return 'posted';
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && UNDELIVERABLE_CHANNEL_ERRORS.has(code)) {
      await alertAdmins(
        deps,
        'digest.undeliverable',
        `Digest *${escapeMrkdwn(subscription.name)}* was not posted: ${describeChannelError(code, subscription.channel)}`,
        { subscription: subscription.name, channel: subscription.channel, error: code },
      );
      return 'undeliverable';
    }
    throw error;
  }
}
