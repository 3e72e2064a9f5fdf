/**
 * The one place the overview reads the digest's attention rules (`src/insights/highlights.ts`): how urgent a
 * project's insights are, and its most important "what changed" item. When the insights module exposes its own
 * attention ordering, only this adapter changes.
 */
import type { Highlight, Insights } from '../insights/types.ts';

export interface Attention {
  /** How many of the digest's attention rules fire (0: nothing needs attention). Higher ranks first. */
  level: number;
  /** The most important "what changed" item (attention items first, then the biggest mover), if any. */
  top: Highlight | undefined;
  /** Anything at all changed enough for the digest to mention it. */
  notable: boolean;
}

export function attentionOf(insights: Insights): Attention {
  const { highlights } = insights;
  return {
    level: highlights.filter((h) => h.severity === 'attention').length,
    top: highlights[0],
    notable: highlights.length > 0,
  };
}
