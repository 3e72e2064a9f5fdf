/**
 * The agency overview as one Slack message: a row per project, ranked by what needs attention, each with a
 * "Full stats" button; then "… and N more projects" and the quiet projects, one line each, with a button that
 * lists them in the thread; then the projects still loading. Pure; within Slack's limits by construction (at
 * most 46 blocks, whatever the number of projects), every project name escaped and cut on grapheme boundaries.
 */
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { button, capBlocks, context, header, type SlackMessage, section } from '../digest/blocks.ts';
import type { CurrencyDisplay, Formatter } from '../digest/format.ts';
import { SLACK_LIMITS } from '../digest/limits.ts';
import { escapeAndTruncate, mrkdwnLabel, truncateEscaped } from '../digest/mrkdwn.ts';
import { noun } from '../digest/plural.ts';
import type { Period } from '../periods/period.ts';
import { type ListWhich, listActionId, projectActionId } from './action-ids.ts';
import { OVERVIEW_LIMITS } from './limits.ts';
import { encodeMask, encodeOverviewRef, projectsFingerprint } from './ref.ts';
import type { OverviewModel, OverviewProject, OverviewRow } from './types.ts';
import { overviewFormatter, projectsWord, QUIET_MEANS, rowText } from './wording.ts';

export const DEFAULT_TITLE = 'Agency overview';
/** Rows never exceed this, whatever `maxRows` asks: 40 rows + 6 other blocks stay under Slack's 50. */
const MAX_ROWS = 40;

export interface OverviewRenderOptions {
  /** BCP 47 locale for numbers and dates (default en-US). */
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
  /** The header (default "Agency overview"). */
  title?: string;
  /** "Full stats" and "List them" buttons (default true). */
  buttons?: boolean;
  /** The configuration's project keys in order, which "List them" buttons refer to (default none: no list buttons). */
  projectKeys?: readonly string[];
  /** Rows shown before "… and N more projects" (default `OVERVIEW_LIMITS.rows`, at most 40). */
  maxRows?: number;
}

/** "*Last 7 days* · Nov 10 – 16, 2026 · Europe/Paris" */
export function periodLine(period: Period, fmt: Formatter): string {
  const zone = mrkdwnLabel(period.timeZone.replace(/_/g, ' '), 64);
  return `*${mrkdwnLabel(period.label, 100)}* · ${fmt.dateRange(period, period.timeZone)} · ${zone}`;
}

/** Names joined by ", " within `max` characters; `rest` is how many did not fit. */
export function someNames(projects: readonly OverviewProject[], max: number): { names: string; rest: number } {
  const kept: string[] = [];
  let used = 0;
  for (const p of projects) {
    const name = mrkdwnLabel(p.name, 40);
    if (kept.length > 0 && used + 2 + name.length > max) break;
    kept.push(name);
    used += (kept.length > 1 ? 2 : 0) + name.length;
  }
  return { names: kept.join(', '), rest: projects.length - kept.length };
}

function summaryLine(model: OverviewModel, fmt: Formatter): string {
  const count = (status: OverviewRow['status']) => model.rows.filter((r) => r.status === status).length;
  const total = model.rows.length + model.quiet.length + model.loading.length;
  const parts = [projectsWord(total, fmt)];
  const attention = count('attention');
  if (attention > 0) parts.push(`:red_circle: ${fmt.integer(attention)} ${attention === 1 ? 'needs' : 'need'} attention`);
  const noData = count('no_data');
  if (noData > 0) parts.push(`${fmt.integer(noData)} with no data`);
  if (model.quiet.length > 0) parts.push(`${fmt.integer(model.quiet.length)} quiet`);
  if (model.loading.length > 0) parts.push(`${fmt.integer(model.loading.length)} still loading`);
  return parts.join(' · ');
}

function moreText(hidden: readonly OverviewRow[], fmt: Formatter): string {
  const attention = hidden.filter((r) => r.status === 'attention').length;
  const noData = hidden.filter((r) => r.status === 'no_data').length;
  const parts = [
    ...(attention > 0 ? [`${fmt.integer(attention)} needing attention`] : []),
    ...(noData > 0 ? [`${fmt.integer(noData)} with no data`] : []),
  ];
  return `*… and ${fmt.integer(hidden.length)} more ${noun(hidden.length, 'project')}*${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function quietText(quiet: readonly OverviewProject[], fmt: Formatter): string {
  const { names, rest } = someNames(quiet, OVERVIEW_LIMITS.quietNamesChars);
  const more = rest > 0 ? ` … and ${fmt.integer(rest)} more quiet ${noun(rest, 'project')}` : '';
  return `:zzz: *${fmt.integer(quiet.length)} quiet*: ${names}${more}`;
}

/** "… 3 projects still loading (A, B, C), try again …" */
export function loadingText(loading: readonly OverviewProject[], fmt: Formatter): string {
  const { names, rest } = someNames(loading, OVERVIEW_LIMITS.loadingNamesChars);
  const list = rest > 0 ? `${names} … and ${fmt.integer(rest)} more` : names;
  return `:hourglass_flowing_sand: … ${projectsWord(loading.length, fmt)} still loading (${list}), try again in a minute with \`/chatdash overview\`.`;
}

export function footerText(model: OverviewModel, fmt: Formatter): string {
  const parts = ['Data: ChatDash'];
  if (model.quiet.length > 0) parts.unshift(QUIET_MEANS);
  if (model.hasPrevious) parts.unshift(`Compared with ${fmt.dateRange(model.period.previous, model.period.timeZone)}`);
  return parts.join(' · ');
}

function fallbackText(model: OverviewModel, title: string, fmt: Formatter): string {
  const names = (rows: readonly OverviewRow[]) => rows.map((r) => mrkdwnLabel(r.project.name, 60)).join(', ');
  const total = model.rows.length + model.quiet.length + model.loading.length;
  const parts = [`${escapeAndTruncate(title, 60)}, ${mrkdwnLabel(model.period.label, 100)}: ${projectsWord(total, fmt)}.`];
  const attention = model.rows.filter((r) => r.status === 'attention');
  if (attention.length > 0) parts.push(`Needs attention: ${names(attention.slice(0, 10))}${attention.length > 10 ? ', …' : ''}.`);
  const noData = model.rows.filter((r) => r.status === 'no_data');
  if (noData.length > 0) parts.push(`No data: ${names(noData.slice(0, 10))}${noData.length > 10 ? ', …' : ''}.`);
  if (model.quiet.length > 0) parts.push(`${fmt.integer(model.quiet.length)} quiet.`);
  if (model.loading.length > 0) parts.push(`${projectsWord(model.loading.length, fmt)} still loading.`);
  return truncateEscaped(parts.join(' '), SLACK_LIMITS.fallbackText);
}

function withAccessory(block: SectionBlock, accessory: Button | undefined): SectionBlock {
  return accessory ? { ...block, accessory } : block;
}

export function renderOverview(model: OverviewModel, options: OverviewRenderOptions = {}): SlackMessage {
  const fmt = overviewFormatter(options);
  const title = options.title ?? DEFAULT_TITLE;
  const buttons = options.buttons !== false;
  const maxRows = Math.max(0, Math.min(MAX_ROWS, Math.floor(options.maxRows ?? OVERVIEW_LIMITS.rows)));
  const formatting = {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.currencyDisplay ? { currencyDisplay: options.currencyDisplay } : {}),
  };

  const rowButton = (project: OverviewProject): Button | undefined => {
    if (!buttons) return undefined;
    const value = encodeOverviewRef({ v: 1, o: 'p', project: project.id, period: model.period, ...formatting });
    return value === undefined ? undefined : button('Full stats', projectActionId(project.key), value);
  };
  const listButton = (which: ListWhich, projects: readonly OverviewProject[]): Button | undefined => {
    const keys = options.projectKeys;
    if (!buttons || !keys) return undefined;
    const mask = encodeMask(
      keys,
      projects.map((p) => p.key),
    );
    const value = encodeOverviewRef({ v: 1, o: 'l', which, mask, fp: projectsFingerprint(keys), period: model.period, ...formatting });
    return value === undefined ? undefined : button('List them', listActionId(which), value);
  };

  const shown = model.rows.slice(0, maxRows);
  const hidden = model.rows.slice(maxRows);
  const blocks: KnownBlock[] = [
    header(escapeAndTruncate(title, SLACK_LIMITS.headerText)),
    context([periodLine(model.period, fmt), summaryLine(model, fmt)]),
  ];
  for (const row of shown) blocks.push(withAccessory(section(rowText(row, fmt)), rowButton(row.project)));
  if (hidden.length > 0) {
    blocks.push(
      withAccessory(
        section(moreText(hidden, fmt)),
        listButton(
          'more',
          hidden.map((r) => r.project),
        ),
      ),
    );
  }
  if (model.quiet.length > 0) {
    const quiet = model.quiet.map((r) => r.project);
    blocks.push(withAccessory(section(quietText(quiet, fmt)), listButton('quiet', quiet)));
  }
  if (model.loading.length > 0) blocks.push(context([loadingText(model.loading, fmt)]));
  if (model.rows.length + model.quiet.length + model.loading.length === 0) blocks.push(section('No projects to show here.'));
  blocks.push(context([footerText(model, fmt)]));
  return { text: fallbackText(model, title, fmt), blocks: capBlocks(blocks) };
}
