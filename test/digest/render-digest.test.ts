/** The digest's "What changed" for new items, its fallback text, and the Intents button. */
import type { ActionsBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { PROJECT, period, textBot, textBotPrevious, textBotPreviousReturnsNegligible } from './fixtures.ts';
import { limitViolations, unsafeMarkup } from './limits-check.ts';

const changes = (blocks: KnownBlock[]): string =>
  blocks.flatMap((b) => (b.type === 'section' && b.text?.text.startsWith('*What changed*') ? [b.text.text] : [])).join('\n');
const actionIds = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'actions' ? (b as ActionsBlock).elements.map((e) => ('action_id' in e ? (e.action_id ?? '') : '')) : [],
  );

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
    const message = renderDigest(insights, { project: PROJECT });
    expect(limitViolations(message)).toEqual([]);
    expect(unsafeMarkup(message)).toEqual([]);
    const lines = changes(message.blocks).split('\n');
    expect(lines[1]).toBe(
      '• :warning: *New misunderstood message:* “do u ship to &lt;norway&gt;??” — 60 times (83.3% of misunderstood messages), none last period',
    );
    expect(lines).toContain('• :small_blue_diamond: New in top topics: “Returns &amp; refunds” — #3, 150 (18.9%), none last period');
    expect(message.text).toContain('Needs attention: new misunderstood message “do u ship to &lt;norway&gt;??” (60 times).');
  });

  it('says "up from N" for an item negligible before', () => {
    const insights = buildInsights({ current: textBot(), previous: textBotPreviousReturnsNegligible(), period: period() });
    expect(changes(renderDigest(insights, { project: PROJECT }).blocks)).toContain('#3, 150 (18.9%), up from 5');
  });
});

describe('renderDigest: the Intents button', () => {
  it('is there when the period has intents, and not otherwise', () => {
    const withIntents = renderDigest(buildInsights({ current: textBot(), period: period() }), { project: PROJECT });
    expect(actionIds(withIntents.blocks)).toContain('drilldown:intents');
    const none = renderDigest(buildInsights({ current: textBot({ topIntents: [] }), period: period() }), { project: PROJECT });
    expect(actionIds(none.blocks)).not.toContain('drilldown:intents');
    expect(actionIds(none.blocks)).toContain('drilldown:topics');
  });
});
