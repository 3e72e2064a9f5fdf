/**
 * How chart images look: sized for Slack's message width (rendered at 1200×600 and shown at ~½ on desktop and
 * ~⅓ on a phone, so text is large), on an opaque white card that stays legible in Slack's light and dark themes.
 * Every colour below has at least 3:1 contrast against the card (text ≥ 4.5:1).
 */
export const CHART_SIZE = { width: 1200, height: 600 } as const;

export const THEME = {
  background: '#FFFFFF',
  /** Slack's own text colour: 16.8:1 on white. */
  text: '#1D1C1D',
  /** Subtitles and axis labels: 6.9:1. */
  muted: '#555459',
  gridLine: '#E3E3E6',
  axisLine: '#9E9EA3',
  /** This period / bars: 6.3:1. */
  primary: '#1264A3',
  primaryArea: 'rgba(18,100,163,0.10)',
  /** Previous period (dashed): 3.5:1. */
  previous: '#8A8A8F',
  /** Money: 5.5:1. */
  cost: '#007A5A',
} as const;

export const FONT_SIZES = { title: 40, subtitle: 26, axis: 24, legend: 24, value: 24 } as const;
