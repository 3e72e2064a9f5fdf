/**
 * Instants as the subscription UI shows them: "Mon, Nov 30, 09:00" in the subscription's own time zone (its schedule
 * is read there), and a last delivery in words ("posted Mon, Nov 23, 09:00", "failed …: I was removed from the
 * channel"). Pure.
 */
import type { Delivery } from '../../store/store.ts';

/** "Mon, Nov 30, 09:00" in `timeZone` (UTC if the zone is unknown). */
export function formatInstant(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone }).format(at);
  } catch {
    return `${new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(at)} UTC`;
  }
}

/** Why a delivery failed, in words, for the reason codes the worker and the dead-letter function record. */
const FAILURE_WORDS: Record<string, string> = {
  not_in_channel: 'I\u2019m not in the channel',
  is_archived: 'the channel is archived',
  channel_not_found: 'the channel is gone',
  restricted_action: 'Slack didn\u2019t let me post there',
  channel_unbound: 'the channel is no longer connected to its project',
  chatdash: 'ChatDash didn\u2019t answer',
  unresolved: 'its settings no longer work',
  retries_exhausted: 'it failed every try',
};

/** The last delivery in words (safe mrkdwn): ":white_check_mark: posted Mon, Nov 23, 09:00 (Send now)". */
export function describeDelivery(delivery: Delivery, timeZone: string): string {
  const when = formatInstant(delivery.at, timeZone);
  const how = delivery.trigger === 'send_now' ? ' (Send now)' : '';
  if (delivery.result === 'posted') return `:white_check_mark: posted ${when}${how}`;
  const reason = delivery.reason ? (FAILURE_WORDS[delivery.reason] ?? delivery.reason) : 'unknown reason';
  return `:x: failed ${when}${how}: ${reason}`;
}
