/**
 * The sandbox's projects for the agency overview: a bot that gets worse day after day up to the sandbox's "today"
 * (so any recent period is worse than the one before), the demo fault that breaks one project's queries, and any
 * number of synthetic projects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/sandbox/generate.ts';
import { DEMO_FAULTS, DEMO_PROJECTS, type Sandbox, startSandbox, syntheticProjectId, syntheticProjects } from '../../src/sandbox/index.ts';

const NOW = Date.parse('2026-11-25T10:00:00Z');
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ faults: DEMO_FAULTS, now: () => NOW, projects: [...DEMO_PROJECTS, ...syntheticProjects(30)] });
});
afterAll(async () => {
  await sandbox?.close();
});

async function query(projectId: string, daysAgo: number, days: number) {
  const end = Math.floor(NOW / DAY_MS) * DAY_MS - daysAgo * DAY_MS;
  const res = await fetch(`${sandbox.url}/projects/${projectId}/analytics/query`, {
    method: 'POST',
    headers: { Authorization: sandbox.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: [
        {
          metrics: ['conversations', 'understoodMessages', 'totalCost'],
          filter: { startTime: new Date(end - days * DAY_MS).toISOString(), endTime: new Date(end).toISOString() },
        },
      ],
    }),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

interface Answer {
  conversations: { total: number };
  understoodMessages: { total: number; understood: number };
  totalCost: { total: number };
}

const understood = (json: Answer) => json.understoodMessages.understood / json.understoodMessages.total;
const costPerConversation = (json: Answer) => json.totalCost.total / json.conversations.total;

describe('the degrading demo bot', () => {
  it.each([
    [7, 'last 7 days vs the 7 before'],
    [30, 'last 30 days vs the 30 before'],
  ])('is worse in every recent period than in the one before (%i days)', async (days) => {
    const current = (await query('proj_demo_degrading', 0, days)).json;
    const previous = (await query('proj_demo_degrading', days, days)).json;
    // The digest's attention rules: understood rate down more than 5 points, cost per conversation up more than 25 %.
    expect(understood(previous) - understood(current)).toBeGreaterThan(0.05);
    expect(costPerConversation(current) / costPerConversation(previous)).toBeGreaterThan(1.25);
  });

  it('was healthy before its slide began', async () => {
    const before = (await query('proj_demo_degrading', 40, 7)).json;
    const earlier = (await query('proj_demo_degrading', 47, 7)).json;
    expect(Math.abs(understood(before) - understood(earlier))).toBeLessThan(0.03);
  });
});

describe('faults and synthetic projects', () => {
  it('DEMO_FAULTS break every query about the concierge bot (and nothing else); the fault can be cleared', async () => {
    expect((await query('proj_demo_broken', 0, 7)).status).toBe(503);
    expect((await query('proj_demo_text', 0, 7)).status).toBe(200);
    sandbox.setFault(undefined, 'proj_demo_broken');
    expect((await query('proj_demo_broken', 0, 7)).status).toBe(200);
  });

  it('knows every synthetic project it was given: some quiet, most with traffic', async () => {
    const projects = syntheticProjects(30);
    expect(projects.map((p) => p.id)).toEqual(Array.from({ length: 30 }, (_, i) => syntheticProjectId(i)));
    expect(new Set(projects.map((p) => p.name)).size).toBe(30);
    const totals = await Promise.all(projects.map(async (p) => (await query(p.id, 0, 7)).json.conversations.total));
    expect(totals.filter((t) => t === 0)).toHaveLength(3);
    expect(totals.filter((t) => t > 0)).toHaveLength(27);
    expect((await query(syntheticProjectId(30), 0, 7)).status).toBe(404);
  });
});
