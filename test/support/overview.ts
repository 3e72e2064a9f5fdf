/**
 * Shared helpers for the agency overview tests: realistic insights straight from the sandbox's pure generator (no
 * network), synthetic configurations with many projects, and the buttons of an overview message.
 */

import { agencyProjectKey } from '../../src/bench/overview-config.ts';
import { parseAnalytics } from '../../src/chatdash/schema.ts';
import { buildInsights } from '../../src/insights/build.ts';
import type { Insights } from '../../src/insights/types.ts';
import { OVERVIEW_METRICS } from '../../src/overview/limits.ts';
import type { OverviewProject, ProjectOutcome } from '../../src/overview/types.ts';
import type { Period } from '../../src/periods/period.ts';
import type { DemoProject } from '../../src/sandbox/demo-projects.ts';
import { DAY_MS, generateAnalytics } from '../../src/sandbox/generate.ts';

/** Last 7 days in Paris ending Mon 23 Nov 2026 00:00. */
export const PERIOD: Period = {
  start: '2026-11-15T23:00:00.000Z',
  end: '2026-11-22T23:00:00.000Z',
  previous: { start: '2026-11-08T23:00:00.000Z', end: '2026-11-15T23:00:00.000Z' },
  timeZone: 'Europe/Paris',
  days: 7,
  label: 'Last 7 days',
};
/** The sandbox's clock for these insights: the day the period ends (degrading projects slide up to it, emerging messages start before it). */
export const NOW_MS = Math.floor(Date.parse(PERIOD.end) / DAY_MS) * DAY_MS;

/** A sandbox project's insights for a period, computed with no I/O: generator → response schema → insights. */
export function sandboxInsights(project: DemoProject, period: Period = PERIOD, nowMs: number = NOW_MS): Insights {
  const answer = (start: string, end: string) =>
    parseAnalytics(generateAnalytics(project, Date.parse(start), Date.parse(end), OVERVIEW_METRICS, { nowMs }), OVERVIEW_METRICS)!;
  return buildInsights({ current: answer(period.start, period.end), previous: answer(period.previous.start, period.previous.end), period });
}

/** `proj_synth_007` → key `c007`, as `agencyConfig` names it. */
export function keyOf(project: Pick<DemoProject, 'id'>): string {
  return agencyProjectKey(project.id);
}

/** The demo configuration's keys of the demo projects; `keyOf` for the others. */
const DEMO_KEYS: Record<string, string> = {
  proj_demo_text: 'acme',
  proj_demo_voice: 'bella',
  proj_demo_empty: 'quiet',
  proj_demo_clinic: 'cara',
  proj_demo_degrading: 'nova',
  proj_demo_broken: 'echo',
};

export function overviewProject(project: DemoProject): OverviewProject {
  return { key: DEMO_KEYS[project.id] ?? keyOf(project), id: project.id, name: project.name };
}

export function okOutcome(project: DemoProject): ProjectOutcome {
  return { project: overviewProject(project), status: 'ok', insights: sandboxInsights(project) };
}

interface ButtonLike {
  action_id: string;
  value: string;
}

/** Every button of a message: section accessories and actions blocks, in block order. */
export function overviewButtons(message: { blocks?: unknown[] } | Record<string, unknown> | undefined): ButtonLike[] {
  const blocks = ((message as { blocks?: unknown[] } | undefined)?.blocks ?? []) as Array<{
    type?: string;
    accessory?: { type?: string; action_id?: string; value?: string };
    elements?: Array<{ type?: string; action_id?: string; value?: string }>;
  }>;
  const out: ButtonLike[] = [];
  for (const block of blocks) {
    const candidates = block.type === 'section' ? [block.accessory] : block.type === 'actions' ? (block.elements ?? []) : [];
    for (const b of candidates) {
      if (b?.type === 'button' && typeof b.action_id === 'string' && typeof b.value === 'string')
        out.push({ action_id: b.action_id, value: b.value });
    }
  }
  return out;
}

/** The text of each section block of a message, in order. */
export function sectionTexts(message: { blocks?: unknown[] } | Record<string, unknown> | undefined): string[] {
  const blocks = ((message as { blocks?: unknown[] } | undefined)?.blocks ?? []) as Array<{ type?: string; text?: { text?: string } }>;
  return blocks.filter((b) => b.type === 'section' && typeof b.text?.text === 'string').map((b) => b.text!.text!);
}
