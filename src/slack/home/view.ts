/**
 * The App Home tab as Block Kit, from its sections (your subscriptions; for admins every subscription and every channel
 * binding; later alerts): a heading each, its rows (a few blocks kept together), "… and N more" and a "Next page"
 * button when there is more. Whatever the sections hold, the view keeps to Slack's 100 blocks: rows that don't fit are
 * counted, never cut in half. Pure.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import { actions, button, context, divider, header, section } from '../../digest/blocks.ts';
import { VIEW_LIMITS } from '../../digest/limits.ts';
import { moreText } from '../messages.ts';
import { HOME_MORE_ACTION } from './page.ts';
import { encodeHomePage } from './page-value.ts';

export interface HomeSection {
  /** Stable id (`[a-z-]`), named by its "Next page" button. */
  id: string;
  /** Heading (safe plain text). */
  title: string;
  /** Under the heading (safe mrkdwn). */
  intro?: string;
  /** Rows, each a few blocks shown together (a subscription: its section and its buttons). */
  rows: KnownBlock[][];
  /** Said instead of rows when there are none (safe mrkdwn). */
  empty: string;
  /** Rows known to exist but not given (counted in "… and N more"). */
  hidden?: number;
  /** Where the section's next page starts (a store cursor): a "Next page" button. */
  next?: string;
  /**
   * Where a page starts after each row (by row), when the section knows: if the view has room for fewer rows than
   * given, "Next page" starts right after the last one shown, so no row is skipped.
   */
  after?: readonly string[];
}

export interface HomeOptions {
  /** A line above everything (safe mrkdwn): what the last click did, or why it was refused. */
  notice?: string;
  /** The footer (safe mrkdwn). */
  footer?: string;
}

/** Blocks a section needs beyond its rows: divider, heading, intro, "… and N more", "Next page". */
const SECTION_FRAME = 5;

export function homeView(sections: readonly HomeSection[], options: HomeOptions = {}): HomeView {
  const blocks: KnownBlock[] = [header('ChatDash')];
  if (options.notice) blocks.push(section(options.notice));
  const footer = options.footer ? [context([options.footer])] : [];
  const budget = VIEW_LIMITS.blocks - footer.length;
  sections.forEach((part, i) => {
    // Each later section keeps room for its frame and one row of three blocks.
    const reserved = (sections.length - i - 1) * (SECTION_FRAME + 3);
    const room = budget - blocks.length - reserved;
    blocks.push(...sectionBlocks(part, room));
  });
  blocks.push(...footer);
  return { type: 'home', blocks: blocks.slice(0, VIEW_LIMITS.blocks) };
}

/** One section within `room` blocks (at least its heading and a count). */
function sectionBlocks(part: HomeSection, room: number): KnownBlock[] {
  const head: KnownBlock[] = [divider(), header(part.title), ...(part.intro ? [section(part.intro)] : [])];
  // No rows but a next page (a page that stopped short): its "Next page" is shown, never "none".
  if (part.rows.length === 0 && !part.hidden && !part.next) return [...head, context([part.empty])].slice(0, Math.max(2, room));
  // With `count` rows shown: "… and N more", and "Next page" after the last one shown when the section says where.
  const tail = (count: number): KnownBlock[] => {
    const left = part.rows.length - count + (part.hidden ?? 0);
    const next = (count < part.rows.length ? part.after?.[count - 1] : undefined) ?? part.next;
    return [
      ...(left > 0 ? [context([moreText(left)])] : []),
      ...(next ? [actions([button('Next page', HOME_MORE_ACTION, encodeHomePage({ section: part.id, cursor: next }))])] : []),
    ];
  };
  const rows: KnownBlock[] = [];
  let shown = 0;
  for (const row of part.rows) {
    if (head.length + rows.length + row.length + tail(shown + 1).length > room) break;
    rows.push(...row);
    shown++;
  }
  const blocks = tail(shown);
  return [...head, ...rows, ...blocks].slice(0, Math.max(2, room));
}
