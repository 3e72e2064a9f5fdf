import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Analytics } from '../../src/chatdash/schema.ts';
import { blockKitBuilderUrl } from '../../src/digest/builder-link.ts';
import { decodeDrilldownRef } from '../../src/digest/drilldown-ref.ts';
import { DRILLDOWN_VIEWS } from '../../src/digest/drilldown-views.ts';
import { PRACTICAL_LIMITS } from '../../src/digest/limits.ts';
import { type RenderOptions, renderDigest } from '../../src/digest/render-digest.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { renderForTerminal } from '../../src/digest/terminal.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { PROJECT, parsed, period, textBot, textBotPrevious, voiceBot, voiceBotPrevious } from './fixtures.ts';
import { allTexts, hasBrokenEntity, hasLoneSurrogate, limitViolations, unsafeMarkup } from './limits-check.ts';

const OPTIONS: RenderOptions = { project: PROJECT };

const ofType = <T extends KnownBlock['type']>(blocks: KnownBlock[], type: T): Extract<KnownBlock, { type: T }>[] =>
  blocks.filter((b): b is Extract<KnownBlock, { type: T }> => b.type === type);

const sectionTexts = (blocks: KnownBlock[]): string =>
  ofType(blocks, 'section')
    .map((s) => s.text?.text ?? s.fields?.map((f) => f.text).join('\n'))
    .join('\n');

const HOSTILE_LABELS = [
  '<!channel> everyone look',
  '<!here>',
  '<@U123>',
  '<https://evil.example|click here>',
  '<#C0123|general>',
  'Tom & Jerry &amp; &lt;b&gt;',
  '👨‍👩‍👧‍👦🏳️‍🌈👍🏽'.repeat(300),
  'مرحبا بالعالم שלום עולם',
  `*bold* _italic_ ~strike~ \`code\`\n\n> quote\n• fake bullet`,
  'x'.repeat(5000),
  '&'.repeat(5000),
  '<'.repeat(5000),
];

function hostileAnalytics(n: number): Analytics {
  const label = (i: number): string => HOSTILE_LABELS[i % HOSTILE_LABELS.length] as string;
  return {
    conversations: { counts: Array.from({ length: 7 }, (_, i) => 1e15 + i), total: 9.99e300 },
    uniqueIps: { counts: [], total: 1e200 },
    interactions: { counts: [], total: Number.MAX_VALUE },
    understoodMessages: { total: 1e20, understood: 5e19, missed: 5e19 },
    totalCost: { counts: [], total: 1e300, currency: 'XYZ' },
    averageCost: { counts: [], average: 123456789.123456, currency: 'EUR' },
    totalCallDuration: { counts: [], total: 1e250 },
    tokens: Array.from({ length: n }, (_, i) => ({ model: `${label(i)}${i}`, count: n - i })),
    topTopics: Array.from({ length: n }, (_, i) => ({ id: i, label: label(i), count: n - i })),
    topMisunderstoodMessages: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, label: label(i + 3), count: n - i })),
    topIntents: Array.from({ length: n }, (_, i) => ({ name: `${label(i)}${i}`, count: i })),
    endedReason: Array.from({ length: n }, (_, i) => ({ reason: `${label(i)}-${i}`, count: n - i })),
    conversationsByCountry: Array.from({ length: n }, (_, i) => ({
      id: i % 3 === 0 ? `FR${String(i)}` : i % 3 === 1 ? label(i) : String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)),
      value: n - i,
    })),
  };
}

const hostileProject = { id: 'proj_<!channel>', name: `<!channel> ${'Ã'.repeat(4000)} & co` };

function expectSafe(message: ReturnType<typeof renderDigest>): void {
  expect(limitViolations(message)).toEqual([]);
  expect(unsafeMarkup(message)).toEqual([]);
  for (const t of allTexts(message)) {
    expect(hasLoneSurrogate(t.text), t.where).toBe(false);
    expect(hasBrokenEntity(t.text), t.where).toBe(false);
  }
}

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
    const order = ['*Daily conversations*', '*What changed*', '*Top topics*', '*Top misunderstood messages*', '*Costs and tokens*'];
    const positions = order.map((o) => all.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).toContain('▄▇█▆▅▂▁');
    expect(all).toContain('peak 210 on Wed, Nov 11');
    expect(all).toContain('1. Opening hours — 240 (30.2%)');
    expect(all).toContain('3. Returns &amp; refunds — 150 (18.9%)');
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

  it('cuts a 5,000-character project name in the header to 150', () => {
    const m = renderDigest(buildInsights({ current: textBot(), period: period() }), { project: { id: 'p', name: 'N'.repeat(5000) } });
    const header = m.blocks[0] as HeaderBlock;
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });
});

describe('renderDrilldown', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });

  it('lists all topics with counts and share', () => {
    const m = renderDrilldown('topics', insights, OPTIONS);
    expect((m.blocks[0] as HeaderBlock).text.text).toBe('Topics: Acme Shop');
    const all = sectionTexts(m.blocks);
    expect(all).toContain('7. Careers — 15 (1.9%)');
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

describe('renderForTerminal and Block Kit Builder link', () => {
  const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
  const message = renderDigest(insights, OPTIONS);

  it('renders a readable terminal view with the numbers', () => {
    const out = renderForTerminal(message);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Acme Shop');
    expect(lines[1]).toMatch(/^═+$/);
    expect(out).toContain('915  ▲ 22% (+165)');
    expect(out).toMatch(/Conversations\s{3,}Unique users/); // two columns
    expect(out).toContain('Returns & refunds'); // entities decoded
    expect(out).toContain('[ Topics ] [ Misunderstood ] [ Intents ] [ Costs ] [ Countries ]');
    expect(out).not.toMatch(/\*[A-Z][^*\n]*\*/); // bold markers gone
  });

  it('builds a Block Kit Builder URL with the blocks', () => {
    const url = blockKitBuilderUrl(message);
    expect(url.startsWith('https://app.slack.com/block-kit-builder/#')).toBe(true);
    const json = JSON.parse(decodeURIComponent(url.slice(url.indexOf('#') + 1))) as { blocks: unknown };
    expect(json).toEqual({ blocks: message.blocks });
  });
});

describe('understood-rate changes too small to show', () => {
  it('reads "= same" rather than "▼ 0 pts"', async () => {
    const { formatChange } = await import('../../src/digest/wording.ts');
    const { createFormatter } = await import('../../src/digest/format.ts');
    const fmt = createFormatter({ locale: 'en-US' });
    expect(formatChange('understoodRate', { kind: 'delta', absolute: -0.04, percent: null }, fmt, null)).toBe('= same');
    expect(formatChange('understoodRate', { kind: 'delta', absolute: -0.4, percent: null }, fmt, null)).toBe('▼ 0.4 pts');
  });
});

describe('time zone in the period line', () => {
  it('shows IANA names with spaces, not look-alike underscores', async () => {
    const f = await import('./fixtures.ts');
    const { renderDigest } = await import('../../src/digest/render-digest.ts');
    const { buildInsights } = await import('../../src/insights/build.ts');
    const insights = buildInsights({
      current: f.textBot(),
      previous: f.textBotPrevious(),
      period: f.period({ timeZone: 'America/New_York' }),
    });
    const periodLine = JSON.stringify(renderDigest(insights, { project: f.PROJECT }).blocks[1]);
    expect(periodLine).toContain('America/New York');
    expect(periodLine).not.toContain('New\u02cdYork');
    expect(periodLine).not.toMatch(/New[^ ]York/);
  });
});
