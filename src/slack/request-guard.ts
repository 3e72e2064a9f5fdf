/**
 * What the HTTP function refuses before Bolt reads a request (Bolt parses the whole body before it checks the
 * signature, and checks only that the timestamp is not too old): bodies over a size bound (413) and timestamps more
 * than five minutes off, in either direction (401), as Slack's request-verification guidance says. Pure.
 */
import type { AwsEvent } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';

/**
 * 1 MiB. Slack's largest payloads are view_submission (the view, up to 250 KB, echoed back with the values typed
 * into it) and events carrying a 40,000-character message with its blocks; form encoding can double or triple
 * them (each quote, brace and non-ASCII byte becomes `%XX`). Our command, button and mention payloads are a few KB.
 * A quarter of Lambda's 6 MB request limit, and no echo of it can approach the 6 MB response limit.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Slack: reject a request whose timestamp is more than five minutes from the local clock. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type RequestRejection =
  | { statusCode: 413; event: 'http.body_too_large'; fields: { bytes: number; limit: number } }
  | { statusCode: 401; event: 'slack.timestamp_out_of_window'; fields: { skewSeconds: number } };

/** The body's size in bytes, without decoding it (API Gateway base64-encodes form bodies). */
export function bodyBytes(event: Pick<AwsEvent, 'body' | 'isBase64Encoded'>): number {
  if (typeof event.body !== 'string') return 0;
  return Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

function header(headers: AwsEvent['headers'] | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Why a request must be refused before Bolt sees it, or undefined. A missing or unreadable timestamp is left to
 * Bolt, which refuses it with the signature (401).
 */
export function rejectBeforeBolt(
  event: Pick<AwsEvent, 'body' | 'isBase64Encoded' | 'headers'>,
  nowMs: number,
  maxBodyBytes: number = MAX_BODY_BYTES,
): RequestRejection | undefined {
  const bytes = bodyBytes(event);
  if (bytes > maxBodyBytes) return { statusCode: 413, event: 'http.body_too_large', fields: { bytes, limit: maxBodyBytes } };
  const timestamp = Number(header(event.headers, 'x-slack-request-timestamp'));
  if (!Number.isFinite(timestamp) || timestamp <= 0) return undefined;
  const skewSeconds = Math.floor(nowMs / 1000) - timestamp;
  if (Math.abs(skewSeconds) > MAX_CLOCK_SKEW_SECONDS)
    return { statusCode: 401, event: 'slack.timestamp_out_of_window', fields: { skewSeconds } };
  return undefined;
}
