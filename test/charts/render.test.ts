/** The renderer for real: ECharts SSR → resvg-wasm with the bundled font → a PNG of the expected size with text drawn. */
import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/charts/specs.ts';
import { THEME } from '../../src/charts/theme.ts';
import { createFormatter } from '../../src/digest/format.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';
import { decodePng, inkIn, isPng } from '../support/png.ts';

const fmt = createFormatter({ locale: 'en-US' });
const topics = [
  { id: 't1', label: 'Opening hours', count: 240 },
  { id: 't2', label: '配送状況 🚚', count: 190 },
  { id: 't3', label: 'Łódź & Zürich', count: 150 },
];
const insights = buildInsights({ current: textBot({ topTopics: topics }), previous: textBotPrevious(), period: period() });
const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

describe('renderChart', () => {
  it.each(['digest', 'costs', 'topics'] as const)('%s: a 1200×600 PNG on the white card, with its title drawn', async (place) => {
    const { renderChart, renderSvg } = await import('../../src/charts/render.ts');
    const spec = chartsFor(place, insights, fmt)[0]!;
    const svg = renderSvg(spec);
    expect(svg).not.toContain('@keyframes');
    const out = await renderChart(spec);
    expect(isPng(out.png)).toBe(true);
    expect([out.width, out.height]).toEqual([1200, 600]);
    const png = decodePng(out.png);
    expect([png.width, png.height]).toEqual([1200, 600]);
    // Opaque white corners: legible on Slack's dark theme too.
    expect([...png.pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    const lastPixel = (png.width * png.height - 1) * 4;
    expect([...png.pixels.subarray(lastPixel, lastPixel + 4)]).toEqual([255, 255, 255, 255]);
    // The title is text: with no usable font resvg draws none, silently.
    expect(inkIn(png, { x: 40, y: 28, width: 300, height: 50 })).toBeGreaterThan(500);
    // And the data is drawn in the theme's colour.
    const colour = hex(place === 'costs' ? THEME.cost : THEME.primary);
    expect(inkIn(png, { x: 100, y: 200, width: 1000, height: 330 }, colour, 10)).toBeLessThan(1000 * 330);
  });

  it('labels the font lacks (CJK, emoji) do not stop the render', async () => {
    const { renderChart } = await import('../../src/charts/render.ts');
    const out = await renderChart(chartsFor('topics', insights, fmt)[0]!);
    expect(decodePng(out.png).width).toBe(1200);
  });
});
