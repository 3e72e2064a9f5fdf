import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type ChatDashClientOptions, createChatDashClient, DEFAULT_CHATDASH_API_URL } from '../../src/chatdash/client.ts';
import { type ChatDashError, isChatDashError } from '../../src/chatdash/errors.ts';
import type { MetricName } from '../../src/chatdash/schema.ts';
import type { TimeRange } from '../../src/periods/period.ts';
import { useSandbox } from '../support/sandbox.ts';

const WEEK: TimeRange = { start: '2026-11-09T23:00:00.000Z', end: '2026-11-16T23:00:00.000Z' };
const SECRET = 'sk_live_S3cr3tAgencyKey_1234567890';

const sandbox = useSandbox();

interface LogEntry {
  event: string;
  fields: Record<string, unknown>;
}

function client(overrides: Partial<ChatDashClientOptions> = {}, logs: LogEntry[] = []) {
  return createChatDashClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    baseDelayMs: 5,
    maxDelayMs: 50,
    random: () => 0.5,
    log: (event, fields) => logs.push({ event, fields }),
    ...overrides,
  });
}

/** A `sleep` that records the waits the client asks for and resolves at once (no test waits on a clock). */
function recordingSleep(): { sleep: NonNullable<ChatDashClientOptions['sleep']>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Run `fn`, expect a ChatDashError, return it. */
async function failure(fn: () => Promise<unknown>): Promise<{ error: ChatDashError }> {
  try {
    await fn();
  } catch (e) {
    expect(isChatDashError(e)).toBe(true);
    return { error: e as ChatDashError };
  }
  throw new Error('expected a ChatDashError, the call succeeded');
}

describe('queryAnalytics against the sandbox', () => {
  it('exports the production base URL', () => {
    expect(DEFAULT_CHATDASH_API_URL).toBe('https://api.chat-dash.com/v1/public');
  });

  it('returns validated analytics whose totals add up, and only the metrics requested', async () => {
    const metrics: MetricName[] = ['conversations', 'totalCost', 'understoodMessages', 'conversationByCountry', 'topTopics'];
    const result = await client().queryAnalytics('proj_demo_text', WEEK, metrics);
    expect(result.unavailable).toEqual([]);
    expect(Object.keys(result.data).sort()).toEqual(
      ['conversations', 'conversationsByCountry', 'topTopics', 'totalCost', 'understoodMessages'].sort(),
    );
    const { conversations, totalCost, understoodMessages, conversationsByCountry } = result.data;
    expect(conversations?.counts).toHaveLength(7);
    expect(conversations?.total).toBe(conversations?.counts.reduce((a, b) => a + b, 0));
    expect(conversations?.total).toBeGreaterThan(0);
    expect(totalCost?.currency).toBe('EUR');
    expect(totalCost?.total).toBeCloseTo(totalCost?.counts.reduce((a, b) => a + b, 0) ?? -1, 6);
    expect((understoodMessages?.understood ?? 0) + (understoodMessages?.missed ?? 0)).toBe(understoodMessages?.total);
    expect(conversationsByCountry?.reduce((a, c) => a + c.value, 0)).toBe(conversations?.total);
  });

  it('sends the documented request: raw key, JSON body with only the given metrics and the range', async () => {
    let seen: { auth?: string; type?: string; path?: string; body?: unknown } = {};
    const fetchSpy: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      seen = {
        auth: headers.get('authorization') ?? undefined,
        type: headers.get('content-type') ?? undefined,
        path: new URL(String(input)).pathname,
        body: JSON.parse(String(init?.body)),
      };
      return fetch(input, init);
    };
    await client({ fetch: fetchSpy }).queryAnalytics('proj_demo_voice', WEEK, ['conversations', 'endedReason']);
    expect(seen.auth).toBe(sandbox.apiKey);
    expect(seen.type).toBe('application/json');
    expect(seen.path).toBe('/v1/public/projects/proj_demo_voice/analytics/query');
    expect(seen.body).toEqual({
      query: [{ metrics: ['conversations', 'endedReason'], filter: { startTime: WEEK.start, endTime: WEEK.end } }],
    });
    expect(sandbox.requests.at(-1)).toMatchObject({ projectId: 'proj_demo_voice', authorized: true });
  });

  it('URL-encodes the project id', async () => {
    const { error } = await failure(() => client().queryAnalytics('a/b?c', WEEK, ['conversations']));
    expect(error.kind).toBe('project_not_found');
    expect(sandbox.requests.at(-1)?.projectId).toBe('a/b?c');
  });

  it('makes no request when no metric is asked for', async () => {
    const result = await client().queryAnalytics('proj_demo_text', WEEK, []);
    expect(result).toEqual({ data: {}, unavailable: [] });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('401 → unauthorized, not retried, with an actionable message that never shows the key', async () => {
    const logs: LogEntry[] = [];
    const { error } = await failure(() => client({ apiKey: SECRET }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations']));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('ChatDash rejected the API key (HTTP 401): check the agency API key');
    expect(sandbox.requests).toHaveLength(1);
    expect(sandbox.requests[0]?.authorized).toBe(false);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });

  it('404 → project_not_found naming the project', async () => {
    const { error } = await failure(() => client().queryAnalytics('proj_nope', WEEK, ['conversations']));
    expect(error.kind).toBe('project_not_found');
    expect(error.status).toBe(404);
    expect(error.message).toContain('proj_nope');
    expect(sandbox.requests).toHaveLength(1);
  });

  it('429 with Retry-After: waits that long, then succeeds', async () => {
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 1, times: 1 });
    const logs: LogEntry[] = [];
    const { sleep, waits } = recordingSleep();
    // maxDelayMs must allow the 1 s Retry-After (a longer one would be thrown at once, see the HTTP-date test).
    const result = await client({ maxDelayMs: 2000, sleep }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations']);
    expect(result.data.conversations?.total).toBeGreaterThan(0);
    // One wait of exactly the Retry-After between the two attempts (not the 5 ms backoff).
    expect(waits).toEqual([1000]);
    expect(sandbox.requests).toHaveLength(2);
    expect(logs.filter((l) => l.event === 'chatdash.retry')).toEqual([
      { event: 'chatdash.retry', fields: expect.objectContaining({ attempt: 1, status: 429, delayMs: 1000 }) },
    ]);
  });

  it('429 whose Retry-After would cross the deadline → rate_limited at once, without sleeping', async () => {
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 5 });
    const logs: LogEntry[] = [];
    const { sleep, waits } = recordingSleep();
    const { error } = await failure(() =>
      client({ maxDelayMs: 60_000, sleep }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations'], {
        deadline: Date.now() + 1500,
      }),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(5000);
    expect(error.message).toContain('try again in 5 s');
    // It gave up on the deadline instead of waiting: no wait asked for, no retry.
    expect(waits).toEqual([]);
    expect(logs.map((l) => l.event)).toEqual(['chatdash.failed']);
    expect(logs[0]?.fields).toMatchObject({ attempts: 1, kind: 'rate_limited', reason: 'deadline' });
    expect(sandbox.requests).toHaveLength(1);
  });

  it('429 with an HTTP-date Retry-After is understood', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(429, { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() });
      res.end();
    });
    try {
      const { error } = await failure(() => client({ baseUrl: server.url }).queryAnalytics('p', WEEK, ['conversations']));
      expect(error.kind).toBe('rate_limited');
      expect(error.retryAfterMs).toBeGreaterThan(25_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
      // Longer than maxDelayMs (50 ms here): not waited for.
      expect(server.hits()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('500 then success', async () => {
    sandbox.setFault({ type: 'server_error', times: 1 });
    const result = await client().queryAnalytics('proj_demo_text', WEEK, ['conversations']);
    expect(result.data.conversations?.counts).toHaveLength(7);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('5xx every time → unavailable after maxAttempts', async () => {
    sandbox.setFault({ type: 'server_error', status: 503 });
    const logs: LogEntry[] = [];
    const { error } = await failure(() => client({ maxAttempts: 3 }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations']));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/unavailable \(HTTP 503\): try again/);
    expect(sandbox.requests).toHaveLength(3);
    expect(logs.filter((l) => l.event === 'chatdash.retry').map((l) => l.fields.attempt)).toEqual([1, 2]);
  });

  it('backoff grows exponentially with full jitter and is capped', async () => {
    sandbox.setFault({ type: 'server_error' });
    const logs: LogEntry[] = [];
    await failure(() =>
      client({ maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40, random: () => 0.999 }, logs).queryAnalytics('proj_demo_text', WEEK, [
        'conversations',
      ]),
    );
    const delays = logs.filter((l) => l.event === 'chatdash.retry').map((l) => l.fields.delayMs);
    expect(delays).toEqual([9, 19, 39, 39]);
  });

  it('slow server → timeout per attempt', async () => {
    // Had the 100 ms attempt timeout not fired, the slow answer would have come back with data, not a timeout.
    sandbox.setFault({ type: 'slow', delayMs: 2000 });
    const logs: LogEntry[] = [];
    const { sleep, waits } = recordingSleep();
    const { error } = await failure(() =>
      client({ attemptTimeoutMs: 100, maxAttempts: 2, sleep }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations']),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('within 100 ms');
    // Each attempt timed out on its own and the first was retried after the backoff.
    expect(sandbox.requests).toHaveLength(2);
    expect(waits).toEqual([2]); // ⌊0.5 × 5 ms⌋: the backoff, not a timer the test waits on
    expect(logs.filter((l) => l.event === 'chatdash.retry').map((l) => l.fields.kind)).toEqual(['timeout']);
    expect(logs.at(-1)).toMatchObject({ event: 'chatdash.failed', fields: { attempts: 2, reason: 'attempts exhausted' } });
  });

  it('the deadline bounds the attempt timeout and the whole call', async () => {
    sandbox.setFault({ type: 'slow', delayMs: 3000 });
    const logs: LogEntry[] = [];
    const { error } = await failure(() =>
      client({ attemptTimeoutMs: 8000 }, logs).queryAnalytics('proj_demo_text', WEEK, ['conversations'], {
        deadline: Date.now() + 300,
      }),
    );
    expect(error.kind).toBe('timeout');
    // The attempt's timeout was cut to what was left before the deadline, not the 8 s per attempt.
    const timeoutMs = Number(/within (\d+) ms/.exec(error.message)?.[1]);
    expect(timeoutMs).toBeGreaterThan(0);
    expect(timeoutMs).toBeLessThanOrEqual(300);
    // And no retry after it: the deadline ended the call.
    expect(sandbox.requests).toHaveLength(1);
    expect(logs.map((l) => l.event)).toEqual(['chatdash.failed']);
    expect(logs[0]?.fields).toMatchObject({ reason: 'deadline' });
  });

  it('a deadline already past → timeout without any request', async () => {
    const { error } = await failure(() => client().queryAnalytics('proj_demo_text', WEEK, ['conversations'], { deadline: Date.now() - 1 }));
    expect(error.kind).toBe('timeout');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a caller abort cancels the call and is not retried', async () => {
    sandbox.setFault({ type: 'slow', delayMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error } = await failure(() =>
      client().queryAnalytics('proj_demo_text', WEEK, ['conversations'], { signal: controller.signal }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(false);
    // Cancelled mid-request (the slow answer would have come back with data), and not retried.
    expect(error.message).toContain('cancelled');
    expect(sandbox.requests).toHaveLength(1);
  });

  it('malformed JSON → malformed', async () => {
    sandbox.setFault({ type: 'malformed_json' });
    const { error } = await failure(() => client().queryAnalytics('proj_demo_text', WEEK, ['conversations']));
    expect(error.kind).toBe('malformed');
    expect(error.retryable).toBe(false);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('a JSON body that is not an object → malformed', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('[1,2,3]');
    });
    try {
      const { error } = await failure(() => client({ baseUrl: server.url }).queryAnalytics('p', WEEK, ['conversations']));
      expect(error.kind).toBe('malformed');
      expect(error.message).toContain('JSON array');
    } finally {
      await server.close();
    }
  });

  it('a missing field → that metric unavailable, the rest intact', async () => {
    sandbox.setFault({ type: 'missing_fields', fields: ['totalCost'] }, 'proj_demo_text');
    const result = await client().queryAnalytics('proj_demo_text', WEEK, ['conversations', 'totalCost', 'topTopics']);
    expect(result.unavailable).toEqual(['totalCost']);
    expect(result.data.totalCost).toBeUndefined();
    expect(result.data.conversations?.counts).toHaveLength(7);
    expect(result.data.topTopics?.length).toBeGreaterThan(0);
  });

  it('a wrong-shaped field → that metric unavailable, the rest intact (request name of countries too)', async () => {
    sandbox.setFault({ type: 'wrong_shape', fields: ['conversationByCountry', 'averageInteractions'] });
    const result = await client().queryAnalytics('proj_demo_text', WEEK, [
      'conversations',
      'conversationByCountry',
      'averageInteractions',
      'understoodMessages',
    ]);
    expect(result.unavailable.sort()).toEqual(['averageInteractions', 'conversationByCountry']);
    expect(result.data.conversations?.total).toBeGreaterThan(0);
    expect(result.data.understoodMessages?.total).toBeGreaterThan(0);
  });

  it('connection refused on a closed port → unavailable after retries', async () => {
    const server = await rawServer((_req, res) => res.end());
    const url = server.url;
    await server.close();
    const { error } = await failure(() =>
      client({ baseUrl: url, maxAttempts: 2 }).queryAnalytics('proj_demo_text', WEEK, ['conversations']),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Could not reach ChatDash at http://127.0.0.1:');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('other 4xx → bad_request, not retried, quoting the server', async () => {
    const { error } = await failure(() =>
      client().queryAnalytics('proj_demo_text', { start: WEEK.end, end: WEEK.start }, ['conversations']),
    );
    expect(error.kind).toBe('bad_request');
    expect(error.status).toBe(400);
    expect(error.message).toContain('endTime must be after startTime');
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('the API key never leaks', () => {
  it('not when the server echoes it in 400, 401, 404 and 500 bodies', async () => {
    let status = 400;
    const server = await rawServer((req, res) => {
      const key = String(req.headers.authorization);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `Bad key ${key} for ${req.url}`, error: { message: key } }));
    });
    try {
      for (const s of [400, 401, 403, 404, 422, 500]) {
        status = s;
        const logs: LogEntry[] = [];
        const { error } = await failure(() =>
          client({ apiKey: SECRET, baseUrl: server.url, maxAttempts: 2 }, logs).queryAnalytics('p', WEEK, ['conversations']),
        );
        expect(error.status).toBe(s);
        expect(error.message).not.toContain(SECRET);
        expect(String(error.stack)).not.toContain(SECRET);
        expect(JSON.stringify(error)).not.toContain(SECRET);
        expect(JSON.stringify(logs)).not.toContain(SECRET);
      }
      status = 400;
      const { error } = await failure(() => client({ apiKey: SECRET, baseUrl: server.url }).queryAnalytics('p', WEEK, ['conversations']));
      // The server's words are kept (they help), the key is cut out of them.
      expect(error.message).toContain('Bad key [redacted]');
    } finally {
      await server.close();
    }
  });

  it('not when a network error carries it (e.g. in a URL)', async () => {
    const leakyFetch: typeof fetch = async () => {
      throw new TypeError(`Failed to parse URL from https://${SECRET}@example.invalid/${encodeURIComponent(SECRET)}`, {
        cause: new Error(`connect ECONNREFUSED key=${SECRET}`),
      });
    };
    const { error } = await failure(() =>
      client({ apiKey: ` ${SECRET}\n`, fetch: leakyFetch, maxAttempts: 2 }).queryAnalytics('p', WEEK, ['conversations']),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('an unusable key (line break inside) is refused before sending, without showing it', async () => {
    const badKey = `${SECRET}\nX-Injected: yes`;
    const { error } = await failure(() => client({ apiKey: badKey }).queryAnalytics('proj_demo_text', WEEK, ['conversations']));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain(SECRET);
    expect(sandbox.requests).toHaveLength(0);
  });
});

/** A throwaway HTTP server on 127.0.0.1 for answers the sandbox cannot give. */
async function rawServer(
  handler: Parameters<typeof createServer>[1] & {},
): Promise<{ url: string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/public`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
