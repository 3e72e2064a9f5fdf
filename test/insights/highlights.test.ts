import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/insights/build.ts';
import type { Highlight } from '../../src/insights/types.ts';
import { parsed, period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';

const kinds = (hs: Highlight[]): string[] => hs.map((h) => (h.kind === 'mover' ? `mover:${h.metric}` : h.kind));

describe('highlights', () => {
  it('flags an understood-rate drop beyond the threshold (points), not below it', () => {
    const previous = textBotPrevious({ understoodMessages: { total: 1000, understood: 900, missed: 100 } });
    const dropped = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 840, missed: 160 } }),
      previous,
      period: period(),
    });
    const drop = dropped.highlights.find((h) => h.kind === 'understood_rate_drop');
    expect(drop).toMatchObject({ severity: 'attention' });
    expect(drop?.kind === 'understood_rate_drop' && drop.points).toBeCloseTo(-6, 9);
    expect(dropped.highlights[0]?.severity).toBe('attention');

    const small = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 860, missed: 140 } }),
      previous,
      period: period(),
    });
    expect(kinds(small.highlights)).not.toContain('understood_rate_drop');

    const custom = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 860, missed: 140 } }),
      previous,
      period: period(),
      thresholds: { understoodRateDropPoints: 3 },
    });
    expect(kinds(custom.highlights)).toContain('understood_rate_drop');
  });

  it('flags cost per conversation rising more than the threshold', () => {
    const previous = textBotPrevious({ averageCost: { counts: [], average: 0.04, currency: 'EUR' } });
    const up30 = buildInsights({
      current: textBot({ averageCost: { counts: [], average: 0.052, currency: 'EUR' } }),
      previous,
      period: period(),
    });
    const rise = up30.highlights.find((h) => h.kind === 'cost_per_conversation_rise');
    expect(rise).toMatchObject({ severity: 'attention', currency: 'EUR', value: 0.052, previous: 0.04 });
    // the same number is not also listed as a mover
    expect(kinds(up30.highlights)).not.toContain('mover:averageCost');

    const up20 = buildInsights({
      current: textBot({ averageCost: { counts: [], average: 0.048, currency: 'EUR' } }),
      previous,
      period: period(),
    });
    expect(kinds(up20.highlights)).not.toContain('cost_per_conversation_rise');
  });

  it('flags a large conversation drop as attention, ahead of movers', () => {
    const i = buildInsights({
      current: textBot({ conversations: { counts: [], total: 300 } }),
      previous: textBotPrevious(),
      period: period(),
    });
    expect(i.highlights[0]).toMatchObject({ kind: 'conversations_drop', severity: 'attention', value: 300, previous: 750 });
    expect(kinds(i.highlights)).not.toContain('mover:conversations');
  });

  it('ignores big percentages on tiny numbers', () => {
    const i = buildInsights({
      current: parsed({ conversations: { counts: [], total: 4 } }),
      previous: parsed({ conversations: { counts: [], total: 1 } }),
      period: period(),
    });
    expect(i.highlights).toEqual([]);
  });

  it('lists movers above the threshold, biggest first', () => {
    const i = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    const movers = i.highlights.filter((h) => h.kind === 'mover');
    expect(movers.length).toBeGreaterThan(0);
    for (const m of movers) {
      if (m.kind !== 'mover') continue;
      expect(Math.abs(m.change.percent ?? 0)).toBeGreaterThanOrEqual(20);
    }
    const sizes = movers.map((m) => (m.kind === 'mover' ? Math.abs(m.change.percent ?? 0) : 0));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(movers.find((m) => m.kind === 'mover' && m.metric === 'conversations')?.severity).toBe('good');
    // unique users moved 18.5 %: below the threshold
    expect(kinds(i.highlights)).not.toContain('mover:uniqueUsers');
  });

  it('reports a topic new in the top 5, whether absent before or just moved up', () => {
    const i = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    const news = i.highlights.filter((h) => h.kind === 'new_topic');
    expect(news).toEqual([{ kind: 'new_topic', severity: 'info', label: 'Returns & refunds', count: 150, rank: 3, previousCount: null }]);

    const movedUp = buildInsights({
      current: textBot(),
      previous: textBotPrevious({
        topTopics: [
          { id: 't1', label: 'Opening hours', count: 200 },
          { id: 't2', label: 'Delivery times', count: 160 },
          { id: 't4', label: 'Prices', count: 100 },
          { id: 't5', label: 'Store locations', count: 60 },
          { id: 't6', label: 'Gift cards', count: 50 },
          { id: 't3', label: 'Returns & refunds', count: 5 },
        ],
      }),
      period: period(),
    });
    expect(movedUp.highlights.find((h) => h.kind === 'new_topic')).toMatchObject({ label: 'Returns & refunds', previousCount: 5 });
  });

  it('does not call every topic new when the previous period had none or is missing', () => {
    const none = buildInsights({ current: textBot(), previous: textBotPrevious({ topTopics: [] }), period: period() });
    expect(kinds(none.highlights)).not.toContain('new_topic');
    const prev = textBotPrevious();
    delete prev.data.topTopics;
    const missing = buildInsights({ current: textBot(), previous: prev, period: period() });
    expect(kinds(missing.highlights)).not.toContain('new_topic');
  });

  it('keeps at most maxHighlights, attention first', () => {
    const current = textBot({
      conversations: { counts: [], total: 100 },
      understoodMessages: { total: 1000, understood: 500, missed: 500 },
      averageCost: { counts: [], average: 1, currency: 'EUR' },
      uniqueIps: { counts: [], total: 5000 },
      interactions: { counts: [], total: 50_000 },
    });
    const i = buildInsights({ current, previous: textBotPrevious(), period: period() });
    expect(i.highlights.length).toBe(5);
    expect(i.highlights.slice(0, 3).every((h) => h.severity === 'attention')).toBe(true);
    const two = buildInsights({ current, previous: textBotPrevious(), period: period(), thresholds: { maxHighlights: 2 } });
    expect(two.highlights).toHaveLength(2);
  });
});
