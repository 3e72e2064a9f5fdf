/**
 * Fetching an overview against the ChatDash sandbox with the real client: a project ChatDash fails on keeps its
 * row with the reason, `Retry-After` is waited out, concurrency stays bounded, and when the time budget ends the
 * unanswered projects are "still loading" rather than the whole answer failing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChatDashClient, createChatDashClient } from '../../src/chatdash/client.ts';
import { fetchOverview } from '../../src/overview/fetch.ts';
import type { OverviewProject } from '../../src/overview/types.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { syntheticProjects } from '../../src/sandbox/synthetic.ts';
import { keyOf, PERIOD } from '../support/overview.ts';

const synthetic = syntheticProjects(20);
const projects: OverviewProject[] = synthetic.map((p) => ({ key: keyOf(p), id: p.id, name: p.name }));
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ projects: synthetic });
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => {
  sandbox.requests.length = 0;
  for (const p of projects) sandbox.setFault(undefined, p.id);
});

function client(): ChatDashClient {
  return createChatDashClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, baseDelayMs: 20 });
}

/** A client that counts the queries in flight at once. */
function counting(inner: ChatDashClient): ChatDashClient & { max: number } {
  let now = 0;
  const wrapped = {
    max: 0,
    async queryAnalytics(...args: Parameters<ChatDashClient['queryAnalytics']>) {
      now += 1;
      wrapped.max = Math.max(wrapped.max, now);
      try {
        return await inner.queryAnalytics(...args);
      } finally {
        now -= 1;
      }
    },
  };
  return wrapped;
}

const soon = (ms: number) => Date.now() + ms;

describe('fetchOverview', () => {
  it('answers every project, two requests each, with at most 2 × concurrency queries in flight', async () => {
    const chatdash = counting(client());
    const outcomes = await fetchOverview(chatdash, projects, PERIOD, { deadline: soon(20_000), concurrency: 3 });
    expect(outcomes.map((o) => o.status)).toEqual(projects.map(() => 'ok'));
    expect(outcomes.map((o) => o.project.key)).toEqual(projects.map((p) => p.key));
    expect(sandbox.requests).toHaveLength(40);
    expect(chatdash.max).toBeLessThanOrEqual(6);
    expect(chatdash.max).toBeGreaterThan(1);
  });

  it('a project ChatDash fails on (5xx, 429 with a long Retry-After, malformed, unknown id) keeps its place with the reason', async () => {
    sandbox.setFault({ type: 'server_error', status: 503 }, projects[1]!.id);
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 120 }, projects[2]!.id);
    sandbox.setFault({ type: 'malformed_json' }, projects[3]!.id);
    const asked = [...projects.slice(0, 4), { key: 'ghost', id: 'proj_nobody_knows', name: 'Ghost' }];
    const outcomes = await fetchOverview(client(), asked, PERIOD, { deadline: soon(20_000) });
    expect(
      outcomes.map((o) => [o.project.key, o.status, o.status === 'failed' ? o.reason : '', o.status === 'failed' && o.transient]),
    ).toEqual([
      [projects[0]!.key, 'ok', '', false],
      [projects[1]!.key, 'failed', 'unavailable', true],
      [projects[2]!.key, 'failed', 'rate_limited', true],
      [projects[3]!.key, 'failed', 'malformed', false],
      ['ghost', 'failed', 'project_not_found', false],
    ]);
    // The 503 was retried (the client's four attempts per period) before giving up.
    expect(sandbox.requests.filter((r) => r.projectId === projects[1]!.id).length).toBeGreaterThan(2);
  });

  it('waits out a short Retry-After and then has the data', async () => {
    sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 1, times: 1 }, projects[0]!.id);
    const [outcome] = await fetchOverview(client(), projects.slice(0, 1), PERIOD, { deadline: soon(20_000) });
    expect(outcome?.status).toBe('ok');
    expect(sandbox.requests.filter((r) => r.projectId === projects[0]!.id)).toHaveLength(3);
  });

  it('when the budget ends, the unanswered projects are "loading" (in flight or never started) and the rest stands', async () => {
    sandbox.setFault({ type: 'slow', delayMs: 60_000 }, projects[0]!.id);
    sandbox.setFault({ type: 'slow', delayMs: 60_000 }, projects[5]!.id);
    const outcomes = await fetchOverview(client(), projects.slice(0, 8), PERIOD, { deadline: soon(3_000), concurrency: 4 });
    expect(outcomes.map((o) => o.status)).toEqual(['loading', 'ok', 'ok', 'ok', 'ok', 'loading', 'ok', 'ok']);

    // One lane, blocked by the slow project: the ones after it never start and are loading too.
    const blocked = await fetchOverview(client(), projects.slice(0, 3), PERIOD, { deadline: soon(1_000), concurrency: 1 });
    expect(blocked.map((o) => o.status)).toEqual(['loading', 'loading', 'loading']);
  });
});
