/** renderDrilldown: each view's list (intents led by how many messages matched), long lists cut with "… and N more", hostile data. Pure. */
import type { HeaderBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../../src/digest/blocks.ts';
import { DRILLDOWN_VIEWS } from '../../src/digest/drilldown-views.ts';
import { PRACTICAL_LIMITS } from '../../src/digest/limits.ts';
import { type RenderOptions, renderDigest } from '../../src/digest/render-digest.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import {
  hostileAnalytics,
  hostileProject,
  PROJECT,
  parsed,
  period,
  textBot,
  textBotPrevious,
  voiceBot,
} from '../support/analytics-fixtures.ts';
import { allTexts, expectSafe, sectionTexts } from '../support/slack-limits.ts';

const OPTIONS: RenderOptions = { project: PROJECT };

const sections = (blocks: KnownBlock[]): string[] => blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

describe('renderDrilldown', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });

  it('lists all topics with counts and share', () => {
    const m = renderDrilldown('topics', insights, OPTIONS);
    expect((m.blocks[0] as HeaderBlock).text.text).toBe('Topics: Acme Shop');
    const all = sectionTexts(m.blocks);
    // Of all 915 conversations (the top list adds up to 795), and the message says so above the list.
    expect(all).toContain('7. Careers — 15 (1.6%)');
    expect(allTexts(m).map((t) => t.text)).toContain('Percentages are of all 915 conversations.');
    expect(all).not.toContain('more');
    expect(m.text).toContain('7 topics');
    expectSafe(m);
  });

  it('shows countries with flags and localised names', () => {
    const en = sectionTexts(renderDrilldown('countries', insights, OPTIONS).blocks);
    expect(en).toContain('1. 🇫🇷 France (FR) — 600 (65.6%)');
    const de = sectionTexts(renderDrilldown('countries', insights, { ...OPTIONS, locale: 'de-DE' }).blocks);
    expect(de).toContain('🇩🇪 Deutschland (DE)');
    const odd = buildInsights({
      current: textBot({
        conversationsByCountry: [
          { id: '<!here>', value: 3 },
          { id: 'ZZ', value: 1 },
        ],
      }),
      period: period(),
    });
    const oddText = sectionTexts(renderDrilldown('countries', odd, OPTIONS).blocks);
    expect(oddText).toContain('🏳️ &lt;!here&gt;');
    expect(oddText).toContain('🏳️ ZZ');
  });

  it('shows costs and tokens per model', () => {
    const m = renderDrilldown('costs', insights, OPTIONS);
    const all = sectionTexts(m.blocks);
    expect(all).toContain('*Total cost*\n€45.75  ▲ 22% (+€8.25)');
    expect(all).toContain('1. gpt-4o-mini — 1,800,000 tokens (80%)');
  });

  it('shows ended reasons as words, and says when a list is unavailable or empty', () => {
    const voice = buildInsights({ current: voiceBot(), period: period() });
    const reasons = sectionTexts(renderDrilldown('ended_reasons', voice, OPTIONS).blocks);
    expect(reasons).toContain('1. Customer ended call — 140 (65.1%)');
    expect(reasons).toContain('Call time: 10 h 45 min');
    expect(sectionTexts(renderDrilldown('ended_reasons', insights, OPTIONS).blocks)).toContain('Nothing recorded');
    const noTopics = textBot();
    delete noTopics.data.topTopics;
    const m = renderDrilldown('topics', buildInsights({ current: noTopics, period: period() }), OPTIONS);
    expect(sectionTexts(m.blocks)).toContain('n/a');
    expect(m.text).toContain('not available');
  });

  it('cuts long lists with "… and N more" that adds up', () => {
    const many = buildInsights({
      current: textBot({ topTopics: Array.from({ length: 10_000 }, (_, i) => ({ id: i, label: `Topic ${i}`, count: 10_000 - i })) }),
      period: period(),
    });
    const m = renderDrilldown('topics', many, OPTIONS);
    const all = sectionTexts(m.blocks);
    const shown = all.split('\n').filter((l) => /^\d+\. Topic/.test(l)).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThanOrEqual(PRACTICAL_LIMITS.drilldownItems);
    expect(all.length).toBeLessThanOrEqual(PRACTICAL_LIMITS.drilldownChars + 1000);
    expect(all).toContain(`_… and ${(10_000 - shown).toLocaleString('en-US')} more_`);
    expectSafe(m);
  });
});

describe('renderDrilldown: intents', () => {
  it('lists intents with count and share, after how many messages matched one', () => {
    const insights = buildInsights({
      current: textBot({
        topIntents: [
          { name: 'opening_hours', count: 230 },
          { name: 'delivery', count: 180 },
          { name: 'returns', count: 90 },
        ],
      }),
      period: period(),
    });
    const message = renderDrilldown('intents', insights, OPTIONS);
    expectSafe(message);
    expect(validateMessage({ text: message.text, blocks: message.blocks as unknown[] })).toEqual({ ok: true });
    const [header] = message.blocks;
    expect(header).toMatchObject({ type: 'header', text: { text: 'Intents: Acme Shop' } });
    expect(sections(message.blocks)).toEqual([
      // ChatDash gives no total of matched messages: the listed intents' sum is a floor, and shares are of it.
      '500 messages matched the listed intents · understood rate 85%',
      // Intent names are untrusted: `_` would start italics, so it is neutralised like any label.
      '1. opening\u02cdhours — 230 (46%)\n2. delivery — 180 (36%)\n3. returns — 90 (18%)',
    ]);
    expect(allTexts(message).map((t) => t.text)).toContain(
      'Percentages are of the listed intents only: ChatDash gave no total to compare with.',
    );
    expect(message.text).toMatch(
      /^Intents for Acme Shop, Last 7 days \(Nov 9\s–\s15, 2026\): 3 intents\. Top: opening_hours, delivery, returns\.$/,
    );
  });

  it('says when intents are unavailable or none matched', () => {
    const missing = textBot();
    delete missing.data.topIntents;
    const unavailable = renderDrilldown('intents', buildInsights({ current: missing, period: period() }), OPTIONS);
    expect(sections(unavailable.blocks).join('\n')).toContain('*Intents*: n/a — ChatDash did not return this metric');
    const none = renderDrilldown('intents', buildInsights({ current: textBot({ topIntents: [] }), period: period() }), OPTIONS);
    expect(sections(none.blocks)).toEqual([expect.stringMatching(/^Nothing recorded in Last 7 days \(Nov 9\s–\s15, 2026\)\.$/)]);
  });

  it('escapes hostile names and cuts a long list with "… and N more" that adds up', () => {
    const hostile = ['<!channel>', '<@U123> hi', 'a & b', '*bold*', '👨‍👩‍👧‍👦'.repeat(100), 'x'.repeat(3000)];
    const n = 600;
    const insights = buildInsights({
      current: parsed({
        conversations: { counts: [], total: 10_000 },
        topIntents: Array.from({ length: n }, (_, i) => ({ name: `${hostile[i % hostile.length]} ${i}`, count: n - i })),
      }),
      period: period(),
    });
    const message = renderDrilldown('intents', insights, OPTIONS);
    expectSafe(message);
    expect(validateMessage({ text: message.text, blocks: message.blocks as unknown[] })).toEqual({ ok: true });
    const text = sections(message.blocks).join('\n');
    const shown = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    const more = /_… and ([\d,]+) more_$/.exec(text);
    expect(more).not.toBeNull();
    expect(shown + Number(more![1]!.replace(/,/g, ''))).toBe(n);
    expect(text).toContain('&lt;!channel&gt;');
  });
});

describe('rendering hostile data stays within every limit and escapes everything', () => {
  for (const n of [1, 12, 10_000]) {
    it(`every drill-down with ${n} items`, () => {
      const insights = buildInsights({ current: parsed(hostileAnalytics(n)), period: period() });
      for (const view of DRILLDOWN_VIEWS) {
        const m = renderDrilldown(view, insights, { project: hostileProject, locale: 'de-DE' });
        expectSafe(m);
        if (n > 100) {
          expect(sectionTexts(m.blocks)).toMatch(/… and [\d.]+ more_$/);
        }
      }
    });
  }

  it('never lets a raw mention through, field by field', () => {
    const insights = buildInsights({ current: parsed(hostileAnalytics(50)), period: period() });
    const messages = [
      renderDigest(insights, { project: hostileProject }),
      ...DRILLDOWN_VIEWS.map((v) => renderDrilldown(v, insights, { project: hostileProject })),
    ];
    for (const m of messages) {
      for (const t of allTexts(m)) {
        for (const raw of ['<!channel>', '<!here>', '<@U123>', '<https://evil', '<#C0123']) expect(t.text).not.toContain(raw);
      }
    }
  });
});

describe('renderDrilldown: with a chart', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const project = { id: 'proj_demo_text', name: 'Acme Support Bot' };
  const chart: ImageRef = { fileId: 'F0123ABCDEF', altText: 'Line chart', title: 'Cost per day' };
  const types = (blocks: Array<{ type: string }>) => blocks.map((b) => b.type);

  it('shows the image under the summary, before the list', () => {
    const costs = renderDrilldown('costs', insights, { project, images: [{ ...chart, title: 'Cost per day' }] });
    expect(types(costs.blocks).slice(0, 4)).toEqual(['header', 'context', 'section', 'image']);
    expect(validateMessage(costs as unknown as Record<string, unknown>)).toEqual({ ok: true });
    const topics = renderDrilldown('topics', insights, { project, images: [{ ...chart, title: 'Top topics' }] });
    expect(types(topics.blocks).slice(0, 3)).toEqual(['header', 'context', 'image']);
  });

  it('ends with the "Open in ChatDash" link after the list, the chart still under the summary, valid Block Kit', () => {
    const costs = renderDrilldown('costs', insights, { project, images: [chart], dashboardUrl: 'https://app.chat-dash.com/p/acme' });
    expect(validateMessage(costs as unknown as Record<string, unknown>)).toEqual({ ok: true });
    const kinds = types(costs.blocks);
    expect(kinds.slice(0, 4)).toEqual(['header', 'context', 'section', 'image']);
    expect(kinds.slice(-2)).toEqual(['actions', 'context']);
  });
});
