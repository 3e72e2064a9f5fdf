/**
 * The overview message: ranked rows with a "Full stats" button each, quiet projects grouped in one line, the
 * projects still loading, and Slack's limits kept with 100 (and 1,000) projects, checked by the Slack double's
 * own validator.
 */
import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../src/digest/terminal.ts';
import { buildOverview } from '../../src/overview/build.ts';
import { decodeMask, decodeOverviewRef, projectsFingerprint } from '../../src/overview/ref.ts';
import { renderOverview } from '../../src/overview/render.ts';
import { packLines, renderOverviewList } from '../../src/overview/render-list.ts';
import type { OverviewModel, ProjectOutcome } from '../../src/overview/types.ts';
import { DEMO_PROJECTS } from '../../src/sandbox/demo-projects.ts';
import { syntheticProjects } from '../../src/sandbox/synthetic.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { keyOf, okOutcome, overviewButtons, overviewProject, PERIOD, sectionTexts } from '../support/overview.ts';
import { unsafeMarkup } from '../support/slack-limits.ts';

const demo = (id: string) => DEMO_PROJECTS.find((p) => p.id === id)!;
const demoOutcomes: ProjectOutcome[] = [
  ...['proj_demo_text', 'proj_demo_voice', 'proj_demo_empty', 'proj_demo_clinic', 'proj_demo_degrading'].map((id) => okOutcome(demo(id))),
  {
    project: { key: 'echo', id: 'proj_demo_broken', name: 'Echo Hotel Concierge' },
    status: 'failed',
    reason: 'unavailable',
    transient: true,
  },
];

/** `count` synthetic projects: every 9th fails, every 11th is still loading, the rest answer. */
function manyProjects(count: number, options: { quietEvery?: number } = {}) {
  const projects = syntheticProjects(count, options);
  const outcomes = projects.map((p, i): ProjectOutcome => {
    if (i % 9 === 4)
      return { project: overviewProject(p), status: 'failed', reason: i % 2 ? 'rate_limited' : 'malformed', transient: true };
    if (i % 11 === 5) return { project: overviewProject(p), status: 'loading' };
    return okOutcome(p);
  });
  return { projects, keys: projects.map(keyOf), model: buildOverview(outcomes, PERIOD) };
}

function expectValid(message: { text: string; blocks: unknown[] }): void {
  expect(validateMessage(message as unknown as Record<string, unknown>)).toEqual({ ok: true });
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(unsafeMarkup(message as never)).toEqual([]);
}

describe('renderOverview on the demo projects', () => {
  const model = buildOverview(demoOutcomes, PERIOD);
  const keys = ['acme', 'bella', 'quiet', 'cara', 'nova', 'echo'];
  const message = renderOverview(model, { projectKeys: keys, locale: 'en-US' });

  it('leads with the unhealthy project, then the training gap, keeps the failing one with "no data: why", groups the quiet one at the end', () => {
    expectValid(message);
    const rows = sectionTexts(message);
    expect(rows[0]).toMatch(/^:red_circle: \*Nova Telecom Help\*\n/);
    expect(rows[0]).toContain('understood ▼');
    expect(rows[0]).toContain(':warning: *Understood rate fell');
    expect(rows[1]).toMatch(/^:red_circle: \*Acme Support Bot\*\n/);
    expect(rows[1]).toContain(':warning: *New misunderstood message:* \u201chow do I use my loyalty points?\u201d');
    expect(rows[2]).toBe(':white_circle: *Echo Hotel Concierge*\nno data: ChatDash isn\u2019t answering (server error)');
    expect(rows.at(-1)).toBe(':zzz: *1 quiet*: Quiet Bot');
    expect(message.text).toMatch(
      /^Agency overview, Last 7 days: 6 projects\. Needs attention: Nova Telecom Help, Acme Support Bot\. No data: Echo Hotel Concierge\. 1 quiet\.$/,
    );
  });

  it('has short lines for a phone: every numbers line within 50 characters', () => {
    for (const row of sectionTexts(message).slice(0, 5)) {
      const [, ...lines] = row.split('\n');
      for (const line of lines.filter((l) => !l.startsWith(':'))) expect(line.length, line).toBeLessThanOrEqual(50);
    }
    expect(renderForTerminal(message)).toContain(':red_circle: Nova Telecom Help  [ Full stats ]');
  });

  it('gives every row a "Full stats" button that names its project and the period, and the quiet line a "List them" button', () => {
    const buttons = overviewButtons(message);
    expect(buttons.map((b) => b.action_id)).toEqual([
      'overview:project:nova',
      'overview:project:acme',
      'overview:project:echo',
      'overview:project:cara',
      'overview:project:bella',
      'overview:list:quiet',
    ]);
    const first = decodeOverviewRef(buttons[0]!.value);
    expect(first).toMatchObject({ o: 'p', project: 'proj_demo_degrading', period: PERIOD, locale: 'en-US' });
    const quiet = decodeOverviewRef(buttons.at(-1)!.value);
    if (quiet?.o !== 'l') throw new Error('expected a list reference');
    expect(quiet.fp).toBe(projectsFingerprint(keys));
    expect(decodeMask(keys, quiet.mask)).toEqual(['quiet']);
  });

  it('without buttons, or without the configuration\u2019s keys, leaves the buttons out', () => {
    expect(overviewButtons(renderOverview(model, { buttons: false }))).toEqual([]);
    expect(overviewButtons(renderOverview(model)).map((b) => b.action_id)).not.toContain('overview:list:quiet');
  });
});

describe('renderOverview with 100 projects', () => {
  const { model, keys, projects } = manyProjects(100, { quietEvery: 3 });

  it('stays within Slack\u2019s limits: 25 rows, then "… and N more projects" and "… and N more quiet projects", each with a button', () => {
    const message = renderOverview(model, { projectKeys: keys });
    expectValid(message);
    const buttons = overviewButtons(message);
    expect(buttons.filter((b) => b.action_id.startsWith('overview:project:'))).toHaveLength(25);
    const texts = sectionTexts(message);
    const hidden = model.rows.slice(25);
    expect(hidden.length).toBeGreaterThan(0);
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^\\*… and ${hidden.length} more projects\\*`)));
    expect(texts.at(-1)).toMatch(/^:zzz: \*\d+ quiet\*: .+ … and \d+ more quiet projects$/);

    const more = decodeOverviewRef(buttons.find((b) => b.action_id === 'overview:list:more')!.value);
    if (more?.o !== 'l') throw new Error('expected a list reference');
    expect(decodeMask(keys, more.mask).sort()).toEqual(hidden.map((r) => r.project.key).sort());
    const quiet = decodeOverviewRef(buttons.find((b) => b.action_id === 'overview:list:quiet')!.value);
    if (quiet?.o !== 'l') throw new Error('expected a list reference');
    expect(decodeMask(keys, quiet.mask).sort()).toEqual(model.quiet.map((r) => r.project.key).sort());
    // The unsafe names (`<Premium>`, `&`) are escaped, right-to-left ones isolated.
    expect(JSON.stringify(message.blocks)).toContain('&lt;Premium&gt;');
    expect(projects).toHaveLength(100);
  });

  it('names the projects still loading, and asks to try again', () => {
    const message = renderOverview(model, { projectKeys: keys });
    const loading = (message.blocks as Array<{ type: string; elements?: Array<{ text?: string }> }>)
      .filter((b) => b.type === 'context')
      .map((b) => b.elements?.[0]?.text ?? '')
      .find((t) => t.includes('still loading'));
    expect(model.loading.length).toBeGreaterThan(0);
    expect(loading).toMatch(
      new RegExp(
        `^:hourglass_flowing_sand: … ${model.loading.length} projects still loading \\(Client 005 .*\\), try again in a minute with \`/chatdash overview\`\\.$`,
      ),
    );
  });

  it('never exceeds 50 blocks whatever maxRows asks', () => {
    for (const maxRows of [0, 1, 40, 45, 1_000, Number.NaN]) {
      const message = renderOverview(model, { projectKeys: keys, maxRows: Number.isNaN(maxRows) ? 25 : maxRows });
      expectValid(message);
    }
  });
});

describe('renderOverviewList (the thread reply of "List them")', () => {
  it('lists 100 projects one line each, within Slack\u2019s limits', () => {
    const { model } = manyProjects(100);
    const message = renderOverviewList(model, { which: 'more' });
    expectValid(message);
    const text = sectionTexts(message).join('\n');
    for (const row of [...model.rows, ...model.quiet]) expect(text).toContain(`\`${row.project.key}\``);
    expect(text).toMatch(/`c004`: no data: ChatDash sent an answer I couldn\u2019t read/);
  });

  it('with 1,000 projects ends in "… and N more" and still fits', () => {
    const { model } = manyProjects(1_000);
    const message = renderOverviewList(model, { which: 'quiet' });
    expectValid(message);
    expect(sectionTexts(message).at(-1)).toMatch(/^_… and \d+ more_$/);
  });

  it('packs lines into sections of at most 3,000 characters', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(400, 'x'));
    const packs = packLines(lines, 3000);
    expect(packs.every((p) => p.length <= 3000)).toBe(true);
    expect(packs.join('\n')).toBe(lines.join('\n'));
  });
});

describe('edge cases', () => {
  it('renders an overview whose projects are all still loading, and one with none', () => {
    const loading: OverviewModel = {
      period: PERIOD,
      rows: [],
      quiet: [],
      loading: [{ key: 'a', id: 'a', name: 'A & <B>' }],
      hasPrevious: false,
    };
    const message = renderOverview(loading);
    expectValid(message);
    expect(JSON.stringify(message.blocks)).toContain('1 project still loading (A &amp; &lt;B&gt;)');
    expectValid(renderOverview({ ...loading, loading: [] }));
  });
});
