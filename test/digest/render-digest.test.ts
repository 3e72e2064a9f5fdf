/** renderDigest: the digest's layout, what changed, its special cases, hostile data, the period line. Pure: fixtures in, Block Kit out. */
import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../../src/digest/blocks.ts';
import { decodeDrilldownRef } from '../../src/digest/drilldown-ref.ts';
import { type RenderOptions, renderDigest } from '../../src/digest/render-digest.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { parsePeriod } from '../../src/periods/parse.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import {
  hostileAnalytics,
  hostileProject,
  PROJECT,
  parsed,
  period,
  textBot,
  textBotPrevious,
  textBotPreviousReturnsNegligible,
  voiceBot,
  voiceBotPrevious,
} from '../support/analytics-fixtures.ts';
import { expectSafe, ofType, sectionTexts } from '../support/slack-limits.ts';

const OPTIONS: RenderOptions = { project: PROJECT };

const changes = (blocks: KnownBlock[]): string =>
  blocks.flatMap((b) => (b.type === 'section' && b.text?.text.startsWith('*What changed*') ? [b.text.text] : [])).join('\n');
const actionIds = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'actions' ? (b as ActionsBlock).elements.map((e) => ('action_id' in e ? (e.action_id ?? '') : '')) : [],
  );

describe('renderDigest: layout', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const message = renderDigest(insights, OPTIONS);

  it('starts with the project header and the period context', () => {
    const [header, ctx] = message.blocks as [HeaderBlock, ContextBlock];
    expect(header.type).toBe('header');
    expect(header.text.text).toBe('Acme Shop');
    expect(ctx.type).toBe('context');
    const ctxText = (ctx.elements[0] as { text: string }).text;
    expect(ctxText).toContain('Last 7 days');
    expect(ctxText).toContain('Europe/Paris');
    expect(ctxText).toMatch(/Nov 9\s–\s15, 2026/);
  });

  it('shows headline numbers as fields with their change', () => {
    const fieldsBlock = ofType(message.blocks, 'section').find((s) => s.fields);
    const texts = fieldsBlock?.fields?.map((f) => f.text) ?? [];
    expect(texts).toContain('*Conversations*\n915  ▲ 22% (+165)');
    expect(texts.find((t) => t.startsWith('*Understood rate*'))).toBe('*Understood rate*\n85%  ▼ 3 pts');
    expect(texts.find((t) => t.startsWith('*Total cost*'))).toBe('*Total cost*\n€45.75  ▲ 22% (+€8.25)');
    expect(texts.find((t) => t.startsWith('*Cost / conversation*'))).toBe('*Cost / conversation*\n€0.05  = same');
    expect(texts.some((t) => t.startsWith('*Call time*'))).toBe(false); // not a voice bot
  });

  it('has the trend, what changed, top lists, costs, buttons and footer in order', () => {
    const all = sectionTexts(message.blocks);
    const order = [
      '*Daily conversations*',
      '*What changed*',
      '*Top topics* · % of conversations',
      '*Top misunderstood messages* — 450 of 3,000 messages missed · % of misunderstood messages',
      '*Costs and tokens*',
    ];
    const positions = order.map((o) => all.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).toContain('▄▇█▆▅▂▁');
    expect(all).toContain('peak 210 on Wed, Nov 11');
    // Of all 915 conversations, not of the 795 ChatDash's top list adds up to; misunderstood: of all 450 missed.
    expect(all).toContain('1. Opening hours — 240 (26.2%)');
    expect(all).toContain('3. Returns &amp; refunds — 150 (16.4%)');
    expect(all).toContain('1. “do u ship to norway??” — 30 (6.7%)');
    expect(all).toContain('_… and 2 more_');
    expect(all).toContain('New in top topics: “Returns &amp; refunds”');
    expect(message.blocks.at(-2)?.type).toBe('actions');
    expect(message.blocks.at(-1)?.type).toBe('context');
  });

  it('has drill-down buttons for views with data only, whose values decode back', () => {
    const actions = ofType(message.blocks, 'actions')[0] as ActionsBlock;
    const ids = actions.elements.map((e) => (e.type === 'button' ? e.action_id : ''));
    expect(ids).toEqual(['drilldown:topics', 'drilldown:misunderstood', 'drilldown:intents', 'drilldown:costs', 'drilldown:countries']);
    for (const e of actions.elements) {
      if (e.type !== 'button') continue;
      const ref = decodeDrilldownRef(e.value ?? '');
      expect(ref).toEqual({ v: 1, project: PROJECT.id, view: e.action_id?.slice('drilldown:'.length), period: period() });
    }
    expect(renderDigest(insights, { ...OPTIONS, buttons: false }).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('always has a plain-language fallback text', () => {
    expect(message.text).toContain('Acme Shop');
    expect(message.text).toContain('915 conversations (up 22%)');
    expect(message.text).toContain('85% understood');
    expect(message.text).not.toMatch(/[*<>]/);
  });

  it('renders only the chosen sections', () => {
    const m = renderDigest(insights, { ...OPTIONS, sections: ['headline'] });
    const all = sectionTexts(m.blocks);
    expect(all).toContain('*Conversations*');
    expect(all).not.toContain('*Top topics*');
    expect(all).not.toContain('*What changed*');
    expect(all).not.toContain('*Daily conversations*');
    const costsOnly = sectionTexts(renderDigest(insights, { ...OPTIONS, sections: ['costs'] }).blocks);
    expect(costsOnly).toContain('Total: €45.75');
  });

  it('puts a title before the project name in the header', () => {
    const m = renderDigest(insights, { ...OPTIONS, title: 'Weekly digest' });
    expect((m.blocks[0] as HeaderBlock).text.text).toBe('Weekly digest: Acme Shop');
  });

  it('formats for the locale', () => {
    const de = renderDigest(insights, { ...OPTIONS, locale: 'de-DE' });
    const all = sectionTexts(de.blocks);
    expect(all).toContain('45,75\u00a0€');
    expect(all).toContain('85\u00a0%');
    expect(all).toContain('3.650');
    expect(de.text).toContain('915 conversations');
  });
});

describe('renderDigest: what changed', () => {
  it('states each new item with the numbers that justify it, attention first; the fallback names the training gap', () => {
    const insights = buildInsights({
      current: textBot({
        topMisunderstoodMessages: [
          { id: 'm1', label: 'do u ship to <norway>??', count: 60 },
          { id: 'm2', label: 'asdf', count: 12 },
        ],
      }),
      previous: textBotPrevious(),
      period: period(),
    });
    const message = renderDigest(insights, OPTIONS);
    expectSafe(message);
    const lines = changes(message.blocks).split('\n');
    expect(lines[1]).toBe(
      '• :warning: *New misunderstood message:* “do u ship to &lt;norway&gt;??” — 60 times (13.3% of misunderstood messages), none last period',
    );
    expect(lines).toContain(
      '• :small_blue_diamond: New in top topics: “Returns &amp; refunds” — #3, 150 (16.4% of conversations), none last period',
    );
    expect(message.text).toContain('Needs attention: new misunderstood message “do u ship to &lt;norway&gt;??” (60 times).');
  });

  it('says "up from N" for an item negligible before', () => {
    const insights = buildInsights({ current: textBot(), previous: textBotPreviousReturnsNegligible(), period: period() });
    expect(changes(renderDigest(insights, OPTIONS).blocks)).toContain('#3, 150 (16.4% of conversations), up from 5');
  });
});

describe('renderDigest: the Intents button', () => {
  it('is there when the period has intents, and not otherwise', () => {
    const withIntents = renderDigest(buildInsights({ current: textBot(), period: period() }), OPTIONS);
    expect(actionIds(withIntents.blocks)).toContain('drilldown:intents');
    const none = renderDigest(buildInsights({ current: textBot({ topIntents: [] }), period: period() }), OPTIONS);
    expect(actionIds(none.blocks)).not.toContain('drilldown:intents');
    expect(actionIds(none.blocks)).toContain('drilldown:topics');
  });
});

describe('renderDigest: special cases', () => {
  it('shows n/a for unavailable metrics and keeps the rest', () => {
    const current = textBot();
    delete current.data.totalCost;
    delete current.data.averageCost;
    delete current.data.topTopics;
    delete current.data.tokens;
    current.unavailable.push('totalCost', 'averageCost', 'topTopics', 'tokens');
    const m = renderDigest(buildInsights({ current, previous: textBotPrevious(), period: period() }), OPTIONS);
    const all = sectionTexts(m.blocks);
    expect(all).toContain('*Total cost*\nn/a');
    expect(all).toContain('*Cost / conversation*\nn/a');
    expect(all).toContain('*Top topics*\nn/a');
    expect(all).toContain('Tokens: n/a');
    expect(all).toContain('*Conversations*\n915');
    const footer = m.blocks.at(-1) as ContextBlock;
    expect((footer.elements[0] as { text: string }).text).toContain('Unavailable: totalCost, averageCost, topTopics, tokens');
    const ids = (ofType(m.blocks, 'actions')[0] as ActionsBlock).elements.map((e) => (e.type === 'button' ? e.action_id : ''));
    expect(ids).not.toContain('drilldown:topics');
    expect(ids).not.toContain('drilldown:costs');
    expectSafe(m);
  });

  it('renders an empty period as a short friendly message', () => {
    const insights = buildInsights({
      current: parsed({ conversations: { counts: [0, 0, 0, 0, 0, 0, 0], total: 0 }, topTopics: [] }),
      previous: textBotPrevious(),
      period: period(),
    });
    const m = renderDigest(insights, OPTIONS);
    expect(m.blocks.length).toBeLessThanOrEqual(3);
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    const body = sectionTexts(m.blocks);
    expect(body).toMatch(
      /^No conversations for \*Acme Shop\* in this period: Last 7 days \(Nov 9\s–\s15, 2026\)\. The period before had 750\.$/,
    );
    expect(m.text).toMatch(/^No conversations for Acme Shop in this period: Last 7 days/);
    expect(body).not.toContain('n/a');
    expectSafe(m);
  });

  it('shows call time and ended reasons for voice bots', () => {
    const m = renderDigest(buildInsights({ current: voiceBot(), previous: voiceBotPrevious(), period: period() }), OPTIONS);
    const fieldsText = sectionTexts(m.blocks);
    expect(fieldsText).toContain('*Call time*\n10 h 45 min  ▲ 19.4% (+1 h 45 min)');
    // unique users had no previous number: no bogus "new"
    expect(fieldsText).toContain('*Unique users*\n200\n');
    const ctx = ofType(m.blocks, 'context').map((c) => (c.elements[0] as { text: string }).text);
    expect(ctx.some((t) => t.startsWith('*Calls ended:* Customer ended call 65.1%'))).toBe(true);
    const ids = (ofType(m.blocks, 'actions')[0] as ActionsBlock).elements.map((e) => (e.type === 'button' ? e.action_id : ''));
    expect(ids).toContain('drilldown:ended_reasons');
    expect(m.text).toContain('10 h 45 min of calls');
    expectSafe(m);
  });

  it('without a previous period shows no arrows and says so', () => {
    const m = renderDigest(buildInsights({ current: textBot(), period: period() }), OPTIONS);
    const all = sectionTexts(m.blocks);
    expect(all).not.toMatch(/[▲▼]/);
    expect(all).not.toContain('new');
    expect(all).toContain('No previous period to compare with.');
  });
});

describe('rendering hostile data stays within every limit and escapes everything', () => {
  for (const n of [1, 12, 10_000]) {
    it(`digest with ${n} items per list`, () => {
      const insights = buildInsights({
        current: parsed(hostileAnalytics(n)),
        previous: parsed(hostileAnalytics(3)),
        period: period({ label: '<!channel> period & more', timeZone: 'Europe/Paris' }),
      });
      for (const locale of ['en-US', 'de-DE', 'ar-EG']) {
        const m = renderDigest(insights, { project: hostileProject, locale, title: '<@U1> '.repeat(100) });
        expectSafe(m);
        expect(m.text).toContain('&lt;!channel&gt;');
        const actions = ofType(m.blocks, 'actions')[0] as ActionsBlock;
        for (const e of actions.elements) {
          if (e.type === 'button') expect(decodeDrilldownRef(e.value ?? '')?.project).toBe(hostileProject.id);
        }
      }
    });
  }

  it('cuts a 5,000-character project name in the header to 150', () => {
    const m = renderDigest(buildInsights({ current: textBot(), period: period() }), { project: { id: 'p', name: 'N'.repeat(5000) } });
    const header = m.blocks[0] as HeaderBlock;
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });
});

describe('time zone in the period line', () => {
  it('shows IANA names with spaces, not look-alike underscores', () => {
    const insights = buildInsights({
      current: textBot(),
      previous: textBotPrevious(),
      period: period({ timeZone: 'America/New_York' }),
    });
    const periodLine = JSON.stringify(renderDigest(insights, { project: PROJECT }).blocks[1]);
    expect(periodLine).toContain('America/New York');
    expect(periodLine).not.toContain('New\u02cdYork');
    expect(periodLine).not.toMatch(/New[^ ]York/);
  });
});

describe('an explicit date range in the period line', () => {
  const explicit = (spec: string) => {
    const parsed = parsePeriod(spec, { timeZone: 'Europe/Paris', now: new Date('2026-11-20T10:00:00Z') });
    if (!parsed.ok) throw new Error(parsed.error);
    return buildInsights({ current: textBot(), previous: textBotPrevious(), period: parsed.period });
  };
  // ICU's thin spaces around the range dash read as plain ones.
  const plain = (value: unknown) => JSON.stringify(value).replace(/[\u2009\u202f]/g, ' ');

  it('says the dates once (the label is the dates), in the line and in the fallback text', () => {
    const m = renderDigest(explicit('2026-11-01..2026-11-15'), { project: PROJECT });
    expect(plain(m.blocks[1])).toContain('*Nov 1 – 15, 2026* · Europe/Paris');
    expect(plain(m.blocks[1]).match(/Nov 1 – 15, 2026/g)).toHaveLength(1);
    expect(m.text).not.toMatch(/2026.*2026/);
  });

  it('in the reader’s locale', () => {
    const line = plain(renderDigest(explicit('2026-11-01..2026-11-15'), { project: PROJECT, locale: 'de-DE' }).blocks[1]);
    expect(line).not.toContain('Nov 1');
    expect(line).toMatch(/\*1\.\s*[–-]\s*15\. Nov\. 2026\* · Europe\/Paris/);
  });

  it('keeps a label that says more than the dates (a range still running, a named period)', () => {
    expect(plain(renderDigest(explicit('2026-11-10..2026-11-30'), { project: PROJECT }).blocks[1])).toContain(
      '*Nov 10 – 30, 2026 (so far)* · Nov 10 – 20, 2026',
    );
    expect(plain(renderDigest(explicit('last-week'), { project: PROJECT }).blocks[1])).toContain('*Last week* · Nov 9 – 15, 2026');
  });
});

describe('renderDigest: with a chart', () => {
  const CHART: ImageRef = { fileId: 'F0123ABCDEF', altText: `Line chart &amp; numbers ${'x'.repeat(3000)}`, title: 'Daily conversations' };
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const project = { id: 'proj_demo_text', name: 'Acme Support Bot' };
  const withChart = renderDigest(insights, { project, images: [CHART] });
  const plain = renderDigest(insights, { project });

  it('shows the image where the sparkline was, and nothing else changes', () => {
    const image = withChart.blocks.findIndex((b) => b.type === 'image');
    const sparkline = plain.blocks.findIndex(
      (b) => b.type === 'section' && 'text' in b && b.text?.text.startsWith('*Daily conversations*'),
    );
    expect(image).toBe(sparkline);
    expect(withChart.blocks.filter((_, i) => i !== image)).toEqual(plain.blocks.filter((_, i) => i !== sparkline));
    expect(withChart.text).toBe(plain.text);
  });

  it('is valid Block Kit: alt text cut to 2,000 without breaking an entity, a plain_text title', () => {
    expect(validateMessage(withChart as unknown as Record<string, unknown>)).toEqual({ ok: true });
    const image = withChart.blocks.find((b) => b.type === 'image') as { alt_text: string; title: { type: string; text: string } };
    expect(image.alt_text.length).toBeLessThanOrEqual(2000);
    expect(image.alt_text.startsWith('Line chart &amp; numbers')).toBe(true);
    expect(image.title).toEqual({ type: 'plain_text', text: 'Daily conversations' });
  });

  it('keeps its drill-down buttons and the "Open in ChatDash" link beside the chart, and stays valid Block Kit', () => {
    const linked = renderDigest(insights, { project, images: [CHART], buttons: true, dashboardUrl: 'https://app.chat-dash.com/p/acme' });
    expect(validateMessage(linked as unknown as Record<string, unknown>)).toEqual({ ok: true });
    const types = linked.blocks.map((b) => b.type);
    expect(types.indexOf('image')).toBeLessThan(types.indexOf('actions'));
    const elements = (linked.blocks.find((b) => b.type === 'actions') as ActionsBlock).elements;
    expect(elements.at(-1)).toMatchObject({ type: 'button', url: 'https://app.chat-dash.com/p/acme' });
    expect(actionIds(linked.blocks)).toContain('drilldown:topics');
  });

  it('a digest without the trend section shows no chart', () => {
    const noTrend = renderDigest(insights, { project, images: [CHART], sections: ['headline', 'topics'] });
    expect(noTrend.blocks.map((b) => b.type)).not.toContain('image');
  });
});
