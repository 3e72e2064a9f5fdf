/** The intents drill-down: like the other lists (escaped, cut with "… and N more"), led by how many messages matched. */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { PROJECT, parsed, period, textBot } from './fixtures.ts';
import { allTexts, hasBrokenEntity, hasLoneSurrogate, limitViolations, unsafeMarkup } from './limits-check.ts';

const sections = (blocks: KnownBlock[]): string[] => blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

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
    const message = renderDrilldown('intents', insights, { project: PROJECT });
    expect(limitViolations(message)).toEqual([]);
    expect(validateMessage({ text: message.text, blocks: message.blocks as unknown[] })).toEqual({ ok: true });
    const [header] = message.blocks;
    expect(header).toMatchObject({ type: 'header', text: { text: 'Intents: Acme Shop' } });
    expect(sections(message.blocks)).toEqual([
      '500 messages matched an intent · understood rate 85%',
      // Intent names are untrusted: `_` would start italics, so it is neutralised like any label.
      '1. opening\u02cdhours — 230 (46%)\n2. delivery — 180 (36%)\n3. returns — 90 (18%)',
    ]);
    expect(message.text).toMatch(
      /^Intents for Acme Shop, Last 7 days \(Nov 9\s–\s15, 2026\): 3 intents\. Top: opening_hours, delivery, returns\.$/,
    );
  });

  it('says when intents are unavailable or none matched', () => {
    const missing = textBot();
    delete missing.data.topIntents;
    const unavailable = renderDrilldown('intents', buildInsights({ current: missing, period: period() }), { project: PROJECT });
    expect(sections(unavailable.blocks).join('\n')).toContain('*Intents*: n/a — ChatDash did not return this metric');
    const none = renderDrilldown('intents', buildInsights({ current: textBot({ topIntents: [] }), period: period() }), {
      project: PROJECT,
    });
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
    const message = renderDrilldown('intents', insights, { project: PROJECT });
    expect(limitViolations(message)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    for (const t of allTexts(message)) {
      expect(hasLoneSurrogate(t.text), t.where).toBe(false);
      expect(hasBrokenEntity(t.text), t.where).toBe(false);
    }
    expect(validateMessage({ text: message.text, blocks: message.blocks as unknown[] })).toEqual({ ok: true });
    const text = sections(message.blocks).join('\n');
    const shown = text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    const more = /_… and ([\d,]+) more_$/.exec(text);
    expect(more).not.toBeNull();
    expect(shown + Number(more![1]!.replace(/,/g, ''))).toBe(n);
    expect(text).toContain('&lt;!channel&gt;');
  });
});
