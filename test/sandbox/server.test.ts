// biome-ignore-all lint/suspicious/noExplicitAny: the sandbox's raw JSON answers are read loosely on purpose, as a client would see them
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type MetricName, parseAnalytics } from '../../src/chatdash/schema.ts';
import { DEMO_PROJECTS, SANDBOX_API_KEY, type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { useSandbox } from '../support/sandbox.ts';

const DAY = 86_400_000;
const START = '2026-11-09T23:00:00.000Z';
const END = '2026-11-16T23:00:00.000Z';

const sandbox = useSandbox();

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function post(projectId: string, body: unknown, { key = SANDBOX_API_KEY as string | null, raw = false } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== null) headers.Authorization = key;
  const res = await fetch(`${sandbox.url}/projects/${encodeURIComponent(projectId)}/analytics/query`, {
    method: 'POST',
    headers,
    body: raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const query = (metrics: readonly string[], startTime = START, endTime = END) => ({
  query: [{ metrics, filter: { startTime, endTime } }],
});
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const isSortedDesc = (xs: readonly number[]) => xs.every((x, i) => i === 0 || (xs[i - 1] ?? 0) >= x);

describe('sandbox data', () => {
  it('starts on 127.0.0.1 with the documented key and base URL', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/public$/);
    expect(sandbox.apiKey).toBe('sandbox_key_not_secret');
    expect(DEMO_PROJECTS.map((p) => [p.id, p.name, p.currency])).toEqual(
      expect.arrayContaining([
        ['proj_demo_text', 'Acme Support Bot', 'EUR'],
        ['proj_demo_voice', 'Bella Pizza Phone Line', 'USD'],
      ]),
    );
    expect(DEMO_PROJECTS.some((p) => p.id === 'proj_demo_empty')).toBe(true);
  });

  it('is deterministic: the same query gives the same bytes, also from another sandbox', async () => {
    const body = query(METRIC_NAMES);
    const a = await post('proj_demo_text', body);
    const b = await post('proj_demo_text', body);
    const other = await startSandbox();
    try {
      const res = await fetch(`${other.url}/projects/proj_demo_text/analytics/query`, {
        method: 'POST',
        headers: { Authorization: other.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(await res.text()).toBe(a.text);
    } finally {
      await other.close();
    }
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
  });

  it('answers every metric in a shape the client schema accepts', async () => {
    for (const project of DEMO_PROJECTS) {
      const { json, status } = await post(project.id, query(METRIC_NAMES));
      expect(status).toBe(200);
      const parsed = parseAnalytics(json, METRIC_NAMES);
      expect(parsed?.unavailable).toEqual([]);
    }
  });

  it('returns only the requested metrics, under their response keys', async () => {
    const { json } = await post('proj_demo_text', query(['conversationByCountry', 'tokens']));
    expect(Object.keys(json).sort()).toEqual(['conversationsByCountry', 'tokens']);
  });

  it('has one bucket per 24 h from startTime, the partial last one included, and totals that add up', async () => {
    const cases: Array<[string, string, number]> = [
      [START, END, 7],
      ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 30],
      ['2026-11-10T00:00:00.000Z', '2026-11-10T06:00:00.000Z', 1],
      ['2026-11-10T00:00:00.000Z', '2026-11-12T12:00:00.000Z', 3],
    ];
    const series = ['conversations', 'uniqueIps', 'interactions', 'incomingTextMessages', 'totalCallDuration'] as const;
    for (const [start, end, buckets] of cases) {
      const { json } = await post('proj_demo_voice', query([...series, 'totalCost', 'averageCost'], start, end));
      for (const metric of series) {
        expect(json[metric].counts, `${metric} ${start}–${end}`).toHaveLength(buckets);
        expect(json[metric].total).toBe(sum(json[metric].counts));
      }
      expect(json.totalCost.counts).toHaveLength(buckets);
      expect(json.totalCost.total).toBeCloseTo(sum(json.totalCost.counts), 6);
      expect(json.averageCost.counts).toHaveLength(buckets);
      expect(json.averageCost.average).toBeCloseTo(json.totalCost.total / json.conversations.total, 3);
    }
  });

  it('a partial last bucket holds a share of a day, not a whole one', async () => {
    const whole = await post('proj_demo_text', query(['conversations'], '2026-11-10T00:00:00.000Z', '2026-11-11T00:00:00.000Z'));
    const quarter = await post('proj_demo_text', query(['conversations'], '2026-11-10T00:00:00.000Z', '2026-11-10T06:00:00.000Z'));
    expect(quarter.json.conversations.total).toBe(Math.round(whole.json.conversations.total / 4));
  });

  it('the previous period differs, and weekends differ from weekdays', async () => {
    const current = await post('proj_demo_text', query(['conversations']));
    const prevStart = new Date(Date.parse(START) - 7 * DAY).toISOString();
    const previous = await post('proj_demo_text', query(['conversations'], prevStart, START));
    expect(previous.json.conversations.counts).toHaveLength(7);
    expect(previous.json.conversations.total).not.toBe(current.json.conversations.total);
    expect(previous.json.conversations.counts).not.toEqual(current.json.conversations.counts);
    // The support bot is busier on weekdays: Tue 10 Nov vs Sat 14 Nov 2026 (UTC days).
    const day = async (iso: string) =>
      (await post('proj_demo_text', query(['conversations'], iso, new Date(Date.parse(iso) + DAY).toISOString()))).json.conversations
        .total as number;
    expect(await day('2026-11-10T00:00:00.000Z')).toBeGreaterThan((await day('2026-11-14T00:00:00.000Z')) * 1.3);
  });

  it('keeps derived metrics consistent with volume', async () => {
    const { json } = await post('proj_demo_text', query(METRIC_NAMES));
    const total = json.conversations.total as number;
    expect(json.understoodMessages.understood + json.understoodMessages.missed).toBe(json.understoodMessages.total);
    expect(json.understoodMessages.missed).toBeGreaterThan(0);
    expect(sum(json.conversationsByCountry.map((c: any) => c.value))).toBe(total);
    expect(json.uniqueIps.total).toBeLessThanOrEqual(total);
    expect(json.averageInteractions).toBe(Math.round(json.interactions.total / total));
    for (const [key, field] of [
      ['topTopics', 'count'],
      ['topMisunderstoodMessages', 'count'],
      ['topIntents', 'count'],
      ['tokens', 'count'],
      ['conversationsByCountry', 'value'],
    ] as const) {
      const counts = (json[key] as any[]).map((e) => e[field] as number);
      expect(counts.length, key).toBeGreaterThan(0);
      expect(isSortedDesc(counts), key).toBe(true);
    }
    // Lists scale with volume: a month has bigger topic counts than a day.
    const dayAnswer = await post('proj_demo_text', query(['topTopics'], '2026-11-10T00:00:00.000Z', '2026-11-11T00:00:00.000Z'));
    const monthAnswer = await post('proj_demo_text', query(['topTopics'], '2026-10-11T00:00:00.000Z', '2026-11-10T00:00:00.000Z'));
    expect(monthAnswer.json.topTopics[0].count).toBeGreaterThan(dayAnswer.json.topTopics[0].count * 10);
  });

  it('text bot: unicode and user-typed labels, tokens per model, no call time, no ended reasons', async () => {
    const { json } = await post(
      'proj_demo_text',
      query(['topTopics', 'topMisunderstoodMessages', 'tokens', 'totalCallDuration', 'totalCost', 'endedReason']),
    );
    const labels = [...json.topTopics, ...json.topMisunderstoodMessages].map((t: any) => t.label as string);
    expect(labels).toContain('Rückerstattung');
    expect(labels).toContain('配送状況');
    expect(labels.some((l) => /\p{Extended_Pictographic}/u.test(l))).toBe(true);
    expect(json.topMisunderstoodMessages.some((m: any) => /[&<]/.test(m.label))).toBe(true);
    expect(json.tokens.length).toBeGreaterThan(1);
    expect(json.totalCallDuration.total).toBe(0);
    expect(json.totalCost.currency).toBe('EUR');
    expect(json.endedReason).toEqual([]);
  });

  it('voice bot: call duration in seconds and ended reasons that add up to the calls', async () => {
    const { json } = await post('proj_demo_voice', query(['conversations', 'totalCallDuration', 'endedReason', 'totalCost']));
    const calls = json.conversations.total as number;
    const perCall = json.totalCallDuration.total / calls;
    expect(perCall).toBeGreaterThan(60);
    expect(perCall).toBeLessThan(600);
    const reasons = json.endedReason.map((r: any) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['customer-ended-call', 'assistant-ended-call', 'silence-timed-out']));
    expect(sum(json.endedReason.map((r: any) => r.count))).toBe(calls);
    expect(json.totalCost.currency).toBe('USD');
  });

  it('empty project: zero conversations, empty lists, zero average cost', async () => {
    const { json, status } = await post('proj_demo_empty', query(METRIC_NAMES));
    expect(status).toBe(200);
    expect(json.conversations).toEqual({ counts: [0, 0, 0, 0, 0, 0, 0], total: 0 });
    expect(json.topTopics).toEqual([]);
    expect(json.conversationsByCountry).toEqual([]);
    expect(json.averageCost.average).toBe(0);
    expect(json.understoodMessages).toEqual({ total: 0, understood: 0, missed: 0 });
    expect(json.averageInteractions).toBe(0);
  });
});

describe('sandbox errors', () => {
  it('401 without or with a wrong Authorization, recorded as unauthorized', async () => {
    const missing = await post('proj_demo_text', query(['conversations']), { key: null });
    const wrong = await post('proj_demo_text', query(['conversations']), { key: `Bearer ${SANDBOX_API_KEY}` });
    for (const answer of [missing, wrong]) {
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ statusCode: 401, message: expect.any(String) });
    }
    expect(sandbox.requests.map((r) => r.authorized)).toEqual([false, false]);
  });

  it('honours a custom key', async () => {
    const custom = await startSandbox({ apiKey: 'custom-key' });
    try {
      const ok = await fetch(`${custom.url}/projects/proj_demo_text/analytics/query`, {
        method: 'POST',
        headers: { Authorization: 'custom-key' },
        body: JSON.stringify(query(['conversations'])),
      });
      expect(ok.status).toBe(200);
      expect(custom.apiKey).toBe('custom-key');
    } finally {
      await custom.close();
    }
  });

  it('404 for an unknown project, naming it', async () => {
    const { status, json } = await post('proj_unknown', query(['conversations']));
    expect(status).toBe(404);
    expect(json.message).toContain('proj_unknown');
    expect(sandbox.requests).toEqual([{ projectId: 'proj_unknown', body: query(['conversations']), authorized: true }]);
  });

  it.each([
    ['query not an array', { query: { metrics: ['conversations'], filter: { startTime: START, endTime: END } } }, /Body must be/],
    ['an empty query', { query: [] }, /at least one/],
    ['an unknown metric', query(['conversations', 'vibes']), /unknown metric "vibes"/],
    ['an unparsable time', query(['conversations'], 'last tuesday', END), /startTime is not a date/],
    ['reversed times', query(['conversations'], END, START), /endTime must be after startTime/],
    ['a missing filter', { query: [{ metrics: ['conversations'] }] }, /Body must be/],
  ])('400 for %s', async (_what, body, message) => {
    const { status, json } = await post('proj_demo_text', body);
    expect(status).toBe(400);
    expect(json.message).toMatch(message);
  });

  it('400 for a body that is not JSON', async () => {
    const { status, json } = await post('proj_demo_text', '{"query": [', { raw: true });
    expect(status).toBe(400);
    expect(json.message).toMatch(/not valid JSON/);
    expect(sandbox.requests[0]?.body).toBe('{"query": [');
  });

  it('404 JSON for other routes', async () => {
    const res = await fetch(`${new URL(sandbox.url).origin}/v1/public/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404 });
  });
});

describe('sandbox faults', () => {
  it('rate_limit with times: 429 + Retry-After for N requests, then normal', async () => {
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 3, times: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const answer = await post('proj_demo_text', query(['conversations']));
      statuses.push(answer.status);
      retryAfter ??= answer.headers.get('retry-after');
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(retryAfter).toBe('3');
  });

  it('server_error with a status, for one project only', async () => {
    sandbox.setFault({ type: 'server_error', status: 503 }, 'proj_demo_voice');
    expect((await post('proj_demo_voice', query(['conversations']))).status).toBe(503);
    expect((await post('proj_demo_voice', query(['conversations']))).status).toBe(503);
    expect((await post('proj_demo_text', query(['conversations']))).status).toBe(200);
    sandbox.setFault(undefined, 'proj_demo_voice');
    expect((await post('proj_demo_voice', query(['conversations']))).status).toBe(200);
  });

  it('slow holds the answer back, for the project it is set for only', async () => {
    const other = await startSandbox();
    try {
      other.setFault({ type: 'slow', delayMs: 60_000 }, 'proj_demo_text');
      let settled = false;
      const slow = postTo(other, 'proj_demo_text').finally(() => {
        settled = true;
      });
      await untilRequested(other, 1);
      // Another project answers at once while the slow one is still held back: a delay, not an error.
      expect((await postTo(other, 'proj_demo_voice')).status).toBe(200);
      expect(settled).toBe(false);
      void slow.catch(() => undefined);
    } finally {
      await other.close();
    }
  });

  it('malformed_json answers 200 with a body that does not parse', async () => {
    sandbox.setFault({ type: 'malformed_json' });
    const { status, text, json } = await post('proj_demo_text', query(['conversations']));
    expect(status).toBe(200);
    expect(text.length).toBeGreaterThan(0);
    expect(json).toBeUndefined();
  });

  it('missing_fields drops the fields, wrong_shape breaks them, the rest stays valid', async () => {
    const metrics: MetricName[] = ['conversations', 'totalCost', 'topTopics', 'conversationByCountry'];
    sandbox.setFault({ type: 'missing_fields', fields: ['totalCost'] });
    const missing = await post('proj_demo_text', query(metrics));
    expect(missing.json).not.toHaveProperty('totalCost');
    expect(parseAnalytics(missing.json, metrics)?.unavailable).toEqual(['totalCost']);

    sandbox.setFault({ type: 'wrong_shape', fields: ['topTopics', 'conversationsByCountry'] });
    const wrong = await post('proj_demo_text', query(metrics));
    expect(wrong.json).toHaveProperty('topTopics');
    expect(Array.isArray(wrong.json.topTopics)).toBe(false);
    expect(parseAnalytics(wrong.json, metrics)?.unavailable.sort()).toEqual(['conversationByCountry', 'topTopics']);
  });

  it('faults can be set and cleared over HTTP, and bad fault bodies are refused', async () => {
    const faultUrl = `${new URL(sandbox.url).origin}/__sandbox/fault`;
    const set = (body: unknown) =>
      fetch(faultUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    expect((await set({ fault: { type: 'server_error', status: 502, times: 1 }, projectId: 'proj_demo_text' })).status).toBe(200);
    expect((await post('proj_demo_text', query(['conversations']))).status).toBe(502);
    expect((await post('proj_demo_text', query(['conversations']))).status).toBe(200);

    expect((await set({ fault: { type: 'rate_limit', retryAfterSeconds: 1 } })).status).toBe(200);
    expect((await post('proj_demo_voice', query(['conversations']))).status).toBe(429);
    expect((await set({ fault: null })).status).toBe(200);
    expect((await post('proj_demo_voice', query(['conversations']))).status).toBe(200);

    const bad = await set({ fault: { type: 'earthquake' } });
    expect(bad.status).toBe(400);
    expect((await set({ fault: { type: 'slow' } })).status).toBe(400);
  });

  it('close() ends promptly even with a slow request in flight', async () => {
    const other = await startSandbox();
    other.setFault({ type: 'slow', delayMs: 10_000 });
    const pending = postTo(other, 'proj_demo_text').catch((e: unknown) => e);
    await untilRequested(other, 1);
    await other.close();
    // close() did not wait for the 10 s answer: the request in flight was cut, it never got its 200.
    expect(await pending).toBeInstanceOf(Error);
  });
});

/** POSTs a conversations query for `projectId` to `target`. */
function postTo(target: Sandbox, projectId: string): Promise<Response> {
  return fetch(`${target.url}/projects/${projectId}/analytics/query`, {
    method: 'POST',
    headers: { Authorization: target.apiKey },
    body: JSON.stringify(query(['conversations'])),
  });
}

/** Resolves once `target` has received `n` requests (polls; the test's own timeout bounds it). */
async function untilRequested(target: Sandbox, n: number): Promise<void> {
  while (target.requests.length < n) await new Promise((r) => setTimeout(r, 5));
}
