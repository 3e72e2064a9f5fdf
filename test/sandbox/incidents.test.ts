import { describe, expect, it } from 'vitest';
import { createChatDashClient } from '../../src/chatdash/client.ts';
import { DEMO_PROJECTS, findDemoProject } from '../../src/sandbox/index.ts';
import { useSandbox } from '../support/sandbox.ts';

const SHOP = 'proj_demo_shop';
const sandbox = useSandbox({
  incidents: { proj_demo_text: { from: '2026-11-17T10:00:00Z', until: '2026-11-17T12:00:00Z', conversationsFactor: 3 } },
  projects: [...DEMO_PROJECTS, { ...findDemoProject(SHOP)!, id: 'proj_load_001' }],
});

const client = () => createChatDashClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
const hour = (isoStart: string) => ({ start: isoStart, end: new Date(Date.parse(isoStart) + 3_600_000).toISOString() });
const rateOf = (u: { total: number; missed: number } | undefined) => (u ? (u.total - u.missed) / u.total : Number.NaN);

describe('sandbox rhythm and incidents', () => {
  it('has quiet nights and busy afternoons, with whole days unchanged', async () => {
    const c = client();
    const night = await c.queryAnalytics(SHOP, hour('2026-11-17T03:00:00.000Z'), ['conversations']);
    const afternoon = await c.queryAnalytics(SHOP, hour('2026-11-17T18:00:00.000Z'), ['conversations']);
    expect(afternoon.data.conversations!.total).toBeGreaterThan(8 * night.data.conversations!.total);
    const day = await c.queryAnalytics(SHOP, { start: '2026-11-17T00:00:00.000Z', end: '2026-11-18T00:00:00.000Z' }, ['conversations']);
    const hours = await Promise.all(
      Array.from({ length: 24 }, (_, h) =>
        c.queryAnalytics(SHOP, hour(new Date(Date.parse('2026-11-17T00:00:00Z') + h * 3_600_000).toISOString()), ['conversations']),
      ),
    );
    const sum = hours.reduce((a, r) => a + r.data.conversations!.total, 0);
    expect(Math.abs(sum - day.data.conversations!.total)).toBeLessThanOrEqual(12); // rounding per hour
  });

  it('an incident set at runtime changes only the windows it covers, with its message on top', async () => {
    const c = client();
    const metrics = ['understoodMessages', 'topMisunderstoodMessages'] as const;
    const before = await c.queryAnalytics(SHOP, hour('2026-11-18T10:00:00.000Z'), metrics);
    const response = await fetch(sandbox.url.replace(/\/v1\/public$/, '/__sandbox/incident'), {
      method: 'POST',
      body: JSON.stringify({ projectId: SHOP, incident: { from: '2026-11-18T10:00:00Z', until: '2026-11-18T13:00:00Z', missRate: 0.4 } }),
    });
    expect(response.status).toBe(200);
    const during = await c.queryAnalytics(SHOP, hour('2026-11-18T10:00:00.000Z'), metrics);
    const after = await c.queryAnalytics(SHOP, hour('2026-11-18T13:00:00.000Z'), metrics);
    const earlier = await c.queryAnalytics(SHOP, hour('2026-11-18T09:00:00.000Z'), metrics);
    expect(rateOf(before.data.understoodMessages)).toBeGreaterThan(0.85);
    expect(rateOf(during.data.understoodMessages)).toBeLessThan(0.7);
    expect(rateOf(after.data.understoodMessages)).toBeGreaterThan(0.85);
    expect(rateOf(earlier.data.understoodMessages)).toBeGreaterThan(0.85);
    expect(during.data.topMisunderstoodMessages?.[0]?.id).toBe('incident_checkout');
    expect(during.data.understoodMessages?.total).toBe(before.data.understoodMessages?.total);
    sandbox.setIncident(SHOP, undefined);
    expect(rateOf((await c.queryAnalytics(SHOP, hour('2026-11-18T10:00:00.000Z'), metrics)).data.understoodMessages)).toBeGreaterThan(0.85);
  });

  it('an incident given at start can be a surge of conversations; more projects can be served', async () => {
    const c = client();
    const normal = await c.queryAnalytics('proj_demo_text', hour('2026-11-17T09:00:00.000Z'), ['conversations']);
    const surge = await c.queryAnalytics('proj_demo_text', hour('2026-11-17T10:00:00.000Z'), ['conversations']);
    expect(surge.data.conversations!.total).toBeGreaterThan(2.5 * normal.data.conversations!.total);
    expect(
      (await c.queryAnalytics('proj_load_001', hour('2026-11-17T10:00:00.000Z'), ['conversations'])).data.conversations!.total,
    ).toBeGreaterThan(0);
  });

  it('rejects a bad incident request with a helpful message', async () => {
    const url = sandbox.url.replace(/\/v1\/public$/, '/__sandbox/incident');
    const bad = await fetch(url, { method: 'POST', body: JSON.stringify({ projectId: SHOP, incident: { from: 'yesterday' } }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('"from": "<ISO 8601>"');
    const unknown = await fetch(url, { method: 'POST', body: JSON.stringify({ projectId: 'nope', incident: null }) });
    expect(unknown.status).toBe(404);
  });
});
