/** The words of the overview: a project's row (several short lines, for a phone) and its one-line list form. */
import type { CurrencyDisplay, Formatter } from '../digest/format.ts';
import { createFormatter } from '../digest/format.ts';
import { mrkdwnLabel } from '../digest/mrkdwn.ts';
import { counted } from '../digest/plural.ts';
import { highlightLine } from '../digest/wording.ts';
import type { Headline, HeadlineKey } from '../insights/types.ts';
import { QUIET_BELOW } from './build.ts';
import { OVERVIEW_LIMITS } from './limits.ts';
import type { DataRow, NoDataReason, OverviewRow, RowStatus } from './types.ts';

/** "no data: <why>", short. */
export const NO_DATA_WHY: Record<NoDataReason, string> = {
  timeout: 'ChatDash took too long to answer',
  rate_limited: 'ChatDash is rate limiting, try again in a minute',
  unavailable: 'ChatDash isn\u2019t answering (server error)',
  malformed: 'ChatDash sent an answer I couldn\u2019t read',
  unauthorized: 'ChatDash refused the bot\u2019s API key',
  project_not_found: 'ChatDash doesn\u2019t know this project\u2019s id',
  bad_request: 'ChatDash refused the query',
  internal: 'something went wrong on my side',
};

export const STATUS_ICON: Record<RowStatus, string> = {
  attention: ':red_circle:',
  no_data: ':white_circle:',
  active: ':large_green_circle:',
  quiet: ':zzz:',
};

export const QUIET_MEANS = `Quiet: no conversations, or fewer than ${QUIET_BELOW} and nothing changed`;

export function overviewFormatter(options: { locale?: string | undefined; currencyDisplay?: CurrencyDisplay | undefined }): Formatter {
  return createFormatter({
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.currencyDisplay ? { currencyDisplay: options.currencyDisplay } : {}),
  });
}

/** "▲ 12%", "▼ 6.2 pts", "new", "=", or "" when there is nothing honest to compare. */
export function compactChange(hasPrevious: boolean, metric: HeadlineKey, h: Headline, fmt: Formatter): string {
  if (!hasPrevious || h.value === null) return '';
  const change = h.change;
  switch (change.kind) {
    case 'none':
      return '';
    case 'new':
      return h.previous === null ? '' : 'new';
    case 'same':
      return '=';
    case 'delta': {
      const arrow = change.absolute > 0 ? '▲' : '▼';
      if (metric === 'understoodRate') {
        return Math.abs(change.absolute) < 0.05 ? '=' : `${arrow} ${fmt.points(Math.abs(change.absolute)).replace(/^\+/, '')}`;
      }
      if (change.percent === null) return arrow;
      // Shown to one decimal: a move that rounds to 0.0% is no move to the reader.
      return Math.abs(change.percent) < 0.05 ? '=' : `${arrow} ${fmt.percentValue(change.percent)}`;
    }
  }
}

function withChange(value: string, change: string): string {
  return change ? `${value} ${change}` : value;
}

/** The three numbers of a row: conversations, understood rate, total cost, each with its change. */
export function rowNumbers(row: DataRow, fmt: Formatter): { conversations: string; understood: string; cost: string } {
  const { headline: h, hasPrevious } = row.insights;
  return {
    conversations: withChange(
      counted(h.conversations.value, fmt.integer, 'conversation'),
      compactChange(hasPrevious, 'conversations', h.conversations, fmt),
    ),
    understood: withChange(
      `${fmt.percent(h.understoodRate.value)} understood`,
      compactChange(hasPrevious, 'understoodRate', h.understoodRate, fmt),
    ),
    cost: withChange(fmt.money(h.totalCost.value, h.totalCost.currency), compactChange(hasPrevious, 'totalCost', h.totalCost, fmt)),
  };
}

function nameOf(row: OverviewRow): string {
  return `*${mrkdwnLabel(row.project.name, OVERVIEW_LIMITS.nameChars)}*`;
}

/**
 * A row of the message, short lines for a phone:
 *   :red_circle: *Nova Telecom Help*
 *   1,658 conversations ▲ 2.5%
 *   67.4% understood ▼ 13.9 pts · €112.40 ▲ 50%
 *   :warning: *Understood rate fell 13.9 pts* to 67.4% (from 81.3%)
 */
export function rowText(row: OverviewRow, fmt: Formatter): string {
  const lines = [`${STATUS_ICON[row.status]} ${nameOf(row)}`];
  if (row.status === 'no_data') {
    lines.push(`no data: ${NO_DATA_WHY[row.reason]}`);
  } else if (row.insights.isEmpty) {
    lines.push(`no conversations${emptyBefore(row, fmt)}`);
  } else {
    const n = rowNumbers(row, fmt);
    lines.push(n.conversations, `${n.understood} · ${n.cost}`);
  }
  const top = row.status === 'no_data' ? undefined : row.attention.top;
  if (top) lines.push(highlightLine(top, fmt));
  return lines.join('\n');
}

/** One line per project for the thread lists: "• *Name* `key`: numbers — what changed". */
export function listLine(row: OverviewRow, fmt: Formatter): string {
  const head = `${STATUS_ICON[row.status]} ${nameOf(row)} \`${row.project.key}\``;
  if (row.status === 'no_data') return `${head}: no data: ${NO_DATA_WHY[row.reason]}`;
  let numbers: string;
  if (row.insights.isEmpty) numbers = `no conversations${emptyBefore(row, fmt)}`;
  else {
    const n = rowNumbers(row, fmt);
    numbers = `${n.conversations} · ${n.understood} · ${n.cost}`;
  }
  const top = row.attention.top ? ` — ${highlightLine(row.attention.top, fmt)}` : '';
  return `${head}: ${numbers}${top}`;
}

function emptyBefore(row: DataRow, fmt: Formatter): string {
  const previous = row.insights.headline.conversations.previous;
  return row.insights.hasPrevious && previous !== null && previous > 0 ? ` (${fmt.integer(previous)} the period before)` : '';
}

/** "1 project" / "3 projects". */
export function projectsWord(n: number, fmt: Formatter): string {
  return counted(n, fmt.integer, 'project');
}
