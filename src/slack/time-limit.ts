/**
 * A bounded wait for Slack Web API calls made on the ack path (opening a modal, reading a time zone, an
 * announcement): Slack wants its answer within 3 seconds whatever its own API does, and Bolt's client would retry a
 * failing call for minutes. Past the limit the call is abandoned (its promise is left to settle, unobserved) and
 * the caller goes on with what it has.
 */

/** Budgets on the ack path, in ms; together they leave room for a cold start inside Slack's 3 s. */
export const ACK_PATH_MS = {
  /** users.info for the person's time zone, before the modal opens (else the configuration's default). */
  userTimeZone: 700,
  /** views.open / views.update / views.publish. */
  view: 1800,
  /** A channel announcement, a list message replaced through its response_url, a DM. */
  message: 1500,
} as const;

export class TimeLimitError extends Error {
  override readonly name = 'TimeLimitError';
}

/** `promise`'s outcome, or a `TimeLimitError` after `ms`. */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeLimitError(`${what} took more than ${ms} ms`)), ms);
  });
  // Abandoned calls must not surface as unhandled rejections.
  promise.catch(() => undefined);
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
