/**
 * Publishes a person's App Home (`views.publish`): every section of `HOME_SECTIONS` built for them, side by side, then
 * rendered within Slack's limits. A section that fails to load says so in its place; the rest stands. People from a
 * workspace the bot isn't set up for see only that.
 */
import type { WebClient } from '@slack/web-api';
import { ACCESS_MESSAGES } from '../../config/access.ts';
import { errorFields } from '../../log.ts';
import { policyActor } from '../../subscriptions/policy.ts';
import { ACK_PATH_MS, withinMs } from '../time-limit.ts';
import { HOME_SECTIONS, type HomeContext, type HomeSectionSource } from './sections.ts';
import { type HomeSection, homeView } from './view.ts';

export const HOME_FOOTER =
  'In a channel: `/chatdash subscribe` sets up a digest there, `/chatdash subscriptions` lists its subscriptions; `/chatdash alert` sets up an alert, `/chatdash alerts` lists them. Times are in each one\u2019s own time zone.';

export const HOME_SECTION_FAILED = ':warning: I couldn\u2019t load this part just now. Open the tab again in a minute.';

export interface PublishHomeOptions {
  /** A line above everything (safe mrkdwn): what the last click did, or why it was refused. */
  notice?: string;
  /** The page each section shows, by section id (default: the first). */
  pages?: Readonly<Record<string, string>>;
  /** Default `HOME_SECTIONS`. */
  sources?: readonly HomeSectionSource[];
}

export async function publishHome(
  base: Omit<HomeContext, 'actor' | 'pages'>,
  client: WebClient,
  options: PublishHomeOptions = {},
): Promise<void> {
  const home: HomeContext = { ...base, actor: policyActor(base.config, base.userId), pages: options.pages ?? {} };
  const sections = base.config.workspaces.includes(base.teamId) ? await buildSections(home, options.sources ?? HOME_SECTIONS) : [];
  const notice = base.config.workspaces.includes(base.teamId) ? options.notice : ACCESS_MESSAGES.workspace;
  const view = homeView(sections, { ...(notice ? { notice } : {}), footer: HOME_FOOTER });
  await withinMs(client.views.publish({ user_id: base.userId, view }), ACK_PATH_MS.view, 'views.publish');
  base.log('info', 'home.published', { user: base.userId, blocks: view.blocks.length, sections: sections.map((s) => s.id) });
}

async function buildSections(home: HomeContext, sources: readonly HomeSectionSource[]): Promise<HomeSection[]> {
  const built = await Promise.all(
    sources.map(async (source): Promise<HomeSection | undefined> => {
      try {
        return await source.build(home);
      } catch (error) {
        home.log('error', 'home.section_failed', { section: source.id, ...errorFields(error) });
        return { id: source.id, title: source.title, rows: [], empty: HOME_SECTION_FAILED };
      }
    }),
  );
  return built.filter((s): s is HomeSection => s !== undefined);
}
