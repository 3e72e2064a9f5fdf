/**
 * A drill-down: the full list behind one digest button (or @mention word), cut to Slack's limits with
 * "… and N more". Pure; untrusted labels are escaped.
 */
import type { KnownBlock } from '@slack/types';
import type { Insights, RankedItem, RankedList } from '../insights/types.ts';
import type { DrilldownView } from '../insights/views.ts';
import { actions, capBlocks, context, fields, header, type SlackMessage, section, slackFileImage } from './blocks.ts';
import { dashboardLinkButton } from './dashboard-link.ts';
import { type Formatter, NOT_AVAILABLE } from './format.ts';
import { PRACTICAL_LIMITS, SLACK_LIMITS } from './limits.ts';
import { cleanLabel, escapeAndTruncate, mrkdwnLabel, truncateEscaped } from './mrkdwn.ts';
import { counted, noun } from './plural.ts';
import { type RenderOptions, renderContext } from './render-digest.ts';
import { formatHeadlineValue, hasItems, headlineChange, humaniseReason, listLine, moreLine, shareNote, VIEW_TITLES } from './wording.ts';

/** Flag emoji for an ISO 3166-1 alpha-2 code, a white flag for anything else. */
export function flagEmoji(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return '🏳️';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** Display name of a country code in the locale, or undefined when Intl does not know it. */
export function countryName(code: string, locale: string): string | undefined {
  // ZZ is CLDR's "Unknown Region": not a country.
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return undefined;
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pack list lines into section texts: each ≤ 3000 chars, at most `maxSections` sections, `maxItems` items
 * and `maxChars` in all. Whatever is left out is reported in a final "… and N more" line.
 */
export function packLines(
  lines: readonly string[],
  limits: { maxSections: number; maxItems: number; maxChars: number },
  more: (n: number) => string,
): string[] {
  const sections: string[] = [];
  let current = '';
  let total = 0;
  let used = 0;
  const moreRoom = 1 + more(lines.length).length;
  const maxSections = Math.max(1, limits.maxSections);
  for (const line of lines) {
    if (used >= limits.maxItems) break;
    const piece = truncateEscaped(line, SLACK_LIMITS.sectionText - moreRoom);
    // Always keep room for the "more" line in the running section and the overall budget.
    if (total + piece.length + 1 + moreRoom > limits.maxChars) break;
    if (current !== '' && current.length + 1 + piece.length + moreRoom > SLACK_LIMITS.sectionText) {
      if (sections.length + 1 >= maxSections) break;
      sections.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n${piece}`;
    total += piece.length + 1;
    used++;
  }
  const left = lines.length - used;
  if (left > 0) current = current === '' ? more(left) : `${current}\n${more(left)}`;
  if (current !== '') sections.push(current);
  return sections;
}

interface ViewContent {
  /** Summary blocks above the list. */
  summary: KnownBlock[];
  list: RankedList | undefined;
  line: (item: RankedItem) => string;
  /** Plain words for the fallback text, per item (escaped). */
  word: (item: RankedItem) => string;
  /** What the items are, singular and plural. */
  noun: [string, string];
}

function content(view: DrilldownView, insights: Insights, fmt: Formatter): ViewContent {
  const labelMax = PRACTICAL_LIMITS.drilldownLabel;
  const plainWord = (text: string): string => escapeAndTruncate(cleanLabel(text), 40);
  switch (view) {
    case 'topics':
      return {
        summary: [],
        list: insights.topTopics,
        line: (item) => listLine(item, fmt, labelMax),
        word: (item) => plainWord(item.label),
        noun: ['topic', 'topics'],
      };
    case 'misunderstood': {
      const u = insights.understood;
      const rate = insights.headline.understoodRate;
      const summary =
        u && u.total > 0
          ? [
              section(
                `${fmt.integer(u.missed)} of ${counted(u.total, fmt.integer, 'message')} not understood · understood rate ${fmt.percent(rate.value)}`,
              ),
            ]
          : [];
      return {
        summary,
        list: insights.topMisunderstood,
        line: (item) => listLine(item, fmt, labelMax, true),
        word: (item) => `“${plainWord(item.label)}”`,
        noun: ['misunderstood message', 'misunderstood messages'],
      };
    }
    case 'intents': {
      const u = insights.understood;
      // ChatDash returns its top intents: their sum is a floor, not every message that matched an intent.
      const matched = insights.topIntents.shareOfWhole ? 'matched an intent' : 'matched the listed intents';
      const parts = [`${counted(insights.topIntents.total, fmt.integer, 'message')} ${matched}`];
      if (u && u.total > 0) parts.push(`understood rate ${fmt.percent(insights.headline.understoodRate.value)}`);
      return {
        summary: hasItems(insights.topIntents) ? [section(parts.join(' · '))] : [],
        list: insights.topIntents,
        line: (item) => listLine(item, fmt, labelMax),
        word: (item) => plainWord(item.label),
        noun: ['intent', 'intents'],
      };
    }
    case 'costs': {
      const h = insights.headline;
      const field = (key: 'totalCost' | 'averageCost', title: string): string => {
        const m = h[key];
        const change = headlineChange(insights.hasPrevious, key, m, fmt, m.currency);
        return `*${title}*\n${formatHeadlineValue(key, m.value, fmt, m.currency)}${change ? `  ${change}` : ''}`;
      };
      const tokens = insights.tokens.total;
      // Tokens are a count: format their change like conversations.
      const tokenChange = headlineChange(insights.hasPrevious, 'conversations', tokens, fmt, null);
      return {
        summary: [
          fields([
            field('totalCost', 'Total cost'),
            field('averageCost', 'Cost / conversation'),
            `*Tokens*\n${fmt.integer(tokens.value)}${tokenChange ? `  ${tokenChange}` : ''}`,
            `*Conversations*\n${fmt.integer(h.conversations.value)}`,
          ]),
        ],
        list: insights.tokens.byModel,
        line: (item) =>
          `${fmt.integer(item.rank)}. ${mrkdwnLabel(item.label, labelMax)} — ${counted(item.count, fmt.integer, 'token')} (${fmt.percent(item.share)})`,
        word: (item) => plainWord(item.label),
        noun: ['model', 'models'],
      };
    }
    case 'countries': {
      const label = (item: RankedItem): string => {
        const name = countryName(item.key, fmt.locale);
        // A flag only for codes Intl knows as a region; anything else is shown as the (escaped) raw id.
        return name === undefined
          ? `${flagEmoji('')} ${mrkdwnLabel(item.label, labelMax)}`
          : `${flagEmoji(item.key)} ${mrkdwnLabel(name, labelMax)} (${item.key})`;
      };
      return {
        summary: [],
        list: insights.countries,
        line: (item) => listLine(item, fmt, labelMax, false, label(item)),
        word: (item) => plainWord(countryName(item.key, fmt.locale) ?? item.label),
        noun: ['country', 'countries'],
      };
    }
    case 'ended_reasons': {
      const minutes = insights.headline.callMinutes;
      return {
        summary: minutes.value !== null ? [section(`Call time: ${fmt.duration(minutes.value)}`)] : [],
        list: insights.endedReasons,
        line: (item) => listLine(item, fmt, labelMax, false, mrkdwnLabel(humaniseReason(item.label), labelMax)),
        word: (item) => plainWord(humaniseReason(item.label)),
        noun: ['reason', 'reasons'],
      };
    }
  }
}

export function renderDrilldown(view: DrilldownView, insights: Insights, options: RenderOptions): SlackMessage {
  const ctx = renderContext(insights, options);
  const { fmt } = ctx;
  const c = content(view, insights, fmt);
  const title = VIEW_TITLES[view];
  const blocks: KnownBlock[] = [header(ctx.headerText(title)), context([ctx.periodLine]), ...c.summary];
  blocks.push(...(options.images ?? []).map(slackFileImage));
  // Right above the list: what its percentages are of (ChatDash returns top lists, so not always the whole).
  if (c.list?.available && c.list.items.length > 0) blocks.push(context([shareNote(view, c.list, fmt)]));
  const list = c.list;
  const link = dashboardLinkButton(options.dashboardUrl);

  let text: string;
  if (!list?.available) {
    blocks.push(section(`*${title}*: ${NOT_AVAILABLE} — ChatDash did not return this metric for the period.`));
    text = `${title} for ${ctx.plainName}, ${ctx.periodWords}: not available.`;
  } else if (list.items.length === 0) {
    blocks.push(section(`Nothing recorded in ${ctx.periodWords}.`));
    text = `${title} for ${ctx.plainName}, ${ctx.periodWords}: nothing recorded.`;
  } else {
    // Header, context, summary, link and footer stay; the rest of the 50 blocks may carry the list.
    const room = SLACK_LIMITS.blocksPerMessage - blocks.length - (link ? 2 : 1);
    const sections = packLines(
      list.items.map(c.line),
      { maxSections: room, maxItems: PRACTICAL_LIMITS.drilldownItems, maxChars: PRACTICAL_LIMITS.drilldownChars },
      (n) => moreLine(n, fmt),
    );
    blocks.push(...sections.map((s) => section(s)));
    const top = list.items.slice(0, 3).map(c.word).join(', ');
    const count = list.items.length;
    text = `${title} for ${ctx.plainName}, ${ctx.periodWords}: ${fmt.integer(count)} ${noun(count, ...c.noun)}. Top: ${top}.`;
  }
  if (link) blocks.push(actions([link]));
  blocks.push(context([ctx.footer]));
  return { text: truncateEscaped(text, SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks) };
}
