/**
 * The open font charts are drawn with (Inter, SIL Open Font License 1.1, Latin and Latin Extended subsets from
 * @fontsource/inter): resvg's WebAssembly build has no system fonts, so text renders only with what we hand it,
 * and the same everywhere. The files ship next to the worker bundle (see src/build/bundle.ts).
 */
export type ChartFontWeight = 400 | 600;

export const CHART_FONT = {
  family: 'Inter',
  /** WOFF2 files per weight (resvg reads WOFF2; it ignores WOFF). */
  files: {
    400: ['inter-latin-400-normal.woff2', 'inter-latin-ext-400-normal.woff2'],
    // Titles only (our own words): Latin is enough, and resvg re-reads every font on each render.
    600: ['inter-latin-600-normal.woff2'],
  } satisfies Record<ChartFontWeight, readonly string[]>,
  /** The licence file shipped beside the fonts. */
  licence: 'OFL.txt',
} as const;

export const ALL_FONT_FILES: readonly string[] = [...CHART_FONT.files[400], ...CHART_FONT.files[600]];
