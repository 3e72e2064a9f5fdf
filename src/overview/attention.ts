/**
 * The one place the overview reads the digest's "what changed" order (`src/insights/highlights.ts`): a project's
 * highlights come most important first, scored by `highlightScore` on one scale for every project, so a project is
 * as urgent as its most important highlight, and that highlight is the one its row shows.
 */
import { ATTENTION_SCORE, highlightScore } from '../insights/highlights.ts';
import type { Highlight, Insights } from '../insights/types.ts';

export interface Attention {
  /**
   * `highlightScore` of the most important highlight (0 when nothing changed enough to mention): attention items
   * 1001–1099, movers 101–199, new topics 1–99. Among projects needing attention, higher ranks first.
   */
  score: number;
  /** One of the digest's attention rules fires (the score is at least `ATTENTION_SCORE`). */
  needed: boolean;
  /** The most important "what changed" item (`highlights[0]`), if any. */
  top: Highlight | undefined;
}

export function attentionOf(insights: Insights): Attention {
  const top = insights.highlights[0];
  const score = top ? highlightScore(top) : 0;
  return { score, needed: score >= ATTENTION_SCORE, top };
}
