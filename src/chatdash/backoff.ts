/** Pure retry arithmetic: exponential backoff with full jitter, and the `Retry-After` header. */

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Uniform in [0, 1). */
  random: () => number;
}

/**
 * Delay before retry number `attempt` (1 = the wait after the first failure): a uniform pick in
 * [0, min(maxDelayMs, baseDelayMs · 2^(attempt-1))] ("full jitter").
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.max(0, Math.floor(r * ceiling));
}

/**
 * `Retry-After` in milliseconds: either delta-seconds (`"120"`, tolerated `"1.5"`) or an HTTP-date. Undefined when
 * absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
