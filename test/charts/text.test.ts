import { describe, expect, it } from 'vitest';
import { measureChartFont } from '../../src/build/font-metrics.ts';
import { ADVANCES, UNITS_PER_EM } from '../../src/charts/font-metrics.ts';
import { chartLabel, fontCovers, measureText, parseCssFont, textWidth } from '../../src/charts/text.ts';

describe('font metrics', () => {
  it('are the ones of the Inter files the worker ships (npm run font-metrics regenerates them)', () => {
    const measured = measureChartFont();
    expect(UNITS_PER_EM).toBe(measured.unitsPerEm);
    expect(ADVANCES).toEqual(measured.advances);
  });

  it('cover Latin and Latin Extended, not CJK or emoji', () => {
    for (const char of 'AzÉßŁőș€') expect(fontCovers(char.codePointAt(0)!), char).toBe(true);
    for (const char of ['配', '😀', 'Ж']) expect(fontCovers(char.codePointAt(0)!), char).toBe(false);
  });
});

describe('text width', () => {
  it('scales with the font size and depends on the glyphs', () => {
    expect(textWidth('iiii', 24)).toBeLessThan(textWidth('WWWW', 24));
    expect(textWidth('Opening hours', 48)).toBeCloseTo(2 * textWidth('Opening hours', 24), 6);
    expect(textWidth('Title', 24, 600)).toBeGreaterThan(textWidth('Title', 24, 400));
  });

  it('reads zrender’s CSS font strings', () => {
    expect(parseCssFont('bold 40px Inter')).toEqual({ size: 40, weight: 600 });
    expect(parseCssFont('normal normal 600 26px sans-serif')).toEqual({ size: 26, weight: 600 });
    expect(parseCssFont('24px Inter')).toEqual({ size: 24, weight: 400 });
    expect(parseCssFont(undefined)).toEqual({ size: 12, weight: 400 });
    expect(measureText('Hello', '24px Inter').width).toBeCloseTo(textWidth('Hello', 24), 6);
  });
});

describe('chart labels from untrusted text', () => {
  const opts = { maxWidth: 300, fontSize: 24, fallback: 'Topic 4' };

  it('keeps a short label as it is', () => {
    expect(chartLabel('Opening hours', opts)).toBe('Opening hours');
  });

  it('cuts a long label to the width with an ellipsis, on a grapheme boundary', () => {
    const label = chartLabel('Delivery times to Norway, Sweden and the rest of Scandinavia', opts);
    expect(label.endsWith('…')).toBe(true);
    expect(textWidth(label, 24)).toBeLessThanOrEqual(300);
    expect(label.length).toBeGreaterThan(10);
    const accents = chartLabel('e\u0301'.repeat(200), opts);
    expect(accents.normalize('NFC')).toBe(accents);
    expect(accents.endsWith('é…')).toBe(true);
  });

  it('leaves out emoji and glyphs the font lacks rather than drawing empty boxes', () => {
    expect(chartLabel('Returns 🎁 & refunds 👨‍👩‍👧', opts)).toBe('Returns & refunds');
    expect(chartLabel('🇫🇷 France', opts)).toBe('France');
    expect(chartLabel('Paiement 配送 rapide', opts)).toBe('Paiement rapide');
  });

  it('uses the fallback when nothing legible is left', () => {
    expect(chartLabel('配送状況', opts)).toBe('Topic 4');
    expect(chartLabel('🔥🔥🔥', opts)).toBe('Topic 4');
    expect(chartLabel('   \n\t ', opts)).toBe('Topic 4');
  });

  it('removes controls and bidi overrides and bounds absurdly long input', () => {
    expect(chartLabel('a\u202Eb\u0000c\nd', opts)).toBe('abc d');
    const huge = chartLabel('x'.repeat(100_000), opts);
    expect(textWidth(huge, 24)).toBeLessThanOrEqual(300);
  });
});
