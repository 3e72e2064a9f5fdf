/**
 * The digest: one period of insights as a Slack message an agency owner takes in at a glance.
 * Pure; every block is within Slack's limits by construction (see blocks.ts) and all untrusted text is escaped.
 */
import type { KnownBlock } from '@slack/types';
import type { HeadlineKey, Insights } from '../insights/types.ts';
import { DRILLDOWN_VIEWS } from '../insights/views.ts';
import { formatPeriodDates, PERIOD_LABEL_LOCALE } from '../periods/format.ts';
import {
  actions,
  capBlocks,
  context,
  divider,
  fields,
  header,
  type ImageRef,
  type SlackMessage,
  section,
  slackFileImage,
} from './blocks.ts';
import { dashboardLinkButton } from './dashboard-link.ts';
import { drilldownButtons } from './drilldown-buttons.ts';
import { type CurrencyDisplay, createFormatter, type Formatter, NOT_AVAILABLE } from './format.ts';
import { PRACTICAL_LIMITS, SLACK_LIMITS } from './limits.ts';
import { cleanLabel, escapeAndTruncate, escapeMrkdwn, fitLines, mrkdwnLabel, plainLabel, truncateEscaped } from './mrkdwn.ts';
import { counted } from './plural.ts';
import { downsample, sparkline } from './sparkline.ts';
import {
  formatHeadlineValue,
  hasItems,
  headlineChange,
  highlightLine,
  humaniseReason,
  listLine,
  METRIC_TITLES,
  moreLine,
  shareOfWords,
  viewHasData,
} from './wording.ts';

export type { SlackMessage };

export const DIGEST_SECTIONS = ['headline', 'trend', 'changes', 'topics', 'misunderstood', 'costs'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export interface RenderOptions {
  project: { id: string; name: string };
  /** BCP 47 locale for numbers and dates (default en-US). */
  locale?: string;
  currencyDisplay?: CurrencyDisplay;
  /** Sections to show, in the fixed layout order (default all). */
  sections?: readonly DigestSection[];
  /** Shown before the project name in the header ("Weekly digest"). */
  title?: string;
  /** Drill-down buttons (default true). */
  buttons?: boolean;
  /**
   * Chart images already uploaded to Slack (default none): the digest shows them in place of the text sparkline,
   * a drill-down under its summary. Without them (no chart, or it could not be made or delivered) the text stays.
   */
  images?: readonly ImageRef[];
  /** The project's ChatDash dashboard URL: adds an "Open in ChatDash" link button (default none). */
  dashboardUrl?: string | undefined;
}

/** Shared by the digest and the drill-downs. */
export interface RenderContext {
  fmt: Formatter;
  /** Project name, escaped, for mrkdwn. */
  name: string;
  /** Project name, escaped, cut, without mrkdwn neutralisation: for the fallback text. */
  plainName: string;
  /** Project name and period as safe text for a header (plain_text). */
  headerText: (prefix?: string) => string;
  /** "*Last 7 days* · Nov 10 – 16, 2026 · Europe/Paris" */
  periodLine: string;
  /** "Last 7 days (Nov 10 – 16, 2026)" escaped, plain words. */
  periodWords: string;
  footer: string;
}

/** Whether a period's label is just its dates (an explicit range, as `parsePeriod` labels it); never throws. */
function isLabelledByItsDates(period: Insights['period']): boolean {
  try {
    return period.label === formatPeriodDates(period, PERIOD_LABEL_LOCALE);
  } catch {
    return false;
  }
}

export function renderContext(insights: Insights, options: RenderOptions): RenderContext {
  const fmt = createFormatter(options);
  const period = insights.period;
  const range = fmt.dateRange(period, period.timeZone);
  const label = mrkdwnLabel(period.label, 100);
  const labelIsRange = isLabelledByItsDates(period);
  // IANA names read better with spaces (America/New_York → America/New York), and then need no mrkdwn neutralising.
  const tz = mrkdwnLabel(period.timeZone.replace(/_/g, ' '), 64);
  const footerParts = ['Data: ChatDash'];
  if (insights.hasPrevious) footerParts.unshift(`Compared with ${fmt.dateRange(period.previous, period.timeZone)}`);
  if (insights.unavailable.length > 0) {
    footerParts.push(`Unavailable: ${insights.unavailable.map((m) => escapeMrkdwn(m)).join(', ')}`);
  }
  return {
    fmt,
    name: mrkdwnLabel(options.project.name, 150),
    plainName: escapeAndTruncate(cleanLabel(options.project.name), 150),
    headerText: (prefix) => {
      const name = plainLabel(options.project.name, SLACK_LIMITS.headerText);
      const title = prefix ? `${plainLabel(prefix, 60)}: ` : '';
      return truncateEscaped(`${title}${name}`, SLACK_LIMITS.headerText);
    },
    // An explicit range (`2026-11-01..2026-11-15`) is labelled with its own dates: say them once, in the reader's locale.
    periodLine: labelIsRange ? `*${range}* · ${tz}` : `*${label}* · ${range} · ${tz}`,
    periodWords: labelIsRange ? range : `${label} (${range})`,
    footer: footerParts.join(' · '),
  };
}

function headlineField(insights: Insights, metric: HeadlineKey, fmt: Formatter): string {
  const h = insights.headline[metric];
  const currency = 'currency' in h ? h.currency : null;
  const value = formatHeadlineValue(metric, h.value, fmt, currency);
  const change = headlineChange(insights.hasPrevious, metric, h, fmt, currency);
  return `*${METRIC_TITLES[metric]}*\n${value}${change ? `  ${change}` : ''}`;
}

function headlineBlocks(insights: Insights, fmt: Formatter): KnownBlock[] {
  const metrics: HeadlineKey[] = [
    'conversations',
    'uniqueUsers',
    'interactions',
    'averageInteractionsPerConversation',
    'understoodRate',
    'totalCost',
    'averageCost',
  ];
  if (insights.isVoice) metrics.push('callMinutes');
  const blocks: KnownBlock[] = [fields(metrics.map((m) => headlineField(insights, m, fmt)))];
  if (insights.isVoice && hasItems(insights.endedReasons)) {
    const top = insights.endedReasons.items.slice(0, 3).map((r) => `${mrkdwnLabel(humaniseReason(r.label), 40)} ${fmt.percent(r.share)}`);
    const more = insights.endedReasons.items.length - top.length;
    blocks.push(context([`*Calls ended:* ${top.join(' · ')}${more > 0 ? ` · … and ${fmt.integer(more)} more` : ''}`]));
  }
  return blocks;
}

function trendBlock(insights: Insights, fmt: Formatter): KnownBlock | undefined {
  const trend = insights.trend;
  if (!trend) return undefined;
  const bars = sparkline(
    downsample(
      trend.days.map((d) => d.count),
      PRACTICAL_LIMITS.sparklinePoints,
    ),
  );
  const peak = trend.peak.date === null ? fmt.integer(trend.peak.count) : `${fmt.integer(trend.peak.count)} on ${fmt.day(trend.peak.date)}`;
  return section(`*Daily conversations*\n${bars}\nmin ${fmt.integer(trend.min)} · max ${fmt.integer(trend.max)} · peak ${peak}`);
}

function changesBlock(insights: Insights, fmt: Formatter): KnownBlock {
  let lines: string[];
  if (insights.highlights.length > 0) lines = insights.highlights.map((h) => `• ${highlightLine(h, fmt)}`);
  else if (insights.hasPrevious) lines = ['• No big changes from the previous period.'];
  else lines = ['• No previous period to compare with.'];
  return section(fitLines([`*What changed*`, ...lines], SLACK_LIMITS.sectionText, (n) => moreLine(n, fmt)));
}

function listBlock(
  view: 'topics' | 'misunderstood',
  title: string,
  list: Insights['topTopics'],
  fmt: Formatter,
  quote: boolean,
  suffix = '',
): KnownBlock | undefined {
  if (!list.available) return section(`*${title}*\n${NOT_AVAILABLE}`);
  if (list.items.length === 0) return undefined;
  const shown = list.items.slice(0, PRACTICAL_LIMITS.digestListItems);
  const lines = shown.map((item) => listLine(item, fmt, PRACTICAL_LIMITS.digestLabel, quote));
  const hidden = list.items.length - shown.length;
  // Say what the percentages are of: ChatDash returns top lists, so it is not always the whole.
  const heading = `*${title}*${suffix} · % ${shareOfWords(view, list.shareOfWhole)}`;
  return section(fitLines([heading, ...lines], SLACK_LIMITS.sectionText, (n) => moreLine(n, fmt), hidden));
}

function costsBlock(insights: Insights, fmt: Formatter, withTotals: boolean): KnownBlock {
  const total = insights.headline.totalCost;
  const change = headlineChange(insights.hasPrevious, 'totalCost', total, fmt, total.currency);
  const lines = ['*Costs and tokens*'];
  if (withTotals) {
    const average = insights.headline.averageCost;
    const totalText = `${fmt.money(total.value, total.currency)}${change ? `  ${change}` : ''}`;
    lines.push(`Total: ${totalText} · per conversation: ${fmt.money(average.value, average.currency)}`);
  }
  const tokens = insights.tokens;
  if (!tokens.byModel.available) lines.push(`Tokens: ${NOT_AVAILABLE}`);
  else if (tokens.byModel.items.length === 0) lines.push('Tokens: none');
  else {
    const top = tokens.byModel.items.slice(0, 3).map((m) => `${mrkdwnLabel(m.label, 40)} ${fmt.percent(m.share)}`);
    const more = tokens.byModel.items.length - top.length;
    lines.push(`Tokens: ${fmt.compact(tokens.total.value)} — ${top.join(' · ')}${more > 0 ? ` · … and ${fmt.integer(more)} more` : ''}`);
  }
  return section(lines.join('\n'));
}

function buttonsBlock(insights: Insights, options: RenderOptions): KnownBlock | undefined {
  return drilldownButtons(options.buttons === false ? [] : DRILLDOWN_VIEWS.filter((view) => viewHasData(view, insights)), {
    project: options.project.id,
    period: insights.period,
    locale: options.locale,
    currencyDisplay: options.currencyDisplay,
    dashboardUrl: options.dashboardUrl,
  });
}

/** The notification / screen-reader text: one plain paragraph, escaped. */
function fallbackText(insights: Insights, ctx: RenderContext): string {
  const { fmt } = ctx;
  const h = insights.headline;
  const parts: string[] = [];
  const conv = h.conversations;
  let convText = counted(conv.value, fmt.integer, 'conversation');
  if (insights.hasPrevious && conv.change.kind === 'delta' && conv.change.percent !== null) {
    convText += ` (${conv.change.absolute > 0 ? 'up' : 'down'} ${fmt.percentValue(conv.change.percent)})`;
  }
  parts.push(convText);
  if (h.understoodRate.value !== null) parts.push(`${fmt.percent(h.understoodRate.value)} understood`);
  if (h.totalCost.value !== null) parts.push(`cost ${fmt.money(h.totalCost.value, h.totalCost.currency)}`);
  if (insights.isVoice && h.callMinutes.value !== null) parts.push(`${fmt.duration(h.callMinutes.value)} of calls`);
  let text = `${ctx.plainName}, ${ctx.periodWords}: ${parts.join(', ')}.`;
  const attention = insights.highlights.filter((x) => x.severity === 'attention');
  if (attention.length > 0) {
    const words = attention.map((x) => {
      switch (x.kind) {
        case 'conversations_drop':
          return `conversations fell ${fmt.percentValue(x.change.percent)}`;
        case 'understood_rate_drop':
          return `understood rate fell ${fmt.points(Math.abs(x.points)).replace(/^\+/, '')}`;
        case 'cost_per_conversation_rise':
          return `cost per conversation rose ${fmt.percentValue(x.change.percent)}`;
        case 'new_misunderstood':
          return `new misunderstood message “${mrkdwnLabel(x.label, 40)}” (${counted(x.count, fmt.integer, 'time')})`;
        default:
          return '';
      }
    });
    text += ` Needs attention: ${words.filter(Boolean).join('; ')}.`;
  }
  return truncateEscaped(text, SLACK_LIMITS.fallbackText);
}

function renderEmpty(insights: Insights, options: RenderOptions, ctx: RenderContext): SlackMessage {
  const { fmt } = ctx;
  const previous = insights.headline.conversations.previous;
  let body = `No conversations for *${ctx.name}* in this period: ${ctx.periodWords}.`;
  if (insights.hasPrevious && previous !== null && previous > 0) {
    body += ` The period before had ${fmt.integer(previous)}.`;
  }
  const link = dashboardLinkButton(options.dashboardUrl);
  const blocks: KnownBlock[] = [
    header(ctx.headerText(options.title)),
    section(body),
    ...(link ? [actions([link])] : []),
    context([ctx.footer]),
  ];
  return {
    text: truncateEscaped(`No conversations for ${ctx.plainName} in this period: ${ctx.periodWords}.`, SLACK_LIMITS.fallbackText),
    blocks,
  };
}

export function renderDigest(insights: Insights, options: RenderOptions): SlackMessage {
  const ctx = renderContext(insights, options);
  if (insights.isEmpty) return renderEmpty(insights, options, ctx);
  const { fmt } = ctx;
  const wanted = new Set<DigestSection>(options.sections ?? DIGEST_SECTIONS);
  const blocks: KnownBlock[] = [header(ctx.headerText(options.title)), context([ctx.periodLine])];

  if (wanted.has('headline')) blocks.push(...headlineBlocks(insights, fmt));
  const images = options.images ?? [];
  if (wanted.has('trend') && images.length > 0) blocks.push(...images.map(slackFileImage));
  const trend = wanted.has('trend') && images.length === 0 ? trendBlock(insights, fmt) : undefined;
  if (trend) blocks.push(trend);
  if (wanted.has('changes')) blocks.push(changesBlock(insights, fmt));

  const lists: KnownBlock[] = [];
  if (wanted.has('topics')) {
    const b = listBlock('topics', 'Top topics', insights.topTopics, fmt, false);
    if (b) lists.push(b);
  }
  if (wanted.has('misunderstood')) {
    const u = insights.understood;
    const suffix = u && u.total > 0 ? ` — ${fmt.integer(u.missed)} of ${counted(u.total, fmt.integer, 'message')} missed` : '';
    const b = listBlock('misunderstood', 'Top misunderstood messages', insights.topMisunderstood, fmt, true, suffix);
    if (b) lists.push(b);
  }
  if (wanted.has('costs')) lists.push(costsBlock(insights, fmt, !wanted.has('headline')));
  if (lists.length > 0) blocks.push(divider(), ...lists);

  const buttons = buttonsBlock(insights, options);
  if (buttons) blocks.push(buttons);
  blocks.push(context([ctx.footer]));

  return { text: fallbackText(insights, ctx), blocks: capBlocks(blocks) };
}
