/**
 * Chart specifications: insights → the ECharts option of each chart, its title and its alt text. Pure (no
 * ECharts runtime here, only its option types): the renderer in render.ts turns a spec into a PNG.
 *
 * Which charts go where: the digest and the stats answer show daily conversations against the previous period
 * (in place of the text sparkline); the costs drill-down shows cost per day; the topics drill-down shows the top
 * topics as bars.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Formatter } from '../digest/format.ts';
import { cleanLabel, escapeMrkdwn, truncate, truncateEscaped } from '../digest/mrkdwn.ts';
import { shareOfWords } from '../digest/wording.ts';
import type { Insights, Trend } from '../insights/types.ts';
import type { DrilldownView } from '../insights/views.ts';
import { CHART_FONT } from './font.ts';
import { chartLabel } from './text.ts';
import { CHART_SIZE, FONT_SIZES, THEME } from './theme.ts';

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption
>;

export const CHART_KINDS = ['conversations', 'cost', 'topics'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartSpec {
  kind: ChartKind;
  /** Our own words, shown above the image in Slack. */
  title: string;
  /** Plain text stating the numbers, escaped (labels come from chatbot users), at most `ALT_TEXT_MAX`. */
  altText: string;
  width: number;
  height: number;
  option: ChartOption;
}

/** Slack's image block `alt_text` limit. */
export const ALT_TEXT_MAX = 2000;
/** Bars in the topics chart. */
export const TOPIC_BARS = 8;
/** Room for a topic's name left of its bar, in px. */
export const TOPIC_LABEL_WIDTH = 420;
/** Daily values listed one by one in alt text up to this many days; longer series are summarised. */
const ALT_LISTED_DAYS = 62;

const base = (title: string, subtitle: string): ChartOption => ({
  animation: false,
  backgroundColor: THEME.background,
  textStyle: { fontFamily: CHART_FONT.family, color: THEME.text },
  title: {
    text: title,
    subtext: subtitle,
    left: 40,
    top: 28,
    itemGap: 14,
    textStyle: { fontSize: FONT_SIZES.title, fontWeight: 600, color: THEME.text },
    subtextStyle: { fontSize: FONT_SIZES.subtitle, color: THEME.muted },
  },
});

/** A spec with the shared frame: size, background, font, title and subtitle; `safeAlt` is escaped text, cut here. */
function makeSpec(kind: ChartKind, title: string, subtitle: string, safeAlt: string, option: ChartOption): ChartSpec {
  return { kind, title, altText: truncateEscaped(safeAlt, ALT_TEXT_MAX), ...CHART_SIZE, option: { ...base(title, subtitle), ...option } };
}

const GRID = { left: 40, right: 56, top: 170, bottom: 36, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

const axisLabel = { fontSize: FONT_SIZES.axis, color: THEME.muted, margin: 16 };
const valueAxis = (format: (n: number) => string) => ({
  type: 'value' as const,
  min: 0,
  splitNumber: 4,
  axisLabel: { ...axisLabel, formatter: (n: number) => format(n) },
  splitLine: { lineStyle: { color: THEME.gridLine, width: 2 } },
});

/** The x axis of a daily chart: one category per day, labels thinned where they would overlap. */
function dayAxis(trend: Trend, fmt: Formatter, boundaryGap: boolean) {
  return {
    type: 'category' as const,
    data: dayLabels(trend, fmt),
    boundaryGap,
    axisLabel: { ...axisLabel, hideOverlap: true },
    axisLine: { lineStyle: { color: THEME.axisLine, width: 2 } },
    axisTick: { show: false },
  };
}

/** "Mon, Nov 10" → the x-axis label "Nov 10" (or "1", "2"… for buckets without dates). */
function dayLabels(trend: Trend, fmt: Formatter): string[] {
  return trend.days.map((d, i) => (d.date === null ? String(i + 1) : shortDay(d.date, fmt.locale)));
}

function shortDay(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

function changeWords(value: number, previous: number | null, fmt: Formatter): string {
  if (previous === null) return '';
  if (previous === 0) return value > 0 ? ' (none before)' : '';
  const percent = ((value - previous) / previous) * 100;
  if (Math.abs(percent) < 0.05) return ' (unchanged)';
  return ` (${percent > 0 ? 'up' : 'down'} ${fmt.percentValue(Math.abs(percent))})`;
}

/** "Mon, Nov 9 120; Tue, Nov 10 180; …" or, for long series, a summary; fitted into `budget` characters. */
function dailyWords(trend: Trend, values: (i: number) => string, fmt: Formatter, budget: number): string {
  const name = (i: number) => {
    const date = trend.days[i]?.date ?? null;
    return date === null ? `#${i + 1}` : fmt.day(date);
  };
  if (trend.days.length <= ALT_LISTED_DAYS) {
    const listed = trend.days.map((_, i) => `${name(i)} ${values(i)}`).join('; ');
    if (listed.length <= budget) return listed;
  }
  const minIndex = trend.days.findIndex((d) => d.count === trend.min);
  const maxIndex = trend.days.indexOf(trend.peak);
  return truncate(
    `${fmt.integer(trend.days.length)} days, lowest ${values(minIndex)} on ${name(minIndex)}, highest ${values(maxIndex)} on ${name(maxIndex)}`,
    budget,
  );
}

/** Daily conversations of the period (line) over the previous period's (dashed), aligned day by day. */
export function conversationsChart(insights: Insights, fmt: Formatter): ChartSpec | undefined {
  const trend = insights.trend;
  if (!trend || trend.days.length < 2) return undefined;
  const current = trend.days.map((d) => d.count);
  const previous = insights.previousTrend ? current.map((_, i) => insights.previousTrend?.[i] ?? null) : null;
  const total = insights.headline.conversations.value ?? current.reduce((a, b) => a + b, 0);
  const previousTotal = insights.headline.conversations.previous;
  const subtitle = previous
    ? `${fmt.integer(total)} this period · ${fmt.integer(previousTotal)} the period before${changeWords(total, previousTotal, fmt)}`
    : `${fmt.integer(total)} this period`;
  const range = fmt.dateRange(insights.period, insights.period.timeZone);
  const head = `Line chart of daily conversations, ${range}: ${fmt.integer(total)} in all${changeWords(total, previousTotal, fmt)}.`;
  const budget = Math.floor((ALT_TEXT_MAX - head.length - 40) / (previous ? 2 : 1));
  let alt = `${head} This period: ${dailyWords(trend, (i) => fmt.integer(current[i] ?? 0), fmt, budget)}.`;
  if (previous) {
    const values = previous.map((v) => fmt.integer(v));
    const listed = values.join(', ');
    const known = previous.filter((v): v is number => v !== null);
    const words =
      listed.length <= budget || known.length === 0
        ? listed
        : `lowest ${fmt.integer(Math.min(...known))}, highest ${fmt.integer(Math.max(...known))}`;
    alt += ` The period before, day by day: ${words}.`;
  }
  const many = current.length > 14;
  const series: LineSeriesOption[] = [];
  if (previous) {
    series.push({
      name: 'Period before',
      type: 'line',
      data: previous,
      showSymbol: false,
      lineStyle: { width: 4, type: 'dashed', color: THEME.previous },
      itemStyle: { color: THEME.previous },
      z: 1,
    });
  }
  series.push({
    name: 'This period',
    type: 'line',
    data: current,
    showSymbol: !many,
    symbolSize: 12,
    lineStyle: { width: 6, color: THEME.primary },
    itemStyle: { color: THEME.primary },
    areaStyle: { color: THEME.primaryArea },
    z: 2,
  });
  return makeSpec('conversations', 'Daily conversations', subtitle, escapeMrkdwn(alt), {
    legend: previous
      ? {
          top: 40,
          right: 40,
          itemWidth: 44,
          itemHeight: 18,
          itemGap: 28,
          textStyle: { fontSize: FONT_SIZES.legend, color: THEME.text },
          data: ['This period', 'Period before'],
        }
      : { show: false },
    grid: { ...GRID, top: 180 },
    xAxis: dayAxis(trend, fmt, false),
    yAxis: valueAxis((n) => fmt.compact(n)),
    series,
  });
}

/** Cost per day of the period (bars), in the period's currency. */
export function costChart(insights: Insights, fmt: Formatter): ChartSpec | undefined {
  const trend = insights.costTrend;
  if (!trend || trend.days.length < 2 || trend.max <= 0) return undefined;
  const { currency } = insights.headline.totalCost;
  const total = insights.headline.totalCost.value ?? trend.days.reduce((a, d) => a + d.count, 0);
  const money = (n: number | null) => fmt.money(n, currency);
  const perConversation = insights.headline.averageCost.value;
  const subtitle = `${money(total)} in all${perConversation === null ? '' : ` · ${fmt.money(perConversation, insights.headline.averageCost.currency)} per conversation`}`;
  const range = fmt.dateRange(insights.period, insights.period.timeZone);
  const head = `Bar chart of cost per day, ${range}: ${money(total)} in all${changeWords(total, insights.headline.totalCost.previous, fmt)}.`;
  const alt = `${head} ${dailyWords(trend, (i) => money(trend.days[i]?.count ?? 0), fmt, ALT_TEXT_MAX - head.length - 10)}.`;
  return makeSpec('cost', 'Cost per day', subtitle, escapeMrkdwn(alt), {
    grid: GRID,
    xAxis: dayAxis(trend, fmt, true),
    yAxis: valueAxis((n) => compactMoney(n, currency, fmt)),
    series: [
      {
        type: 'bar',
        data: trend.days.map((d) => d.count),
        barMaxWidth: 48,
        itemStyle: { color: THEME.cost, borderRadius: [6, 6, 0, 0] },
      },
    ],
  });
}

/** Axis labels for money: the currency's symbol with a compact amount ("€1.2K"), the plain amount without a currency. */
function compactMoney(n: number, currency: string | null, fmt: Formatter): string {
  if (!currency || n === 0) return fmt.compact(n);
  try {
    return new Intl.NumberFormat(fmt.locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(n);
  } catch {
    return fmt.compact(n);
  }
}

/** The top topics as horizontal bars, biggest first, with their counts. */
export function topicsChart(insights: Insights, fmt: Formatter): ChartSpec | undefined {
  const list = insights.topTopics;
  if (!list.available || list.items.length === 0) return undefined;
  const shown = list.items.slice(0, TOPIC_BARS);
  const labels = shown.map((item) =>
    chartLabel(item.label, { maxWidth: TOPIC_LABEL_WIDTH, fontSize: FONT_SIZES.axis, fallback: `Topic ${fmt.integer(item.rank)}` }),
  );
  const subtitle =
    list.items.length > shown.length
      ? `Top ${fmt.integer(shown.length)} of ${fmt.integer(list.items.length)} topics`
      : `${fmt.integer(list.items.length)} ${list.items.length === 1 ? 'topic' : 'topics'}`;
  const range = fmt.dateRange(insights.period, insights.period.timeZone);
  const head = `Bar chart of the top ${fmt.integer(shown.length)} topics, ${range} (% ${shareOfWords('topics', list.shareOfWhole)}):`;
  const words: string[] = [];
  let used = head.length;
  for (const item of shown) {
    const word = ` ${fmt.integer(item.rank)}. ${escapeMrkdwn(truncate(cleanLabel(item.label), 120))}: ${fmt.integer(item.count)} (${fmt.percent(item.share)});`;
    if (used + word.length > ALT_TEXT_MAX - 20) break;
    words.push(word);
    used += word.length;
  }
  return makeSpec('topics', 'Top topics', subtitle, `${escapeMrkdwn(head)}${words.join('').replace(/;$/, '.')}`, {
    grid: { ...GRID, right: 140 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { ...axisLabel, color: THEME.text },
      axisLine: { lineStyle: { color: THEME.axisLine, width: 2 } },
      axisTick: { show: false },
    },
    xAxis: { ...valueAxis((n) => fmt.compact(n)), axisLabel: { show: false } },
    series: [
      {
        type: 'bar',
        data: shown.map((item) => item.count),
        barMaxWidth: 44,
        itemStyle: { color: THEME.primary, borderRadius: [0, 6, 6, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: FONT_SIZES.value,
          color: THEME.text,
          formatter: ({ value }) => fmt.integer(Number(value)),
        },
      },
    ],
  });
}

/** Where a chart is drawn: the digest / stats answer, or a drill-down view. */
export type ChartPlace = 'digest' | DrilldownView;

const MAKERS: Partial<Record<ChartPlace, (insights: Insights, fmt: Formatter) => ChartSpec | undefined>> = {
  digest: conversationsChart,
  costs: costChart,
  topics: topicsChart,
};

/** Whether messages of `place` may carry a chart at all. */
export function drawsCharts(place: ChartPlace): boolean {
  return MAKERS[place] !== undefined;
}

/** The charts a message of `place` carries (none when there is nothing worth drawing). */
export function chartsFor(place: ChartPlace, insights: Insights, fmt: Formatter): ChartSpec[] {
  if (insights.isEmpty) return [];
  const spec = MAKERS[place]?.(insights, fmt);
  return spec ? [spec] : [];
}
