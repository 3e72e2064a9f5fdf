/**
 * Which drill-down a person asked for: from a button's action id (`drilldown:<view>`) or from the words of an
 * @mention. Pure and dependency-free: the HTTP function uses it on the ack path.
 */
import { DRILLDOWN_VIEWS, type DrilldownView } from '../insights/views.ts';

export { DRILLDOWN_VIEWS, type DrilldownView };

/** How each view is asked for in an @mention, as shown to people ("mention me with `topics`…"). */
export const VIEW_MENTION_WORDS: Record<DrilldownView, string> = {
  topics: '`topics`',
  misunderstood: '`misunderstood`',
  intents: '`intents`',
  costs: '`costs`',
  countries: '`countries`',
  ended_reasons: '`ended reasons`',
};

const ACTION_PREFIX = 'drilldown:';

/** `drilldown:<view>` */
export function drilldownActionId(view: DrilldownView): string {
  return `${ACTION_PREFIX}${view}`;
}

/** The view of a `drilldown:<view>` action id, undefined for anything else. */
export function viewOfActionId(actionId: string): DrilldownView | undefined {
  if (!actionId.startsWith(ACTION_PREFIX)) return undefined;
  const view = actionId.slice(ACTION_PREFIX.length);
  return (DRILLDOWN_VIEWS as readonly string[]).includes(view) ? (view as DrilldownView) : undefined;
}

const WORDS: readonly { view: DrilldownView; pattern: RegExp }[] = [
  { view: 'ended_reasons', pattern: /\bend(?:ed)?[\s_-]*reasons?\b/ },
  {
    view: 'ended_reasons',
    pattern:
      /\bwhy\s+(?:(?:the|my|our|did|do|have|were)\s+)*(?:calls?|conversations?|chats?)\s+(?:have\s+|were\s+|get\s+|got\s+)?end(?:ed|s)?\b/,
  },
  { view: 'ended_reasons', pattern: /\bhang[\s-]?ups?\b/ },
  { view: 'misunderstood', pattern: /\bmisunderstood\b/ },
  { view: 'misunderstood', pattern: /\bmissed\b/ },
  { view: 'misunderstood', pattern: /\bnot\s+understood\b/ },
  { view: 'costs', pattern: /\bcosts?\b/ },
  { view: 'costs', pattern: /\btokens?\b/ },
  { view: 'costs', pattern: /\bspend(?:ing)?\b/ },
  { view: 'countries', pattern: /\bcountr(?:y|ies)\b/ },
  { view: 'intents', pattern: /\bintents?\b/ },
  { view: 'topics', pattern: /\btopics?\b/ },
];

/**
 * The drill-down an @mention asks for ("<@U0BOT> show me costs please" → costs), case-insensitive.
 * Slack mentions/links are removed first; when several views are named, the first one in the text wins.
 */
export function parseDrilldownWord(text: string): DrilldownView | undefined {
  const plain = text
    .slice(0, 4000)
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase();
  let best: { view: DrilldownView; index: number; length: number } | undefined;
  for (const { view, pattern } of WORDS) {
    const m = pattern.exec(plain);
    if (!m) continue;
    if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) {
      best = { view, index: m.index, length: m[0].length };
    }
  }
  return best?.view;
}
