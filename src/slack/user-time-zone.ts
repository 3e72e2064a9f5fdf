/**
 * A person's Slack time zone (users.info), the default of what they set up (a subscription, an alert): given a short
 * time on the ack path, past it (or on any failure) the fallback, which the form lets them change.
 */
import type { WebClient } from '@slack/web-api';
import { errorFields, type Log } from '../log.ts';
import { ACK_PATH_MS, withinMs } from './time-limit.ts';

export async function userTimeZone(client: WebClient, userId: string, fallback: string, log: Log): Promise<string> {
  try {
    const info = await withinMs(client.users.info({ user: userId }), ACK_PATH_MS.userTimeZone, 'users.info');
    const tz = (info.user as { tz?: unknown } | undefined)?.tz;
    return typeof tz === 'string' && tz.length > 0 && tz.length <= 64 ? tz : fallback;
  } catch (error) {
    log('warn', 'slack.users_info_failed', errorFields(error));
    return fallback;
  }
}
