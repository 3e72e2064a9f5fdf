import { describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX, chartsFor, conversationsChart, costChart, drawsCharts, TOPIC_BARS, topicsChart } from '../../src/charts/specs.ts';
import { textWidth } from '../../src/charts/text.ts';
import { createFormatter } from '../../src/digest/format.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { parsed, period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';

const fmt = createFormatter({ locale: 'en-US' });
const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
/** "Nov 9 – 15, 2026", as Intl spaces it. */
const range = fmt.dateRange(period(), 'Europe/Paris');

/** Series data of a chart option, by series name (or index). */
function seriesData(option: unknown): Record<string, unknown[]> {
  const series = (option as { series: Array<{ name?: string; data: unknown[] }> }).series;
  return Object.fromEntries(series.map((s, i) => [s.name ?? String(i), s.data]));
}

describe('daily conversations chart', () => {
  const spec = conversationsChart(insights, fmt)!;

  it('draws this period against the previous one, day by day, with dated axis labels', () => {
    expect(spec).toMatchObject({ kind: 'conversations', title: 'Daily conversations', width: 1200, height: 600 });
    expect(seriesData(spec.option)).toEqual({
      'This period': [120, 180, 210, 160, 140, 60, 45],
      'Period before': [100, 150, 150, 130, 120, 50, 50],
    });
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['Nov 9', 'Nov 10', 'Nov 11', 'Nov 12', 'Nov 13', 'Nov 14', 'Nov 15']);
    expect(spec.option.animation).toBe(false);
    expect((spec.option.title as { subtext: string }).subtext).toBe('915 this period · 750 the period before (up 22%)');
  });

  it('has alt text that states the numbers', () => {
    expect(spec.altText).toBe(
      `Line chart of daily conversations, ${range}: 915 in all (up 22%). This period: Mon, Nov 9 120; Tue, Nov 10 180; ` +
        'Wed, Nov 11 210; Thu, Nov 12 160; Fri, Nov 13 140; Sat, Nov 14 60; Sun, Nov 15 45. The period before, day by day: 100, 150, 150, 130, 120, 50, 50.',
    );
  });

  it('without a previous period: one line, no legend', () => {
    const alone = conversationsChart(buildInsights({ current: textBot(), period: period() }), fmt)!;
    expect(Object.keys(seriesData(alone.option))).toEqual(['This period']);
    expect(alone.option.legend).toEqual({ show: false });
    expect(alone.altText).not.toContain('period before');
  });

  it('a year of days keeps the alt text within Slack’s 2,000 characters and still states the numbers', () => {
    const counts = Array.from({ length: 366 }, (_, i) => 1000 + ((i * 37) % 500));
    const long = buildInsights({
      current: parsed({ conversations: { counts, total: counts.reduce((a, b) => a + b, 0) } }),
      previous: parsed({ conversations: { counts, total: counts.reduce((a, b) => a + b, 0) } }),
      period: period({ days: 366, start: '2025-11-15T23:00:00.000Z', label: 'Last 366 days' }),
    });
    const chart = conversationsChart(long, fmt)!;
    expect(chart.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(chart.altText).toMatch(/366 days, lowest 1,000 on .+, highest 1,49\d on /);
  });

  it('a previous period of another length is aligned by day, missing days left empty', () => {
    const short = buildInsights({
      current: textBot(),
      previous: parsed({ conversations: { counts: [5, 6, 7], total: 18 } }),
      period: period(),
    });
    expect(seriesData(conversationsChart(short, fmt)!.option)['Period before']).toEqual([5, 6, 7, null, null, null, null]);
  });

  it('is not drawn for fewer than two days or no trend', () => {
    const oneDay = buildInsights({ current: parsed({ conversations: { counts: [5], total: 5 } }), period: period({ days: 1 }) });
    expect(conversationsChart(oneDay, fmt)).toBeUndefined();
    expect(conversationsChart(buildInsights({ current: parsed({}), period: period() }), fmt)).toBeUndefined();
  });
});

describe('cost per day chart', () => {
  it('draws each day’s cost in the period’s currency and says the total', () => {
    const spec = costChart(insights, fmt)!;
    expect(seriesData(spec.option)['0']).toEqual([6, 9, 10.5, 8, 7, 3, 2.25]);
    expect((spec.option.title as { subtext: string }).subtext).toBe('€45.75 in all · €0.05 per conversation');
    expect(spec.altText).toBe(
      `Bar chart of cost per day, ${range}: €45.75 in all (up 22%). Mon, Nov 9 €6.00; Tue, Nov 10 €9.00; Wed, Nov 11 €10.50; ` +
        'Thu, Nov 12 €8.00; Fri, Nov 13 €7.00; Sat, Nov 14 €3.00; Sun, Nov 15 €2.25.',
    );
    const axis = (spec.option.yAxis as { axisLabel: { formatter: (n: number) => string } }).axisLabel.formatter;
    expect([0, 0.5, 4, 12, 1500].map(axis)).toEqual(['0', '€0.5', '€4', '€12', '€1.5K']);
  });

  it('is not drawn when nothing was spent', () => {
    const free = buildInsights({
      current: textBot({ totalCost: { counts: [0, 0, 0, 0, 0, 0, 0], total: 0, currency: 'EUR' } }),
      period: period(),
    });
    expect(costChart(free, fmt)).toBeUndefined();
  });
});

describe('top topics chart', () => {
  const topics = [
    { id: 't1', label: 'Opening hours', count: 240 },
    { id: 't2', label: 'Delivery times to Norway, Sweden, Finland, Denmark, Iceland and the rest of the world', count: 190 },
    { id: 't3', label: 'Returns <b>&</b> refunds 🎁', count: 150 },
    { id: 't4', label: '配送状況', count: 90 },
    ...Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, label: `Topic ${i}`, count: 50 - i })),
  ];
  const spec = topicsChart(buildInsights({ current: textBot({ topTopics: topics }), period: period() }), fmt)!;
  const labels = (spec.option.yAxis as { data: string[] }).data;

  it('shows the top topics as bars with drawable, width-bounded labels', () => {
    expect(labels).toHaveLength(TOPIC_BARS);
    expect(labels[0]).toBe('Opening hours');
    expect(labels[1]).toMatch(/^Delivery times to Norway.*…$/);
    expect(labels[2]).toBe('Returns <b>&</b> refunds');
    expect(labels[3]).toBe('Topic 4');
    for (const label of labels) expect(textWidth(label, 24)).toBeLessThanOrEqual(420);
    expect(seriesData(spec.option)['0']).toEqual([240, 190, 150, 90, 50, 49, 48, 47]);
    expect((spec.option.title as { subtext: string }).subtext).toBe('Top 8 of 12 topics');
  });

  it('has alt text with every shown topic’s full name and count, escaped', () => {
    expect(spec.altText).toContain('1. Opening hours: 240');
    expect(spec.altText).toContain('3. Returns &lt;b&gt;&amp;&lt;/b&gt; refunds 🎁: 150');
    expect(spec.altText).toContain('4. 配送状況: 90');
    expect(spec.altText).not.toContain('<b>');
    expect(spec.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
  });

  it('keeps alt text within 2,000 characters when every label is huge', () => {
    const huge = Array.from({ length: 8 }, (_, i) => ({ id: `h${i}`, label: `${'&'.repeat(5000)}${i}`, count: 10 - i }));
    const chart = topicsChart(buildInsights({ current: textBot({ topTopics: huge }), period: period() }), fmt)!;
    expect(chart.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
  });
});

describe('which charts go where', () => {
  it('digest: daily conversations; costs: cost per day; topics: top topics; other drill-downs: none', () => {
    expect(chartsFor('digest', insights, fmt).map((c) => c.kind)).toEqual(['conversations']);
    expect(chartsFor('costs', insights, fmt).map((c) => c.kind)).toEqual(['cost']);
    expect(chartsFor('topics', insights, fmt).map((c) => c.kind)).toEqual(['topics']);
    for (const view of ['misunderstood', 'countries', 'ended_reasons'] as const) {
      expect(chartsFor(view, insights, fmt)).toEqual([]);
      expect(drawsCharts(view)).toBe(false);
    }
    for (const place of ['digest', 'costs', 'topics'] as const) expect(drawsCharts(place)).toBe(true);
  });

  it('an empty period gets no chart', () => {
    const empty = buildInsights({ current: parsed({ conversations: { counts: [0, 0, 0, 0, 0, 0, 0], total: 0 } }), period: period() });
    expect(chartsFor('digest', empty, fmt)).toEqual([]);
  });
});
