/** The "Open in ChatDash" link button: on digests, empty digests and every drill-down when a URL is configured, else absent. */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_LINK_TEXT, dashboardLinkButton } from '../../src/digest/dashboard-link.ts';
import { DRILLDOWN_VIEWS } from '../../src/digest/drilldown-views.ts';
import { DASHBOARD_LINK_ACTION_ID } from '../../src/digest/link-action.ts';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { PROJECT, parsed, period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';
import { limitViolations } from '../support/slack-limits.ts';

const URL = 'https://app.chat-dash.com/projects/proj_123/analytics?range=7d&tab=overview';

const buttons = (blocks: KnownBlock[]): Button[] =>
  blocks.flatMap((b) => (b.type === 'actions' ? (b as ActionsBlock).elements.filter((e): e is Button => e.type === 'button') : []));
const links = (blocks: KnownBlock[]): Button[] => buttons(blocks).filter((b) => b.url !== undefined);

function expectValid(message: { text: string; blocks: KnownBlock[] }): void {
  expect(limitViolations(message)).toEqual([]);
  expect(validateMessage({ text: message.text, blocks: message.blocks as unknown[] })).toEqual({ ok: true });
}

const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
const empty = buildInsights({ current: parsed({ conversations: { counts: [0, 0], total: 0 } }), period: period() });

describe('Open in ChatDash', () => {
  it('ends the digest\u2019s buttons with a url button, action id link:…, no value', () => {
    const message = renderDigest(insights, { project: PROJECT, dashboardUrl: URL });
    expectValid(message);
    const all = buttons(message.blocks);
    expect(all.at(-1)).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: DASHBOARD_LINK_TEXT, emoji: true },
      action_id: DASHBOARD_LINK_ACTION_ID,
      url: URL,
    });
    // The drill-down buttons are all still there, before it.
    expect(all.slice(0, -1).every((b) => b.action_id?.startsWith('drilldown:'))).toBe(true);
    expect(message.blocks.at(-1)?.type).toBe('context');
  });

  it('is absent without a URL, and everything else unchanged', () => {
    const withLink = renderDigest(insights, { project: PROJECT, dashboardUrl: URL });
    const without = renderDigest(insights, { project: PROJECT });
    expect(links(without.blocks)).toEqual([]);
    expect(buttons(withLink.blocks).slice(0, -1)).toEqual(buttons(without.blocks));
    expect(withLink.text).toBe(without.text);
  });

  it('stays when drill-down buttons are off, and on an empty period', () => {
    const noButtons = renderDigest(insights, { project: PROJECT, dashboardUrl: URL, buttons: false });
    expectValid(noButtons);
    expect(buttons(noButtons.blocks).map((b) => b.action_id)).toEqual([DASHBOARD_LINK_ACTION_ID]);

    const quiet = renderDigest(empty, { project: PROJECT, dashboardUrl: URL });
    expectValid(quiet);
    expect(links(quiet.blocks).map((b) => b.url)).toEqual([URL]);
    expect(links(renderDigest(empty, { project: PROJECT }).blocks)).toEqual([]);
  });

  it('is on every drill-down, including unavailable and empty lists, within 50 blocks', () => {
    const huge = buildInsights({
      current: parsed({
        conversations: { counts: [], total: 10_000 },
        topTopics: Array.from({ length: 5000 }, (_, i) => ({ id: i, label: `topic ${i} ${'x'.repeat(150)}`, count: 5000 - i })),
      }),
      period: period(),
    });
    for (const source of [insights, empty, huge]) {
      for (const view of DRILLDOWN_VIEWS) {
        const message = renderDrilldown(view, source, { project: PROJECT, dashboardUrl: URL });
        expectValid(message);
        expect(links(message.blocks).map((b) => b.url)).toEqual([URL]);
        expect(message.blocks.at(-1)?.type).toBe('context');
        expect(links(renderDrilldown(view, source, { project: PROJECT }).blocks)).toEqual([]);
      }
    }
  });

  it('is left out (never a refused message) for a URL that would not pass the configuration check', () => {
    for (const bad of ['http://app.chat-dash.com/', 'https://u:p@app.chat-dash.com/', `https://a.com/${'x'.repeat(3000)}`, 'nope', '']) {
      expect(dashboardLinkButton(bad)).toBeUndefined();
      const message = renderDigest(insights, { project: PROJECT, dashboardUrl: bad });
      expectValid(message);
      expect(links(message.blocks)).toEqual([]);
    }
    expect(dashboardLinkButton(undefined)).toBeUndefined();
  });
});
