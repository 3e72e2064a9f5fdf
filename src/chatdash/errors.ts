/**
 * Typed errors of the ChatDash client. Every message is meant for a person (what happened, what to do) and
 * never carries the API key: text that may come from elsewhere (server bodies, network errors) goes through
 * `redactSecret` before it reaches a message.
 */

export type ChatDashErrorKind =
  | 'unauthorized'
  | 'project_not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'malformed'
  | 'bad_request';

export interface ChatDashErrorDetails {
  retryable?: boolean;
  status?: number;
  retryAfterMs?: number;
}

/** Kinds worth another attempt unless the details say otherwise. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ChatDashErrorKind> = new Set(['rate_limited', 'unavailable', 'timeout']);

export class ChatDashError extends Error {
  readonly kind: ChatDashErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(kind: ChatDashErrorKind, message: string, details: ChatDashErrorDetails = {}) {
    super(message);
    this.name = 'ChatDashError';
    this.kind = kind;
    this.retryable = details.retryable ?? RETRYABLE_BY_DEFAULT.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export function isChatDashError(e: unknown): e is ChatDashError {
  return e instanceof ChatDashError;
}

/** Shortest secret worth redacting: below this every common word would be mangled. */
const MIN_REDACTABLE_LENGTH = 4;

/** Replace every occurrence of the secret (raw or URL-encoded) with `[redacted]`. */
export function redactSecret(text: string, secret: string): string {
  if (secret.length < MIN_REDACTABLE_LENGTH) return text;
  let out = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[redacted]');
  return out;
}

/** Untrusted text (a server's error message) made fit for an error message: one line, bounded, no secret. */
export function sanitizeForMessage(text: string, secret: string, maxLength = 200): string {
  // Redact before cutting, so a truncated key can never slip through; then drop control characters.
  const redacted = redactSecret(text, secret)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters from untrusted text are exactly what this removes
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}

/** Untrusted text made fit for a message with none of the `secrets` in it: each is redacted before the text is cut. */
export function scrubForMessage(text: string, secrets: readonly string[], maxLength = 200): string {
  const redacted = secrets.reduce((out, secret) => redactSecret(out, secret), text);
  return sanitizeForMessage(redacted, '', maxLength);
}
