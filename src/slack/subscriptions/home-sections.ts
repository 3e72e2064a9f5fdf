/**
 * The subscriptions' parts of the App Home: everyone's own subscriptions (with the same buttons as the channel list);
 * for admins, every subscription grouped by project (the configuration's too) and every channel binding grouped by
 * project (the configuration's and those made from Slack), each with next run and last delivery. One page each (a
 * "Next page" button carries the store's cursor); a cursor the store refuses starts again from the first page.
 */
import type { KnownBlock } from '@slack/types';
import { context, section } from '../../digest/blocks.ts';
import { fitLines } from '../../digest/mrkdwn.ts';
import { moreText } from '../../slack/messages.ts';
import type { Page, RuntimeBinding } from '../../store/store.ts';
import type { Subscription } from '../../subscriptions/model.ts';
import { canManage, canSendNow } from '../../subscriptions/policy.ts';
import { createSubscriptionService } from '../../subscriptions/service.ts';
import { HOME_CHANNEL_ID } from '../home/page.ts';
import { homePageOf } from '../home/page-of.ts';
import type { HomeContext, HomeSectionSource } from '../home/sections.ts';
import { projectLabel, subscriptionRow } from './rows.ts';

/** Rows per page: with their headings these keep the whole Home within 100 blocks. */
export const HOME_PAGE = { mine: 10, all: 12, bindings: 50 } as const;

function serviceOf(home: HomeContext) {
  return createSubscriptionService({ config: home.config, store: home.store, log: home.log, now: home.now });
}

function row(home: HomeContext, subscription: Subscription): KnownBlock[] {
  const buttons = {
    sendNow: canSendNow(home.actor, subscription, HOME_CHANNEL_ID, undefined).ok,
    manage: canManage(home.actor, subscription).ok,
  };
  return subscriptionRow(subscription, { config: home.config, showChannel: true, buttons });
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export const MY_SUBSCRIPTIONS: HomeSectionSource = {
  id: 'mine',
  title: 'Your subscriptions',
  async build(home) {
    const page = await homePageOf(home, 'mine', HOME_PAGE.mine, async (p) => unwrap(await serviceOf(home).listMine(home.userId, p)));
    return {
      id: 'mine',
      title: 'Your subscriptions',
      rows: page.items.map((s) => row(home, s)),
      empty: 'None yet. In a channel, `/chatdash subscribe` sets up a digest there.',
      ...(page.cursor ? { next: page.cursor } : {}),
    };
  },
};

/** Where a subscription is listed among projects: its project's place in the configuration; overviews last. */
function groupOf(home: HomeContext, subscription: Subscription): number {
  const index = home.config.projects.findIndex((p) => p.key === subscription.project);
  return subscription.project === undefined || index < 0 ? home.config.projects.length : index;
}

export const EVERY_SUBSCRIPTION: HomeSectionSource = {
  id: 'all',
  title: 'Every subscription, by project',
  async build(home) {
    if (!home.actor.isAdmin) return undefined;
    const requester = { teamId: home.teamId, channelId: HOME_CHANNEL_ID, userId: home.userId, isDirectMessage: true };
    const page = await homePageOf(home, 'all', HOME_PAGE.all, async (p) => unwrap(await serviceOf(home).listAll(requester, p)));
    const all = [...page.fromConfig, ...page.runtime.items]
      .map((subscription, order) => ({ subscription, order, group: groupOf(home, subscription) }))
      .sort((a, b) => a.group - b.group || a.order - b.order);
    let previous: number | undefined;
    const rows = all.map(({ subscription, group }) => {
      const heading =
        group === previous
          ? []
          : [
              context([
                subscription.project === undefined
                  ? '*Agency overviews*'
                  : `*${projectLabel(home.config, subscription.project)}* \u00b7 \`${subscription.project}\``,
              ]),
            ];
      previous = group;
      return [...heading, ...row(home, subscription)];
    });
    return {
      id: 'all',
      title: 'Every subscription, by project',
      intro: 'You see these as a ChatDash admin. Those _from configuration_ are changed in the configuration file.',
      rows,
      empty: 'No subscriptions yet, in the configuration or from Slack.',
      ...(page.runtime.cursor ? { next: page.runtime.cursor } : {}),
    };
  },
};

/** Characters of one project's channel list. */
const BINDING_TEXT = 2000;

export const CHANNEL_BINDINGS: HomeSectionSource = {
  id: 'bindings',
  title: 'Channels, by project',
  async build(home) {
    if (!home.actor.isAdmin) return undefined;
    const runtime: Page<RuntimeBinding> = await homePageOf(home, 'bindings', HOME_PAGE.bindings, (p) => home.store.listBindings(p));
    const firstPage = !home.pages.bindings;
    const rows = home.config.projects.flatMap((project) => {
      const fromYaml = firstPage ? home.config.channels.filter((b) => b.projects.includes(project.key)).map((b) => `<#${b.channel}>`) : [];
      const fromSlack = runtime.items
        .filter((b) => b.project === project.key)
        .map((b) => `<#${b.channel}> _(from Slack, by <@${b.createdBy}>)_`);
      if (fromYaml.length + fromSlack.length === 0) return [];
      const heading = `*${projectLabel(home.config, project.key)}* \u00b7 \`${project.key}\``;
      return [[section(fitLines([heading, ...fromYaml, ...fromSlack], BINDING_TEXT, (n) => `_${moreText(n)}_`))]];
    });
    return {
      id: 'bindings',
      title: 'Channels, by project',
      intro:
        'Connect a channel from Slack with `/chatdash connect <project>` in it (admins); those from the configuration stay until it changes.',
      rows,
      empty: 'No channel is connected to a project yet.',
      ...(runtime.cursor ? { next: runtime.cursor } : {}),
    };
  },
};
