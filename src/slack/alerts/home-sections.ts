/**
 * The alerts' parts of the App Home (`HOME_SECTIONS`): everyone's own alerts, with the same buttons as the channel
 * list; for admins, every alert grouped by project. Left out when the app has no alert store. One page each: the
 * rows past it are counted ("… and N more"); `/chatdash alerts` in a channel lists that channel's.
 */
import type { KnownBlock } from '@slack/types';
import type { StoredAlert } from '../../alerts/model.ts';
import { context } from '../../digest/blocks.ts';
import { canManage, canSeeEverything } from '../../subscriptions/policy.ts';
import type { HomeContext, HomeSectionSource } from '../home/sections.ts';
import { projectLabel } from '../subscriptions/rows.ts';
import { alertRow } from './rows.ts';

/** Rows per section: with the subscriptions' sections these keep the whole Home within 100 blocks. */
export const ALERT_HOME_ROWS = { mine: 8, all: 10 } as const;

function row(home: HomeContext, alert: StoredAlert): KnownBlock[] {
  const manage = canManage(home.actor, { source: 'runtime', owner: alert.definition.createdBy }).ok;
  return alertRow(alert, { config: home.config, showChannel: true, manage, now: home.now() });
}

export const MY_ALERTS: HomeSectionSource = {
  id: 'my-alerts',
  title: 'Your alerts',
  async build(home) {
    if (!home.alerts) return undefined;
    const mine = await home.alerts.listByOwner(home.userId);
    const shown = mine.slice(0, ALERT_HOME_ROWS.mine);
    return {
      id: 'my-alerts',
      title: 'Your alerts',
      rows: shown.map((a) => row(home, a)),
      empty: 'None yet. In a channel, `/chatdash alert` sets one up: a post there when a number needs attention.',
      hidden: mine.length - shown.length,
    };
  },
};

export const EVERY_ALERT: HomeSectionSource = {
  id: 'all-alerts',
  title: 'Every alert, by project',
  async build(home) {
    if (!home.alerts || !canSeeEverything(home.actor).ok) return undefined;
    const { alerts } = home;
    const perProject = await Promise.all(home.config.projects.map((p) => alerts.listByProject(p.key)));
    const rows: KnownBlock[][] = [];
    let total = 0;
    home.config.projects.forEach((project, i) => {
      const list = perProject[i] ?? [];
      total += list.length;
      list.forEach((alert, j) => {
        if (rows.length >= ALERT_HOME_ROWS.all) return;
        const built = row(home, alert);
        rows.push(j === 0 || rows.length === 0 ? [context([`*${projectLabel(home.config, project.key)}*`]), ...built] : built);
      });
    });
    return {
      id: 'all-alerts',
      title: 'Every alert, by project',
      intro: 'As an admin you can mute, pause, edit or delete any of them.',
      rows,
      empty: 'No alerts yet.',
      hidden: total - rows.length,
    };
  },
};
