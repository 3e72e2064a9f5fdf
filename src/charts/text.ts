/**
 * Text in chart images: widths measured with the bundled font's own advance widths (what resvg will draw), and
 * untrusted labels made drawable. resvg draws outline glyphs only and our font covers Latin scripts, so emoji
 * and uncovered characters (CJK, …) are left out of the picture rather than drawn as empty boxes; the alt text
 * keeps the full label. Pure.
 */
import { cleanLabel } from '../digest/mrkdwn.ts';
import type { ChartFontWeight } from './font.ts';
import { ADVANCES, UNITS_PER_EM } from './font-metrics.ts';

type WidthTable = Map<number, number>;

function table(weight: ChartFontWeight): WidthTable {
  const map: WidthTable = new Map();
  for (const run of ADVANCES[weight]) {
    const first = run[0] ?? 0;
    for (let i = 1; i < run.length; i++) map.set(first + i - 1, (run[i] ?? 0) / UNITS_PER_EM);
  }
  return map;
}

const TABLES: Record<ChartFontWeight, WidthTable> = { 400: table(400), 600: table(600) };
/** Width of a character the font lacks (never drawn: labels are cleaned first), in em. */
const FALLBACK_EM = 0.6;

/** True when the bundled font has a glyph for this code point. */
export function fontCovers(codePoint: number): boolean {
  return TABLES[400].has(codePoint);
}

/** Width in px of `text` at `fontSize` px (kerning ignored: a few px on a long label at most). */
export function textWidth(text: string, fontSize: number, weight: ChartFontWeight = 400): number {
  const widths = TABLES[weight];
  let em = 0;
  for (const char of text) em += widths.get(char.codePointAt(0) ?? 0) ?? FALLBACK_EM;
  return em * fontSize;
}

/** The CSS font shorthand zrender hands to `measureText` ("bold 24px Inter", "normal normal 600 28px sans-serif"). */
export function parseCssFont(font: string | undefined): { size: number; weight: ChartFontWeight } {
  const css = font ?? '';
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(css)?.[1] ?? 12);
  const weight = /\b(bold|bolder|[6-9]00)\b/.test(css) ? 600 : 400;
  return { size: Number.isFinite(size) && size > 0 ? size : 12, weight };
}

/** zrender's `measureText` platform hook, backed by the bundled font. */
export function measureText(text: string, font?: string): { width: number } {
  const { size, weight } = parseCssFont(font);
  return { width: textWidth(text ?? '', size, weight) };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200D\uFE0E\uFE0F\u20E3]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ELLIPSIS = '…';

/** Keep the graphemes the font can draw whole (a base and its marks), drop the others. */
function drawable(text: string): string {
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) continue;
    let ok = true;
    for (const char of segment) if (!fontCovers(char.codePointAt(0) ?? 0)) ok = false;
    if (ok) out += segment;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * An untrusted label as text the chart can draw on one line of at most `maxWidth` px: cleaned (controls,
 * bidi overrides, newlines), NFC-normalised, emoji and glyphs the font lacks left out, cut on a grapheme
 * boundary with "…". When nothing legible is left (an all-CJK or all-emoji topic), `fallback` is used.
 */
export function chartLabel(
  raw: string,
  options: { maxWidth: number; fontSize: number; fallback: string; weight?: ChartFontWeight },
): string {
  const weight = options.weight ?? 400;
  const cleaned = raw.length > 1000 ? raw.slice(0, 1000) : raw;
  const one = cleanLabel(cleaned);
  let text = one === cleanLabel('') ? '' : drawable(one.normalize('NFC'));
  if (!LETTER_OR_DIGIT.test(text)) text = options.fallback;
  if (textWidth(text, options.fontSize, weight) <= options.maxWidth) return text;
  const budget = options.maxWidth - textWidth(ELLIPSIS, options.fontSize, weight);
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (textWidth(out + segment, options.fontSize, weight) > budget) break;
    out += segment;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
