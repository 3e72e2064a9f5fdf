/** The words of the digest: metric names, change markers, highlight sentences, list lines. */
import type { Change, Headline, HeadlineKey, Highlight, Insights, NewItemNumbers, RankedItem, RankedList } from '../insights/types.ts';
import type { DrilldownView } from '../insights/views.ts';
import type { Formatter } from './format.ts';
import { mrkdwnLabel } from './mrkdwn.ts';
import { counted } from './plural.ts';

export const METRIC_TITLES: Record<HeadlineKey, string> = {
  conversations: 'Conversations',
  uniqueUsers: 'Unique users',
  interactions: 'Interactions',
  averageInteractionsPerConversation: 'Interactions / conversation',
  understoodRate: 'Understood rate',
  totalCost: 'Total cost',
  averageCost: 'Cost / conversation',
  callMinutes: 'Call time',
};

/** Button captions (plain text, ours, no characters that need escaping). */
export const VIEW_BUTTONS: Record<DrilldownView, string> = {
  topics: 'Topics',
  misunderstood: 'Misunderstood',
  intents: 'Intents',
  costs: 'Costs',
  countries: 'Countries',
  ended_reasons: 'Why calls ended',
};

/** Drill-down titles (escaped mrkdwn / plain text safe). */
export const VIEW_TITLES: Record<DrilldownView, string> = {
  topics: 'Topics',
  misunderstood: 'Misunderstood messages',
  intents: 'Intents',
  costs: 'Costs and tokens',
  countries: 'Countries',
  ended_reasons: 'Why calls ended',
};

/**
 * What each view's percentages are of: the whole the list is a part of (`whole`), or when ChatDash gave no usable
 * total, only the items it listed (`listed`). See `RankedList.shareOf`.
 */
const SHARE_NOUNS: Record<DrilldownView, { whole: string; listed: string }> = {
  topics: { whole: 'conversations', listed: 'topics' },
  misunderstood: { whole: 'misunderstood messages', listed: 'misunderstood messages' },
  intents: { whole: 'intent matches', listed: 'intents' },
  costs: { whole: 'tokens', listed: 'models' },
  countries: { whole: 'conversations', listed: 'countries' },
  ended_reasons: { whole: 'conversations', listed: 'reasons' },
};

/** "of conversations", or "of the listed topics" when the list's shares are only of its own total. */
export function shareOfWords(view: DrilldownView, shareOfWhole: boolean): string {
  const nouns = SHARE_NOUNS[view];
  return shareOfWhole ? `of ${nouns.whole}` : `of the listed ${nouns.listed}`;
}

/** "Percentages are of all 4,460 conversations." or "… of the listed topics only: ChatDash gave no total." */
export function shareNote(view: DrilldownView, list: RankedList, fmt: Formatter): string {
  const nouns = SHARE_NOUNS[view];
  return list.shareOfWhole
    ? `Percentages are of all ${fmt.integer(list.shareOf)} ${nouns.whole}.`
    : `Percentages are of the listed ${nouns.listed} only: ChatDash gave no total to compare with.`;
}

/** The value of a headline number, formatted for its kind. */
export function formatHeadlineValue(metric: HeadlineKey, value: number | null, fmt: Formatter, currency: string | null): string {
  switch (metric) {
    case 'understoodRate':
      return fmt.percent(value);
    case 'totalCost':
    case 'averageCost':
      return fmt.money(value, currency);
    case 'callMinutes':
      return fmt.duration(value);
    case 'averageInteractionsPerConversation':
      return fmt.decimal(value, 2);
    default:
      return fmt.integer(value);
  }
}

/** A change difference in the metric's own unit, signed: "+132", "+$12.50", "+0.4", "+12 min". */
function formatAbsolute(metric: HeadlineKey, absolute: number, fmt: Formatter, currency: string | null): string {
  switch (metric) {
    case 'totalCost':
    case 'averageCost':
      return fmt.signedMoney(absolute, currency);
    case 'callMinutes':
      return `${absolute < 0 ? '-' : '+'}${fmt.duration(Math.abs(absolute))}`;
    case 'averageInteractionsPerConversation':
      return `${absolute < 0 ? '-' : '+'}${fmt.decimal(Math.abs(absolute), 2)}`;
    default:
      return fmt.signedInteger(absolute);
  }
}

/** "▲ 12% (+132)", "▼ 6.2 pts", "🆕 new", "= same", or "" when there is nothing to compare. */
export function formatChange(metric: HeadlineKey, change: Change, fmt: Formatter, currency: string | null): string {
  switch (change.kind) {
    case 'none':
      return '';
    case 'new':
      return 'new';
    case 'same':
      return '= same';
    case 'delta': {
      const arrow = change.absolute > 0 ? '▲' : '▼';
      if (metric === 'understoodRate') {
        // Points are shown to one decimal: a move that rounds to 0.0 is no move to the reader.
        if (Math.abs(change.absolute) < 0.05) return '= same';
        return `${arrow} ${fmt.points(Math.abs(change.absolute)).replace(/^\+/, '')}`;
      }
      const abs = formatAbsolute(metric, change.absolute, fmt, currency);
      return change.percent === null ? `${arrow} ${abs}` : `${arrow} ${fmt.percentValue(change.percent)} (${abs})`;
    }
  }
}

/**
 * The change marker for a headline number, or "" when there is nothing honest to say: no previous period,
 * no current value, or "new" only because the previous number was unavailable (rather than 0).
 */
export function headlineChange(hasPrevious: boolean, metric: HeadlineKey, h: Headline, fmt: Formatter, currency: string | null): string {
  if (!hasPrevious || h.value === null) return '';
  if (h.change.kind === 'new' && h.previous === null) return '';
  return formatChange(metric, h.change, fmt, currency);
}

const SEVERITY_ICON = { attention: ':warning:', good: ':chart_with_upwards_trend:', info: ':small_blue_diamond:' } as const;

/** One "What changed" bullet, mrkdwn, safe. */
export function highlightLine(h: Highlight, fmt: Formatter): string {
  const icon = SEVERITY_ICON[h.severity];
  switch (h.kind) {
    case 'conversations_drop':
      return `${icon} *Conversations fell ${fmt.percentValue(h.change.percent)}* to ${fmt.integer(h.value)} (from ${fmt.integer(h.previous)})`;
    case 'understood_rate_drop':
      return `${icon} *Understood rate fell ${fmt.points(Math.abs(h.points)).replace(/^\+/, '')}* to ${fmt.percent(h.value)} (from ${fmt.percent(h.previous)})`;
    case 'cost_per_conversation_rise':
      return `${icon} *Cost per conversation rose ${fmt.percentValue(h.change.percent)}* to ${fmt.money(h.value, h.currency)} (from ${fmt.money(h.previous, h.currency)})`;
    case 'mover': {
      const up = h.change.absolute > 0;
      const moveIcon = up ? ':chart_with_upwards_trend:' : ':chart_with_downwards_trend:';
      const by =
        h.metric === 'understoodRate' ? fmt.points(Math.abs(h.change.absolute)).replace(/^\+/, '') : fmt.percentValue(h.change.percent);
      const value = formatHeadlineValue(h.metric, h.value, fmt, h.currency);
      const previous = formatHeadlineValue(h.metric, h.previous, fmt, h.currency);
      return `${moveIcon} *${METRIC_TITLES[h.metric]} ${up ? 'up' : 'down'} ${by}* to ${value} (from ${previous})`;
    }
    case 'new_topic':
      return `${icon} New in top topics: “${mrkdwnLabel(h.label, 60)}” — #${h.rank}, ${fmt.integer(h.count)} (${fmt.percent(h.share)} ${shareOfWords('topics', h.shareOfWhole)}), ${previousWords(h, fmt)}`;
    case 'new_misunderstood':
      return `${icon} *New misunderstood message:* “${mrkdwnLabel(h.label, 60)}” — ${counted(h.count, fmt.integer, 'time')} (${fmt.percent(h.share)} ${shareOfWords('misunderstood', h.shareOfWhole)}), ${previousWords(h, fmt)}`;
  }
}

/** What a new item had last period: "up from 5", "none last period", or "at most 48 last period" (a cut list). */
function previousWords(h: NewItemNumbers, fmt: Formatter): string {
  if (h.previousCount !== null) return `up from ${fmt.integer(h.previousCount)}`;
  return h.previousAtMost === 0 ? 'none last period' : `at most ${fmt.integer(h.previousAtMost)} last period`;
}

/** "1. Label — 1,234 (12.5%)" with a safe label. */
export function listLine(item: RankedItem, fmt: Formatter, labelMax: number, quote = false, label?: string): string {
  const text = label ?? mrkdwnLabel(item.label, labelMax);
  const shown = quote ? `“${text}”` : text;
  return `${fmt.integer(item.rank)}. ${shown} — ${fmt.integer(item.count)} (${fmt.percent(item.share)})`;
}

export function moreLine(n: number, fmt: Formatter): string {
  return `_… and ${fmt.integer(n)} more_`;
}

/** True when a list has something to show. */
export function hasItems(list: RankedList): boolean {
  return list.available && list.items.length > 0;
}

/** Whether a drill-down view has data worth a button. */
export function viewHasData(view: DrilldownView, insights: Insights): boolean {
  switch (view) {
    case 'topics':
      return hasItems(insights.topTopics);
    case 'misunderstood':
      return hasItems(insights.topMisunderstood);
    case 'intents':
      return hasItems(insights.topIntents);
    case 'costs':
      return (
        insights.headline.totalCost.value !== null || insights.headline.averageCost.value !== null || hasItems(insights.tokens.byModel)
      );
    case 'countries':
      return hasItems(insights.countries);
    case 'ended_reasons':
      return hasItems(insights.endedReasons);
  }
}

/** Ended reasons arrive as identifiers ("customer-ended-call"): make them read as words. */
export function humaniseReason(reason: string): string {
  const words = reason.replace(/[-_.]+/g, ' ').trim();
  return words === '' ? reason : words.charAt(0).toUpperCase() + words.slice(1);
}
