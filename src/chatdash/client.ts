/**
 * HTTP client of ChatDash's analytics endpoint (`POST /projects/{projectId}/analytics/query`).
 *
 * One call = up to `maxAttempts` attempts, each bounded by an AbortSignal timeout, with exponential backoff and full
 * jitter between them on network errors, timeouts, 429 (honouring `Retry-After`) and 5xx. A caller's `deadline`
 * bounds the whole call: no attempt runs past it and no wait would cross it (the last error is thrown instead).
 * Failures are `ChatDashError`s whose messages never contain the API key; what an answer means is `interpretAnswer`'s
 * (interpret.ts, pure).
 */
import type { TimeRange } from '../periods/period.ts';
import { backoffDelayMs } from './backoff.ts';
import { ChatDashError, scrubForMessage } from './errors.ts';
import { interpretAnswer } from './interpret.ts';
import type { MetricName, ParsedAnalytics } from './schema.ts';

export const DEFAULT_CHATDASH_API_URL = 'https://api.chat-dash.com/v1/public';

export interface ChatDashClientOptions {
  /** Agency API key, sent raw in `Authorization` (no `Bearer`). Surrounding whitespace is ignored. */
  apiKey: string;
  /** Defaults to `DEFAULT_CHATDASH_API_URL`; a sandbox's `url` in tests and demos. */
  baseUrl?: string;
  /** Per attempt, default 8000. */
  attemptTimeoutMs?: number;
  /** Attempts in all (first try included), default 4. */
  maxAttempts?: number;
  /** Backoff base, default 250: the n-th wait is uniform in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))]. */
  baseDelayMs?: number;
  /**
   * Longest wait between attempts, default 10000. A `Retry-After` longer than this is not waited for: the
   * rate_limited error is thrown at once and its `retryAfterMs` says when to come back.
   */
  maxDelayMs?: number;
  fetch?: typeof fetch;
  /** Uniform in [0, 1), for the jitter; default Math.random. */
  random?: () => number;
  /**
   * Waits `ms` between attempts; default a timer that the caller's `signal` cuts short (rejecting with the
   * "cancelled" error). Tests pass one that records the waits asked for and resolves at once.
   */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Structured events (retries, failures, successes). Never receives the API key. */
  log?: (event: string, fields: Record<string, unknown>) => void;
}

export interface QueryAnalyticsOptions {
  /** Epoch ms after which no attempt runs and no wait ends. */
  deadline?: number;
  /** Cancels the call (reported as a non-retryable `timeout` error). */
  signal?: AbortSignal;
}

export interface ChatDashClient {
  queryAnalytics(
    projectId: string,
    range: TimeRange,
    metrics: readonly MetricName[],
    options?: QueryAnalyticsOptions,
  ): Promise<ParsedAnalytics>;
}

const DEFAULTS = { attemptTimeoutMs: 8000, maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 } as const;

/** Characters a header value can carry (visible ASCII, space, tab, Latin-1). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]+$/;

export function createChatDashClient(options: ChatDashClientOptions): ChatDashClient {
  const rawKey = options.apiKey;
  const apiKey = rawKey.trim();
  const baseUrl = (options.baseUrl ?? DEFAULT_CHATDASH_API_URL).replace(/\/+$/, '');
  const attemptTimeoutMs = positive(options.attemptTimeoutMs, DEFAULTS.attemptTimeoutMs);
  const maxAttempts = Math.max(1, Math.floor(positive(options.maxAttempts, DEFAULTS.maxAttempts)));
  const baseDelayMs = nonNegative(options.baseDelayMs, DEFAULTS.baseDelayMs);
  const maxDelayMs = nonNegative(options.maxDelayMs, DEFAULTS.maxDelayMs);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const random = options.random ?? Math.random;

  /** Every text that may reach a message goes through this: both the raw and the trimmed key are removed. */
  const secrets = [rawKey, apiKey];
  const clean = (text: string, max?: number): string => scrubForMessage(text, secrets, max);
  const origin = safeOrigin(baseUrl);

  const log = (event: string, fields: Record<string, unknown>): void => {
    if (!options.log) return;
    try {
      options.log(event, fields);
    } catch {
      // A broken logger must not break the query.
    }
  };

  const cancelled = (): ChatDashError =>
    new ChatDashError('timeout', 'The ChatDash request was cancelled before it finished', { retryable: false });

  async function attempt(
    url: string,
    init: { headers: Record<string, string>; body: string },
    projectId: string,
    requested: readonly MetricName[],
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<{ status: number; parsed: ParsedAnalytics }> {
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timer.signal, callerSignal]) : timer.signal;
    const failed = (e: unknown): ChatDashError => {
      if (callerSignal?.aborted) return cancelled();
      if (timer.signal.aborted) {
        return new ChatDashError(
          'timeout',
          `ChatDash did not answer within ${timeoutMs} ms: it may be slow right now, try again in a few minutes`,
        );
      }
      return networkError(e);
    };
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, { method: 'POST', headers: init.headers, body: init.body, signal });
      } catch (e) {
        throw failed(e);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (e) {
        throw failed(e);
      }
      const outcome = interpretAnswer(
        { status: response.status, headers: response.headers, body: text },
        { projectId, requested, now: Date.now(), secrets },
      );
      if (!outcome.ok) throw outcome.error;
      return { status: response.status, parsed: outcome.analytics };
    } finally {
      clearTimeout(handle);
    }
  }

  function networkError(e: unknown): ChatDashError {
    const cause = (e as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const detailSource = typeof cause?.message === 'string' ? cause.message : e instanceof Error ? e.message : String(e);
    const detail = clean(detailSource, 160);
    const parts = [code, detail && detail !== code ? detail : undefined].filter(Boolean).join(': ');
    return new ChatDashError(
      'unavailable',
      `Could not reach ChatDash at ${origin}${parts ? ` (${parts})` : ''}: check the network and the API URL, then try again`,
    );
  }

  function timerSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(handle);
        reject(cancelled());
      };
      const handle = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  const sleep = options.sleep ?? timerSleep;

  return {
    async queryAnalytics(projectId, range, metrics, queryOptions = {}) {
      const { deadline, signal } = queryOptions;
      if (apiKey === '' || !HEADER_VALUE.test(apiKey)) {
        throw new ChatDashError(
          'unauthorized',
          'The ChatDash API key is empty or has characters that cannot be sent (a stray line break?): check the agency API key',
          { retryable: false },
        );
      }
      if (projectId.trim() === '') {
        throw new ChatDashError('bad_request', 'No ChatDash project id was given: set the project id', {
          retryable: false,
        });
      }
      if (Number.isNaN(Date.parse(range.start)) || Number.isNaN(Date.parse(range.end))) {
        throw new ChatDashError(
          'bad_request',
          `The reporting period is not a pair of ISO 8601 instants ("${clean(range.start, 40)}" – "${clean(range.end, 40)}")`,
          { retryable: false },
        );
      }
      const requested = [...new Set(metrics)];
      if (requested.length === 0) return { data: {}, unavailable: [] };

      const url = `${baseUrl}/projects/${encodeURIComponent(projectId)}/analytics/query`;
      const init = {
        headers: { Authorization: apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query: [{ metrics: requested, filter: { startTime: range.start, endTime: range.end } }] }),
      };
      const started = Date.now();
      let lastError: ChatDashError | undefined;
      for (let attemptNo = 1; ; attemptNo += 1) {
        if (signal?.aborted) throw cancelled();
        const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
        if (left <= 0) {
          const err =
            lastError ??
            new ChatDashError('timeout', 'No time was left to ask ChatDash before the deadline: try again', {
              retryable: false,
            });
          log('chatdash.failed', { projectId, attempts: attemptNo - 1, kind: err.kind, status: err.status, reason: 'deadline' });
          throw err;
        }
        const timeoutMs = Math.max(1, Math.min(attemptTimeoutMs, left));
        try {
          const { status, parsed } = await attempt(url, init, projectId, requested, timeoutMs, signal);
          log('chatdash.ok', {
            projectId,
            attempts: attemptNo,
            status,
            durationMs: Date.now() - started,
            unavailable: parsed.unavailable,
          });
          return parsed;
        } catch (e) {
          const err = e instanceof ChatDashError ? e : networkError(e);
          lastError = err;
          const giveUp = (reason: string): never => {
            log('chatdash.failed', { projectId, attempts: attemptNo, kind: err.kind, status: err.status, reason });
            throw err;
          };
          if (!err.retryable) giveUp('not retryable');
          if (attemptNo >= maxAttempts) giveUp('attempts exhausted');
          if (err.retryAfterMs !== undefined && err.retryAfterMs > maxDelayMs) giveUp('retry-after too long');
          const delayMs = err.retryAfterMs ?? backoffDelayMs(attemptNo, { baseDelayMs, maxDelayMs, random });
          if (deadline !== undefined && Date.now() + delayMs >= deadline) giveUp('deadline');
          log('chatdash.retry', { projectId, attempt: attemptNo, status: err.status, kind: err.kind, delayMs });
          await sleep(delayMs, signal);
        }
      }
    },
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Scheme, host and port only: no user info, path or query. */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured API URL';
  }
}
