/**
 * A PNG into Slack the current way (files.upload is gone): `files.getUploadURLExternal` → POST the bytes to the
 * URL it gives → `files.completeUploadExternal` without a channel (the file stays private to the bot, which
 * then shows it in its own messages, as Metabase does since its PR 54276) → poll that same call with a bounded
 * backoff until Slack has processed the file (`filetype` set), since an image block naming a file still being
 * processed is rejected. Needs only the `files:write` scope. Thin I/O: every failure is a `ChartUploadError`.
 */
import { ErrorCode, type WebClient } from '@slack/web-api';
import { slackErrorCode } from './failures.ts';

export type ChartUploadFailure = 'missing_scope' | 'rate_limited' | 'upload_failed' | 'not_ready' | 'slack_error';

export class ChartUploadError extends Error {
  override readonly name = 'ChartUploadError';
  readonly reason: ChartUploadFailure;
  /** Slack's error code or the upload URL's HTTP status, when there was one. */
  readonly detail: string | undefined;
  /** For `rate_limited`: Slack's Retry-After, in seconds. */
  readonly retryAfterSeconds: number | undefined;
  constructor(reason: ChartUploadFailure, detail?: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(`chart upload failed: ${reason}${detail ? ` (${detail})` : ''}`, options);
    this.reason = reason;
    this.detail = detail;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export interface UploadOptions {
  /** Waits between polls while Slack processes the file (default `DEFAULT_POLL_DELAYS_MS`, ~10 s in all). */
  pollDelaysMs?: readonly number[];
  /** Timeout of the POST to the upload URL (default 10 s). */
  uploadTimeoutMs?: number;
  /** For the POST to the upload URL (default global fetch). */
  fetch?: typeof fetch;
  /** Waits (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

/** Metabase polls every 500 ms for up to 20 s and says processing "typically takes 1-2 seconds". */
export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [250, 500, 750, 1000, 1500, 2000, 2000, 2000];

export interface ChartFile {
  filename: string;
  png: Uint8Array;
  /** Our title for the file. */
  title: string;
  /** A short description for screen readers (Slack's `alt_txt`, at most 1000 characters). */
  altText: string;
}

interface CompleteAnswer {
  files?: Array<{ id?: string; filetype?: string }>;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function slackFailure(error: unknown): ChartUploadError {
  // A client built with `rejectRateLimitedCalls` throws at once on 429 instead of pausing every call it makes.
  const limited = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (limited?.code === ErrorCode.RateLimitedError) {
    const retryAfterSeconds = typeof limited.retryAfter === 'number' ? limited.retryAfter : 60;
    return new ChartUploadError('rate_limited', `retry after ${retryAfterSeconds} s`, { cause: error, retryAfterSeconds });
  }
  const code = slackErrorCode(error);
  if (code === 'missing_scope') return new ChartUploadError('missing_scope', code, { cause: error });
  return new ChartUploadError('slack_error', code ?? (error instanceof Error ? error.name : 'error'), { cause: error });
}

/** Uploads `file` privately and resolves with its id once Slack has processed it. */
export async function uploadChartFile(slack: WebClient, file: ChartFile, options: UploadOptions = {}): Promise<string> {
  const sleep = options.sleep ?? sleepMs;
  let target: { upload_url?: string; file_id?: string };
  try {
    // Slack's docs name the argument `alt_txt` (the SDK's types say `alt_text`): send what the API documents.
    target = (await slack.apiCall('files.getUploadURLExternal', {
      filename: file.filename,
      length: file.png.byteLength,
      alt_txt: file.altText.slice(0, 1000),
    })) as typeof target;
  } catch (error) {
    throw slackFailure(error);
  }
  if (!target.upload_url || !target.file_id) throw new ChartUploadError('slack_error', 'no upload_url');

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(target.upload_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Blob([file.png as Uint8Array<ArrayBuffer>]),
      signal: AbortSignal.timeout(options.uploadTimeoutMs ?? 10_000),
    });
  } catch (error) {
    // Never log the URL: it accepts bytes for this file until the upload completes.
    throw new ChartUploadError('upload_failed', error instanceof Error ? error.name : 'error', { cause: error });
  }
  await response.body?.cancel();
  if (response.status !== 200) throw new ChartUploadError('upload_failed', `HTTP ${response.status}`);

  const complete = async (): Promise<boolean> => {
    let answer: CompleteAnswer;
    try {
      answer = (await slack.files.completeUploadExternal({ files: [{ id: target.file_id!, title: file.title }] })) as CompleteAnswer;
    } catch (error) {
      throw slackFailure(error);
    }
    return Boolean(answer.files?.[0]?.filetype);
  };
  if (await complete()) return target.file_id;
  for (const delay of options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS) {
    await sleep(delay);
    if (await complete()) return target.file_id;
  }
  throw new ChartUploadError('not_ready');
}
