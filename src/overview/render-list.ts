/**
 * The projects an overview left out ("… and N more", the quiet ones), one line each, as a thread reply (or an
 * ephemeral one). Pure; within Slack's limits by construction: lines are packed into sections of at most 3,000
 * characters, and past ten sections (about 200 projects) the reply ends in "… and N more".
 */
import type { KnownBlock } from '@slack/types';
import { capBlocks, context, type SlackMessage, section } from '../digest/blocks.ts';
import type { CurrencyDisplay } from '../digest/format.ts';
import { SLACK_LIMITS } from '../digest/limits.ts';
import { truncateEscaped } from '../digest/mrkdwn.ts';
import type { ListWhich } from './action-ids.ts';
import { footerText, loadingText, periodLine } from './render.ts';
import type { OverviewModel } from './types.ts';
import { listLine, overviewFormatter, projectsWord } from './wording.ts';

/** Sections of lines at most (10 × 3,000 characters: about 200 projects), so a reply stays readable. */
const LINE_SECTIONS = 10;

export interface OverviewListOptions {
  which: ListWhich;
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
}

/** Greedy packing of lines into texts of at most `max` characters (a line longer than `max` is cut). */
export function packLines(lines: readonly string[], max: number): string[] {
  const packs: string[] = [];
  let current = '';
  for (const line of lines) {
    const fitted = truncateEscaped(line, max);
    if (current !== '' && current.length + 1 + fitted.length > max) {
      packs.push(current);
      current = '';
    }
    current = current === '' ? fitted : `${current}\n${fitted}`;
  }
  if (current !== '') packs.push(current);
  return packs;
}

export function renderOverviewList(model: OverviewModel, options: OverviewListOptions): SlackMessage {
  const fmt = overviewFormatter(options);
  const rows = [...model.rows, ...model.quiet];
  const title = options.which === 'quiet' ? 'Quiet projects' : 'More projects';
  const lines = rows.map((row) => listLine(row, fmt));
  let packs = packLines(lines, SLACK_LIMITS.sectionText);
  if (packs.length > LINE_SECTIONS) {
    const kept = packs.slice(0, LINE_SECTIONS - 1);
    const shownLines = kept.reduce((n, pack) => n + pack.split('\n').length, 0);
    packs = [...kept, `_… and ${fmt.integer(lines.length - shownLines)} more_`];
  }
  const blocks: KnownBlock[] = [
    section(`*${title}* · ${projectsWord(rows.length + model.loading.length, fmt)}\n${periodLine(model.period, fmt)}`),
  ];
  for (const pack of packs) blocks.push(section(pack));
  if (model.loading.length > 0) blocks.push(context([loadingText(model.loading, fmt)]));
  blocks.push(context([footerText(model, fmt)]));
  return {
    text: truncateEscaped(`${title}: ${projectsWord(rows.length + model.loading.length, fmt)}.`, SLACK_LIMITS.fallbackText),
    blocks: capBlocks(blocks),
  };
}
