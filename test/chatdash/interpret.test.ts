/**
 * interpretAnswer as a table: (status, headers, body) → the analytics, or the ChatDashError's kind, retryability,
 * status, Retry-After and message. Pure: no server, a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { type ChatDashAnswer, type InterpretContext, interpretAnswer } from '../../src/chatdash/interpret.ts';

const NOW = Date.parse('2026-11-25T10:00:00.000Z');
const KEY = 'sk_live_S3cr3tAgencyKey_1234567890';
const CONTEXT: InterpretContext = {
  projectId: 'proj_demo_text',
  requested: ['conversations', 'topTopics'],
  now: NOW,
  secrets: [` ${KEY}\n`, KEY],
};

function answer(status: number, body: string, headers: Record<string, string> = {}): ChatDashAnswer {
  return { status, body, headers: new Headers(headers) };
}

describe('interpretAnswer: answers that carry analytics', () => {
  it.each([
    ['both metrics', 200, '{"conversations":{"counts":[1,2],"total":3},"topTopics":[]}', ['conversations', 'topTopics'], []],
    [
      'one metric missing → unavailable, the rest kept',
      200,
      '{"conversations":{"counts":[1],"total":1}}',
      ['conversations'],
      ['topTopics'],
    ],
    ['a malformed metric → unavailable', 200, '{"conversations":"lots","topTopics":[]}', ['topTopics'], ['conversations']],
    ['an empty object → every metric unavailable', 203, '{}', [], ['conversations', 'topTopics']],
    ['JSON it does not know → every metric unavailable', 200, '{"v2":{"series":[]}}', [], ['conversations', 'topTopics']],
  ] as const)('%s', (_name, status, body, present, unavailable) => {
    const outcome = interpretAnswer(answer(status, body), CONTEXT);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.analytics.data).sort()).toEqual([...present].sort());
    expect(outcome.analytics.unavailable).toEqual(unavailable);
  });
});

interface FailureCase {
  name: string;
  status: number;
  body: string;
  headers?: Record<string, string>;
  kind: string;
  retryable: boolean;
  retryAfterMs?: number;
  message: RegExp;
}

const FAILURES: FailureCase[] = [
  {
    name: '200 with text that is not JSON',
    status: 200,
    body: '<html>oops',
    kind: 'malformed',
    retryable: false,
    message: /not JSON \(HTTP 200\)/,
  },
  {
    name: '200 with a JSON array',
    status: 200,
    body: '[1,2]',
    kind: 'malformed',
    retryable: false,
    message: /a JSON array instead of an analytics object/,
  },
  { name: '200 with JSON null', status: 200, body: 'null', kind: 'malformed', retryable: false, message: /with null instead/ },
  { name: '200 with a JSON string', status: 200, body: '"ok"', kind: 'malformed', retryable: false, message: /a JSON string instead/ },
  {
    name: '401',
    status: 401,
    body: '{"message":"bad key"}',
    kind: 'unauthorized',
    retryable: false,
    message: /rejected the API key \(HTTP 401\)/,
  },
  { name: '403', status: 403, body: '', kind: 'unauthorized', retryable: false, message: /HTTP 403/ },
  {
    name: '404 names the project',
    status: 404,
    body: '',
    kind: 'project_not_found',
    retryable: false,
    message: /no project "proj_demo_text"/,
  },
  {
    name: '429 with Retry-After in seconds',
    status: 429,
    body: '',
    headers: { 'Retry-After': '7' },
    kind: 'rate_limited',
    retryable: true,
    retryAfterMs: 7000,
    message: /try again in 7 s$/,
  },
  {
    name: '429 with Retry-After as an HTTP date',
    status: 429,
    body: '',
    headers: { 'Retry-After': new Date(NOW + 30_000).toUTCString() },
    kind: 'rate_limited',
    retryable: true,
    retryAfterMs: 30_000,
    message: /try again in 30 s$/,
  },
  { name: '429 without Retry-After', status: 429, body: '', kind: 'rate_limited', retryable: true, message: /try again in a minute$/ },
  {
    name: '429 with a Retry-After it cannot read',
    status: 429,
    body: '',
    headers: { 'Retry-After': 'soon' },
    kind: 'rate_limited',
    retryable: true,
    message: /in a minute$/,
  },
  { name: '408', status: 408, body: '', kind: 'timeout', retryable: true, message: /timed out answering \(HTTP 408\)/ },
  {
    name: '503 quotes the server\u2019s message',
    status: 503,
    body: '{"error":{"message":"maintenance"}}',
    kind: 'unavailable',
    retryable: true,
    message: /unavailable \(HTTP 503\).*ChatDash said: "maintenance"/,
  },
  {
    name: '500 with an HTML page quotes nothing',
    status: 500,
    body: '<h1>Bad gateway</h1>',
    kind: 'unavailable',
    retryable: true,
    message: /few minutes\.$/,
  },
  {
    name: '400 quotes a plain-text body',
    status: 400,
    body: 'startTime must be before endTime',
    kind: 'bad_request',
    retryable: false,
    message: /refused the analytics query \(HTTP 400\).*"startTime must be before endTime"/,
  },
  {
    name: '422 quotes `error`',
    status: 422,
    body: '{"error":"bad metric"}',
    kind: 'bad_request',
    retryable: false,
    message: /"bad metric"/,
  },
  {
    name: 'a 3xx is unexpected, not retried',
    status: 302,
    body: '',
    kind: 'unavailable',
    retryable: false,
    message: /unexpected HTTP 302/,
  },
];

describe('interpretAnswer: answers that fail', () => {
  it.each(FAILURES)('$name → $kind', (c) => {
    const outcome = interpretAnswer(answer(c.status, c.body, c.headers), CONTEXT);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ name: 'ChatDashError', kind: c.kind, retryable: c.retryable, status: c.status });
    expect(outcome.error.retryAfterMs).toBe(c.retryAfterMs);
    expect(outcome.error.message).toMatch(c.message);
  });

  it('never puts the API key (as configured or trimmed) in a message, however the server quotes it', () => {
    for (const body of [`{"message":"key ${KEY} is invalid"}`, `bad key ${encodeURIComponent(KEY)}`, `{"error":" ${KEY}\\n"}`]) {
      for (const status of [400, 500]) {
        const outcome = interpretAnswer(answer(status, body), CONTEXT);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error.message).not.toContain(KEY);
          expect(outcome.error.message).toContain('[redacted]');
        }
      }
    }
  });

  it('keeps a quoted server message to one bounded line', () => {
    const outcome = interpretAnswer(answer(500, `line one\nline two ${'x'.repeat(1000)}`), CONTEXT);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.message).not.toContain('\n');
    expect(outcome.error.message.length).toBeLessThan(300);
  });
});
