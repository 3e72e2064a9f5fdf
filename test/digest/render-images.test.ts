/** Chart images in the digest and the drill-downs: where the image block goes, and the message stays valid Block Kit. */
import { describe, expect, it } from 'vitest';
import type { ImageRef } from '../../src/digest/blocks.ts';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { period, textBot, textBotPrevious } from './fixtures.ts';

const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
const project = { id: 'proj_demo_text', name: 'Acme Support Bot' };
const chart: ImageRef = { fileId: 'F0123ABCDEF', altText: `Line chart &amp; numbers ${'x'.repeat(3000)}`, title: 'Daily conversations' };
const types = (blocks: Array<{ type: string }>) => blocks.map((b) => b.type);

describe('the digest with a chart', () => {
  const withChart = renderDigest(insights, { project, images: [chart] });
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

  it('a digest without the trend section shows no chart', () => {
    const noTrend = renderDigest(insights, { project, images: [chart], sections: ['headline', 'topics'] });
    expect(types(noTrend.blocks)).not.toContain('image');
  });
});

describe('a drill-down with a chart', () => {
  it('shows the image under the summary, before the list', () => {
    const costs = renderDrilldown('costs', insights, { project, images: [{ ...chart, title: 'Cost per day' }] });
    expect(types(costs.blocks).slice(0, 4)).toEqual(['header', 'context', 'section', 'image']);
    expect(validateMessage(costs as unknown as Record<string, unknown>)).toEqual({ ok: true });
    const topics = renderDrilldown('topics', insights, { project, images: [{ ...chart, title: 'Top topics' }] });
    expect(types(topics.blocks).slice(0, 3)).toEqual(['header', 'context', 'image']);
  });
});
