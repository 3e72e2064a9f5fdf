/**
 * What a failure means for the person waiting. A `UserFacingError` ends the job with a message to them (no retry
 * would help); anything else is transient: the queue retries it and, when retries are exhausted, the dead-letter
 * function reports it.
 */
import { type ChatDashError, isChatDashError } from '../chatdash/errors.ts';

export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  /** Safe mrkdwn for the person who asked. */
  readonly userMessage: string;
  /** For digests: worth retrying through the queue (ChatDash down) rather than reporting at once. */
  readonly transient: boolean;
  constructor(userMessage: string, options: { transient?: boolean; cause?: unknown } = {}) {
    super(userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.userMessage = userMessage;
    this.transient = options.transient ?? false;
  }
}

/** A ChatDash error as a sentence for Slack. `projectName` must already be escaped mrkdwn. */
export function chatDashFailure(error: ChatDashError, projectName: string): UserFacingError {
  const messages: Record<ChatDashError['kind'], string> = {
    unauthorized: `:lock: ChatDash didn\u2019t accept the bot\u2019s API key, so I can\u2019t fetch stats for *${projectName}*. An admin needs to update the ChatDash API key.`,
    project_not_found: `:mag: ChatDash doesn\u2019t know the project configured for *${projectName}*. An admin should check its project id in the bot\u2019s configuration.`,
    rate_limited: `:traffic_light: ChatDash is busy (rate limited) and didn\u2019t answer for *${projectName}*. Please try again in a minute.`,
    unavailable: `:warning: ChatDash isn\u2019t answering right now, so I couldn\u2019t get stats for *${projectName}*. Please try again in a few minutes.`,
    timeout: `:hourglass: ChatDash took too long to answer for *${projectName}*. Please try again in a few minutes.`,
    malformed: `:warning: ChatDash sent an answer I couldn\u2019t read for *${projectName}*. Please try again later; if it keeps happening, tell your admin.`,
    bad_request: `:warning: ChatDash refused the request for *${projectName}*. This looks like a bug on our side; please tell your admin.`,
  };
  return new UserFacingError(messages[error.kind], { transient: error.retryable, cause: error });
}

export function asUserFacing(error: unknown, projectName: string): UserFacingError | undefined {
  if (error instanceof UserFacingError) return error;
  if (isChatDashError(error)) return chatDashFailure(error, projectName);
  return undefined;
}

/** Slack Web API errors that mean "this channel can't take the message", which no retry will change. */
export const UNDELIVERABLE_CHANNEL_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'cannot_reply_to_message',
]);

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function describeChannelError(code: string, channelId: string): string {
  switch (code) {
    case 'not_in_channel':
      return `I\u2019m not a member of <#${channelId}>. Invite me with \`/invite @ChatDash\` and I\u2019ll post there.`;
    case 'channel_not_found':
      return `I can\u2019t find channel ${channelId}: it may have been deleted, or it\u2019s private and I\u2019m not in it.`;
    case 'is_archived':
      return `<#${channelId}> is archived, so I can\u2019t post there.`;
    default:
      return `Slack refused my message to <#${channelId}> (${code}).`;
  }
}
