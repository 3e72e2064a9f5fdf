/**
 * ChatDash's HTTP answer (status, headers, body) → the analytics, or the typed `ChatDashError` that says what went
 * wrong and whether another attempt may help. Pure: no I/O, the clock passed in (for HTTP-date `Retry-After`), and
 * the secrets passed in are removed from every message.
 */
import { parseRetryAfterMs } from './backoff.ts';
import { ChatDashError, scrubForMessage } from './errors.ts';
import { type MetricName, type ParsedAnalytics, parseAnalytics } from './schema.ts';

export interface ChatDashAnswer {
  status: number;
  /** Only `retry-after` is read. */
  headers: { get(name: string): string | null };
  /** The body as text (it may not be JSON). */
  body: string;
}

export interface InterpretContext {
  /** The project asked about (named in a 404's message). */
  projectId: string;
  /** The metrics asked for: the ones missing from the answer are `unavailable`. */
  requested: readonly MetricName[];
  /** Epoch ms, for a `Retry-After` given as an HTTP date. */
  now: number;
  /** Texts that must never reach a message (the API key, as configured and trimmed). */
  secrets: readonly string[];
}

export type Interpretation = { ok: true; analytics: ParsedAnalytics } | { ok: false; error: ChatDashError };

export function interpretAnswer(answer: ChatDashAnswer, context: InterpretContext): Interpretation {
  const { status } = answer;
  const clean = (text: string, max?: number): string => scrubForMessage(text, context.secrets, max);
  const fail = (error: ChatDashError): Interpretation => ({ ok: false, error });

  if (status >= 200 && status < 300) {
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return fail(
        new ChatDashError(
          'malformed',
          `ChatDash answered with something that is not JSON (HTTP ${status}): try again later; if it persists, the API may have changed`,
          { status },
        ),
      );
    }
    const analytics = parseAnalytics(body, context.requested);
    if (!analytics) {
      return fail(
        new ChatDashError(
          'malformed',
          `ChatDash answered with ${describeJson(body)} instead of an analytics object (HTTP ${status}): the API may have changed`,
          { status },
        ),
      );
    }
    return { ok: true, analytics };
  }
  const serverSays = serverMessage(answer.body);
  const suffix = serverSays ? ` ChatDash said: "${clean(serverSays)}"` : '';
  if (status === 401 || status === 403) {
    return fail(new ChatDashError('unauthorized', `ChatDash rejected the API key (HTTP ${status}): check the agency API key`, { status }));
  }
  if (status === 404) {
    return fail(
      new ChatDashError(
        'project_not_found',
        `ChatDash has no project "${clean(context.projectId, 100)}" for this API key (HTTP 404): check the project id`,
        { status },
      ),
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(answer.headers.get('retry-after'), context.now);
    const when = retryAfterMs === undefined ? 'in a minute' : `in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
    return fail(
      new ChatDashError(
        'rate_limited',
        `ChatDash is rate-limiting requests (HTTP 429): try again ${when}`,
        retryAfterMs === undefined ? { status } : { status, retryAfterMs },
      ),
    );
  }
  if (status === 408) {
    return fail(new ChatDashError('timeout', `ChatDash timed out answering (HTTP 408): try again in a few minutes`, { status }));
  }
  if (status >= 500) {
    return fail(
      new ChatDashError('unavailable', `ChatDash is unavailable (HTTP ${status}): try again in a few minutes.${suffix}`, { status }),
    );
  }
  if (status >= 400) {
    return fail(
      new ChatDashError('bad_request', `ChatDash refused the analytics query (HTTP ${status}): check the period and metrics.${suffix}`, {
        status,
      }),
    );
  }
  return fail(new ChatDashError('unavailable', `ChatDash answered with an unexpected HTTP ${status}`, { status, retryable: false }));
}

/** The human part of an error body: `message`, `error.message` or `error` when JSON, short plain text otherwise. */
function serverMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    const body = JSON.parse(trimmed) as unknown;
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      if (typeof record.message === 'string') return record.message;
      const error = record.error;
      if (typeof error === 'string') return error;
      if (typeof error === 'object' && error !== null && typeof (error as Record<string, unknown>).message === 'string') {
        return (error as Record<string, unknown>).message as string;
      }
    }
    return undefined;
  } catch {
    return trimmed.startsWith('<') ? undefined : trimmed;
  }
}

function describeJson(body: unknown): string {
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'a JSON array';
  return `a JSON ${typeof body}`;
}
