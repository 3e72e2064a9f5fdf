/** Posting a scheduled message (one project's digest or the agency overview) to its subscription's channel. */
import type { SubscriptionConfig } from '../config/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { alertAdmins } from './alerts.ts';
import { type ChartedMessage, sendWithImageFallback } from './charts.ts';
import type { WorkerDeps } from './deps.ts';
import { describeChannelError, slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';

/**
 * `posted`, or `undeliverable` (the admins are told: bot not in the channel, channel archived or gone).
 * A message whose chart images Slack refuses goes again without them. Anything else throws, for the queue to retry.
 */
export async function postDigest(deps: WorkerDeps, subscription: SubscriptionConfig, message: ChartedMessage): Promise<string> {
  try {
    const context = { job: 'digest', subscription: subscription.name };
    const posted = await sendWithImageFallback(deps, context, message, (m) =>
      deps.slack.chat.postMessage({ channel: subscription.channel, ...m, unfurl_links: false, unfurl_media: false }),
    );
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
