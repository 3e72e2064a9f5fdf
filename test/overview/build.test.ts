/**
 * From project outcomes to the overview model: which projects need attention, which are quiet (precisely: nothing
 * needs attention, and no conversations, or fewer than 10 and nothing worth mentioning), which have no data, and
 * which are still loading.
 */
import { describe, expect, it } from 'vitest';
import type { Analytics } from '../../src/chatdash/schema.ts';
import { buildInsights } from '../../src/insights/build.ts';
import type { Insights } from '../../src/insights/types.ts';
import { attentionOf } from '../../src/overview/attention.ts';
import { buildOverview, classify, QUIET_BELOW, worthRetrying } from '../../src/overview/build.ts';
import type { ProjectOutcome } from '../../src/overview/types.ts';
import { parsePeriod } from '../../src/periods/parse.ts';
import { DEMO_PROJECTS } from '../../src/sandbox/demo-projects.ts';
import { parsed, period } from '../support/analytics-fixtures.ts';
import { okOutcome, PERIOD, sandboxInsights } from '../support/overview.ts';

/** Insights for a text bot with these conversations (this and the previous period) and understood shares. */
function bot(conversations: number, previous: number, understood = 0.9, previousUnderstood = 0.9): Insights {
  const analytics = (n: number, rate: number): Analytics => ({
    conversations: { counts: [n], total: n },
    understoodMessages: { total: n * 4, understood: Math.round(n * 4 * rate), missed: n * 4 - Math.round(n * 4 * rate) },
    totalCost: { counts: [n * 0.05], total: n * 0.05, currency: 'EUR' },
  });
  return buildInsights({
    current: parsed(analytics(conversations, understood)),
    previous: parsed(analytics(previous, previousUnderstood)),
    period: period(),
  });
}

describe('classify', () => {
  it.each<[string, Insights, string]>([
    ['no conversations, none before either: quiet', bot(0, 0), 'quiet'],
    ['no conversations after 500: attention (conversations fell 100%)', bot(0, 500), 'attention'],
    [`fewer than ${QUIET_BELOW} conversations, nothing changed: quiet`, bot(6, 6), 'quiet'],
    ['fewer than 10 conversations, understood rate fell 30 pts: attention', bot(8, 8, 0.5, 0.8), 'attention'],
    ['a big steady project: active (size alone earns a row)', bot(5_000, 5_000), 'active'],
    ['a big project whose understood rate fell 8 pts: attention', bot(5_000, 5_000, 0.82, 0.9), 'attention'],
    ['12 conversations, nothing changed: active (not under the quiet threshold)', bot(12, 12), 'active'],
  ])('%s', (_, insights, expected) => {
    expect(classify(insights, attentionOf(insights))).toBe(expected);
  });

  it('a project whose conversations number is unavailable is never quiet', () => {
    const insights = buildInsights({
      current: parsed({ interactions: { counts: [40], total: 40 } }, ['conversations']),
      previous: parsed({ interactions: { counts: [40], total: 40 } }),
      period: period(),
    });
    expect(insights.isEmpty).toBe(false);
    expect(classify(insights, attentionOf(insights))).toBe('active');
  });
});

describe('buildOverview on the demo projects', () => {
  const byId = (id: string) => DEMO_PROJECTS.find((p) => p.id === id)!;
  const outcomes: ProjectOutcome[] = [
    okOutcome(byId('proj_demo_text')),
    okOutcome(byId('proj_demo_voice')),
    okOutcome(byId('proj_demo_empty')),
    okOutcome(byId('proj_demo_clinic')),
    okOutcome(byId('proj_demo_degrading')),
    {
      project: { key: 'echo', id: 'proj_demo_broken', name: 'Echo Hotel Concierge' },
      status: 'failed',
      reason: 'unavailable',
      transient: true,
    },
    { project: { key: 'late', id: 'proj_late', name: 'Late Bot' }, status: 'loading' },
  ];
  const model = buildOverview(outcomes, PERIOD);

  it('ranks the degrading bot first, then the text bot\u2019s training gap, then the one without data, then the rest by size', () => {
    const [nova, acme] = model.rows;
    expect(nova?.status === 'attention' && nova.attention.top?.kind).toBe('understood_rate_drop');
    expect(acme?.status === 'attention' && acme.attention.top?.kind).toBe('new_misunderstood');
    // Both need attention; the understood rate falling day after day is the more urgent (the digest's own order).
    expect(nova?.status === 'attention' && acme?.status === 'attention' && nova.attention.score > acme.attention.score).toBe(true);
    expect(model.rows.map((r) => [r.project.id, r.status])).toEqual([
      ['proj_demo_degrading', 'attention'],
      ['proj_demo_text', 'attention'],
      ['proj_demo_broken', 'no_data'],
      ['proj_demo_clinic', 'active'],
      ['proj_demo_voice', 'active'],
    ]);
  });

  it.each(['7d', 'last week', '30d'])('ranks the degrading bot above the text bot\u2019s training gap whatever the day (%s)', (range) => {
    // Both need attention in any recent period; the shared score must keep Nova first, not day-to-day noise.
    const start = Date.parse('2026-11-25T10:00:00Z');
    for (let day = 0; day < 28; day += 1) {
      const now = start + day * 86_400_000;
      const parsed = parsePeriod(range, { now: new Date(now), timeZone: 'Europe/Paris' });
      if (!parsed.ok) throw new Error(parsed.error);
      const ranked = buildOverview(
        DEMO_PROJECTS.map((p) => ({ ...okOutcome(p), insights: sandboxInsights(p, parsed.period, now) })),
        parsed.period,
      );
      expect(ranked.rows[0]?.project.id, new Date(now).toISOString()).toBe('proj_demo_degrading');
    }
  });

  it('sets the quiet and loading projects apart', () => {
    expect(model.quiet.map((r) => r.project.id)).toEqual(['proj_demo_empty']);
    expect(model.loading.map((p) => p.key)).toEqual(['late']);
    expect(model.hasPrevious).toBe(true);
  });
});

describe('worthRetrying (a scheduled overview with nothing to show)', () => {
  const project = { key: 'a', id: 'a', name: 'A' };
  it.each<[string, ProjectOutcome[], boolean]>([
    ['every project loading', [{ project, status: 'loading' }], true],
    ['ChatDash down for all', [{ project, status: 'failed', reason: 'unavailable', transient: true }], true],
    [
      'the API key refused for all: a retry won\u2019t help',
      [{ project, status: 'failed', reason: 'unauthorized', transient: false }],
      false,
    ],
    ['one project answered', [okOutcome(DEMO_PROJECTS[0]!), { project, status: 'loading' }], false],
    ['no projects', [], false],
  ])('%s → %s', (_, outcomes, expected) => {
    expect(worthRetrying(outcomes)).toBe(expected);
  });
});
