/** Telling the admins about delivery problems the people who asked can’t fix: one place for the log line and the admin-channel post. */
import { textMessage } from '../digest/blocks.ts';
import { errorFields, type LogLevel } from '../log.ts';
import type { WorkerDeps } from './deps.ts';

/**
 * Tells the admins about a delivery problem: always an error-level log line (kept in CloudWatch Logs, and counted by the
 * function's error-log alarm unless it carries another alarm's marker: `coveredBy` in src/log.ts), and a message in
 * the admin channel when one is configured. `text` must be safe mrkdwn.
 */
export async function alertAdmins(deps: WorkerDeps, event: string, text: string, fields: Record<string, unknown> = {}): Promise<void> {
  await tellAdmins(deps, 'error', event, `:rotating_light: ${text}`, fields);
}

/** A log line at `level`, and `text` (safe mrkdwn) in the admin channel when one is configured. */
export async function tellAdmins(
  deps: WorkerDeps,
  level: LogLevel,
  event: string,
  text: string,
  fields: Record<string, unknown> = {},
): Promise<void> {
  deps.log(level, event, fields);
  const channel = deps.config.adminChannel;
  if (!channel) return;
  try {
    await deps.slack.chat.postMessage({ channel, ...textMessage(text), unfurl_links: false, unfurl_media: false });
  } catch (error) {
    deps.log('error', 'alert.post_failed', { channel, ...errorFields(error) });
  }
}
