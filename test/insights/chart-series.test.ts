/** The series charts draw from: the previous period's daily conversations and the period's cost per day. */
import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/insights/build.ts';
import { parsed, period, textBot, textBotPrevious } from '../digest/fixtures.ts';

describe('chart series in the insights', () => {
  it('carries the previous period’s counts and the dated cost per day', () => {
    const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    expect(insights.previousTrend).toEqual([100, 150, 150, 130, 120, 50, 50]);
    expect(insights.costTrend?.days.map((d) => [d.date, d.count])).toEqual([
      ['2026-11-09', 6],
      ['2026-11-10', 9],
      ['2026-11-11', 10.5],
      ['2026-11-12', 8],
      ['2026-11-13', 7],
      ['2026-11-14', 3],
      ['2026-11-15', 2.25],
    ]);
    expect(insights.costTrend?.peak).toEqual({ date: '2026-11-11', count: 10.5 });
  });

  it('is null where ChatDash gave nothing to draw', () => {
    const insights = buildInsights({ current: parsed({}), period: period() });
    expect(insights.previousTrend).toBeNull();
    expect(insights.costTrend).toBeNull();
    const noPrevious = buildInsights({ current: textBot(), previous: parsed({}), period: period() });
    expect(noPrevious.previousTrend).toBeNull();
  });
});
