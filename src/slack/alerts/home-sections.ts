/**
 * The alerts' parts of the App Home (`HOME_SECTIONS`): everyone's own alerts, with the same buttons as the channel
 * list; for admins, every alert grouped by project, then those whose project left the configuration (paused by the
 * worker, its reason said). Left out when the app has no alert store. A page each, read from the store a page at a
 * time: "Next page" carries the store's cursor (for admins: the group it is in, and the store's cursor there); one
 * refused starts again from the first page. Every alert is reachable, whatever their number, and each build's reads
 * are bounded: a page that stops early at the bound says so, and its "Next page" goes on from there.
 */
import type { KnownBlock } from '@slack/types';
import type { StoredAlert } from '../../alerts/model.ts';
import type { AlertPage, AlertStore } from '../../alerts/store.ts';
import { context } from '../../digest/blocks.ts';
import { escapeMrkdwn } from '../../digest/mrkdwn.ts';
import { badCursor } from '../../store/cursor.ts';
import { MAX_PAGE_SIZE, type PageRequest } from '../../store/store.ts';
import { canManage, canSeeEverything } from '../../subscriptions/policy.ts';
import { homePageOf } from '../home/page-of.ts';
import type { HomeContext, HomeSectionSource } from '../home/sections.ts';
import { projectLabel } from '../subscriptions/rows.ts';
import { alertRow } from './rows.ts';

/** Rows per page: with the subscriptions' sections these keep the whole Home within 100 blocks. */
export const ALERT_HOME_ROWS = { mine: 8, all: 10 } as const;

/**
 * Store reads (index Queries) one build of the admins' section may make: one per configured project on the way (most
 * have few alerts), and pages of every alert to find those of removed projects. At the bound the page stops short.
 */
export const EVERY_ALERT_READS = 12;

/** Said when a page of the admins' section stopped at its bound of reads before it was full. */
export const STOPPED_SHORT =
  '_This page stopped early, after looking through many alerts (those of projects no longer configured are found among every alert). *Next page* goes on from here._';

/** The heading of the admins' last group: alerts whose project left the configuration. */
export const REMOVED_PROJECTS = 'Projects no longer configured';

function row(home: HomeContext, alert: StoredAlert): KnownBlock[] {
  const manage = canManage(home.actor, { source: 'runtime', owner: alert.definition.createdBy }).ok;
  return alertRow(alert, { config: home.config, showChannel: true, manage, now: home.now() });
}

export const MY_ALERTS: HomeSectionSource = {
  id: 'my-alerts',
  title: 'Your alerts',
  async build(home) {
    const { alerts } = home;
    if (!alerts) return undefined;
    const page = await homePageOf(home, 'my-alerts', ALERT_HOME_ROWS.mine, (p) => alerts.listByOwner(home.userId, p));
    return {
      id: 'my-alerts',
      title: 'Your alerts',
      rows: page.items.map((a) => row(home, a)),
      empty: 'None yet. In a channel, `/chatdash alert` sets one up: a post there when a number needs attention.',
      after: page.after,
      ...(page.cursor ? { next: page.cursor } : {}),
    };
  },
};

/** An alert among every alert: its group (a configured project's place; removed projects last) and where a page starts after it. */
interface Grouped {
  alert: StoredAlert;
  group: number;
  after: string;
}

/**
 * Where the admins' section reads next: a group (a configured project's place, or after them all: removed projects)
 * and the store's cursor in that group's listing. As text: `<group>` or `<group>.<store cursor>`.
 */
interface Place {
  group: number;
  cursor?: string;
}

const placeText = (place: Place): string => (place.cursor ? `${place.group}.${place.cursor}` : String(place.group));

function placeOf(text: string | undefined, groups: number): Place {
  if (text === undefined) return { group: 0 };
  const match = /^(\d{1,4})(?:\.(.+))?$/.exec(text);
  const group = Number(match?.[1]);
  if (!match || group > groups) throw badCursor();
  return { group, ...(match[2] ? { cursor: match[2] } : {}) };
}

/**
 * A page of every alert in the order the admins' section lists them: by configured project (each project's own
 * listing), then those of removed projects (found in the listing of every alert). At most `limit` rows and
 * EVERY_ALERT_READS store reads; `next` is where the following page starts, absent at the end.
 */
async function everyAlert(
  home: HomeContext,
  alerts: AlertStore,
  request: PageRequest,
): Promise<{ items: Grouped[]; next?: string; stoppedShort: boolean }> {
  const projects = home.config.projects.map((p) => p.key);
  const configured = new Set(projects);
  const limit = request.limit ?? ALERT_HOME_ROWS.all;
  let place = placeOf(request.cursor, projects.length);
  const items: Grouped[] = [];
  let reads = 0;
  while (place.group <= projects.length && items.length < limit) {
    if (reads >= EVERY_ALERT_READS) {
      home.log('warn', 'alert.home_page_bounded', { reads, rows: items.length, group: place.group, groups: projects.length + 1 });
      return { items, next: placeText(place), stoppedShort: true };
    }
    const { group } = place;
    const project = projects[group];
    const from = place.cursor ? { cursor: place.cursor } : {};
    const page: AlertPage =
      project !== undefined
        ? await alerts.listByProject(project, { limit: limit - items.length, ...from })
        : await alerts.listAll({ limit: MAX_PAGE_SIZE, ...from });
    reads++;
    const found = page.items.flatMap((alert, i) =>
      project !== undefined || !configured.has(alert.definition.project) ? [{ alert, group, after: `${group}.${page.after[i]}` }] : [],
    );
    const room = limit - items.length;
    items.push(...found.slice(0, room));
    // A page with more than the room left: the next starts right after the last row taken.
    if (found.length > room) return { items, next: items.at(-1)?.after ?? placeText(place), stoppedShort: false };
    place = page.cursor ? { group, cursor: page.cursor } : { group: group + 1 };
  }
  return { items, ...(place.group <= projects.length ? { next: placeText(place) } : {}), stoppedShort: false };
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
    const { alerts } = home;
    const page = await homePageOf(home, 'all-alerts', ALERT_HOME_ROWS.all, (p) => everyAlert(home, alerts, p));
    let previous: string | undefined;
    const rows = page.items.map((grouped) => {
      const heading = groupHeading(home, grouped);
      const first = heading !== previous;
      previous = heading;
      return first ? [context([heading]), ...row(home, grouped.alert)] : row(home, grouped.alert);
    });
    const intro = `As an admin you can mute, pause, edit or delete any of them. Those under _${REMOVED_PROJECTS}_ were paused by the bot.`;
    return {
      id: 'all-alerts',
      title: 'Every alert, by project',
      intro: page.stoppedShort ? `${intro}\n${STOPPED_SHORT}` : intro,
      rows,
      empty: 'No alerts yet.',
      after: page.items.map((g) => g.after),
      ...(page.next ? { next: page.next } : {}),
    };
  },
};
