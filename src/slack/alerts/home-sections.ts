/**
 * The alerts' parts of the App Home (`HOME_SECTIONS`): everyone's own alerts, with the same buttons as the channel
 * list; for admins, every alert grouped by project, then those whose project left the configuration (paused by the
 * worker, its reason said). Left out when the app has no alert store. A page each: "Next page" carries a cursor on
 * the listing (`pageOfListing`); one the listing refuses starts again from the first page.
 */
import type { KnownBlock } from '@slack/types';
import type { StoredAlert } from '../../alerts/model.ts';
import { context } from '../../digest/blocks.ts';
import { escapeMrkdwn } from '../../digest/mrkdwn.ts';
import { pageOfListing } from '../../store/cursor.ts';
import { canManage, canSeeEverything } from '../../subscriptions/policy.ts';
import { homePageOf } from '../home/page-of.ts';
import type { HomeContext, HomeSectionSource } from '../home/sections.ts';
import type { HomeSection } from '../home/view.ts';
import { projectLabel } from '../subscriptions/rows.ts';
import { alertRow } from './rows.ts';

/** Rows per page: with the subscriptions' sections these keep the whole Home within 100 blocks. */
export const ALERT_HOME_ROWS = { mine: 8, all: 10 } as const;

/** The heading of the admins' last group: alerts whose project left the configuration. */
export const REMOVED_PROJECTS = 'Projects no longer configured';

function row(home: HomeContext, alert: StoredAlert): KnownBlock[] {
  const manage = canManage(home.actor, { source: 'runtime', owner: alert.definition.createdBy }).ok;
  return alertRow(alert, { config: home.config, showChannel: true, manage, now: home.now() });
}

/** A page of `listed` for a section: its rows, the count after it, its "Next page" and where a page starts after each row. */
async function pageFor<T>(
  home: HomeContext,
  id: string,
  listed: readonly T[],
  keyOf: (item: T) => string,
  limit: number,
): Promise<{ items: T[]; paging: Pick<HomeSection, 'hidden' | 'next' | 'after'> }> {
  const page = await homePageOf(home, id, limit, async ({ cursor }) => pageOfListing(listed, keyOf, { limit, of: id, cursor }));
  return { items: page.items, paging: { hidden: page.left, after: page.after, ...(page.cursor ? { next: page.cursor } : {}) } };
}

export const MY_ALERTS: HomeSectionSource = {
  id: 'my-alerts',
  title: 'Your alerts',
  async build(home) {
    if (!home.alerts) return undefined;
    const mine = await home.alerts.listByOwner(home.userId);
    const page = await pageFor(home, 'my-alerts', mine, (a) => a.definition.id, ALERT_HOME_ROWS.mine);
    return {
      id: 'my-alerts',
      title: 'Your alerts',
      rows: page.items.map((a) => row(home, a)),
      empty: 'None yet. In a channel, `/chatdash alert` sets one up: a post there when a number needs attention.',
      ...page.paging,
    };
  },
};

/** An alert among every alert: its group (a configured project's place; removed projects last) and sort key. */
interface Grouped {
  alert: StoredAlert;
  group: number;
  key: string;
}

/** Every alert in the order the admins' section lists them: by configured project, then removed projects by key. */
async function everyAlert(home: HomeContext): Promise<Grouped[]> {
  const { alerts, config } = home;
  if (!alerts) return [];
  const configured = new Set(config.projects.map((p) => p.key));
  const [perProject, all] = await Promise.all([Promise.all(config.projects.map((p) => alerts.listByProject(p.key))), alerts.listAll()]);
  const removed = all.filter((a) => !configured.has(a.definition.project));
  const group = (g: number) => String(g).padStart(4, '0');
  return [
    ...perProject.flatMap((list, g) => list.map((alert) => ({ alert, group: g, key: `${group(g)}:${alert.definition.id}` }))),
    ...removed.map((alert) => ({
      alert,
      group: config.projects.length,
      key: `${group(config.projects.length)}:${alert.definition.project}#${alert.definition.id}`,
    })),
  ];
}

function groupHeading(home: HomeContext, grouped: Grouped): string {
  const project = grouped.alert.definition.project;
  return grouped.group < home.config.projects.length
    ? `*${projectLabel(home.config, project)}*`
    : `*${REMOVED_PROJECTS}* \u00b7 \`${escapeMrkdwn(project)}\``;
}

export const EVERY_ALERT: HomeSectionSource = {
  id: 'all-alerts',
  title: 'Every alert, by project',
  async build(home) {
    if (!home.alerts || !canSeeEverything(home.actor).ok) return undefined;
    const page = await pageFor(home, 'all-alerts', await everyAlert(home), (g) => g.key, ALERT_HOME_ROWS.all);
    let previous: string | undefined;
    const rows = page.items.map((grouped) => {
      const heading = groupHeading(home, grouped);
      const first = heading !== previous;
      previous = heading;
      return first ? [context([heading]), ...row(home, grouped.alert)] : row(home, grouped.alert);
    });
    return {
      id: 'all-alerts',
      title: 'Every alert, by project',
      intro: `As an admin you can mute, pause, edit or delete any of them. Those under _${REMOVED_PROJECTS}_ were paused by the bot.`,
      rows,
      empty: 'No alerts yet.',
      ...page.paging,
    };
  },
};
