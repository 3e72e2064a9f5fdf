/**
 * What the channel is told when someone changes what it gets: one short message naming who did what, and when the
 * next post comes. Also the confirmations the person who did it sees (an App Home notice, an ephemeral answer).
 * Pure: safe mrkdwn from the subscription and the configuration.
 */
import type { Config } from '../../config/schema.ts';
import { escapeMrkdwn } from '../../digest/mrkdwn.ts';
import { describeSchedule } from '../../subscriptions/frequency.ts';
import type { Subscription } from '../../subscriptions/model.ts';
import { describeCoverage, projectLabel } from './rows.ts';
import { formatInstant } from './when.ts';

export type SubscriptionChange = 'created' | 'updated' | 'paused' | 'resumed' | 'deleted';

type Settings = Pick<Subscription, 'project' | 'projects' | 'schedule' | 'timeZone' | 'period' | 'nextRunAt' | 'channel'>;

function schedule(subscription: Settings, config: Pick<Config, 'defaults'>): string {
  const timeZone = subscription.timeZone ?? config.defaults.timeZone;
  return `${escapeMrkdwn(describeSchedule(subscription.schedule, timeZone))}, covering ${escapeMrkdwn(subscription.period)}`;
}

function next(subscription: Settings, config: Pick<Config, 'defaults'>, lead: string): string {
  if (!subscription.nextRunAt) return '';
  return ` ${lead} ${formatInstant(subscription.nextRunAt, subscription.timeZone ?? config.defaults.timeZone)} (${escapeMrkdwn(subscription.timeZone ?? config.defaults.timeZone)}).`;
}

/** The channel's announcement of a change `actor` made. */
export function announcement(
  change: SubscriptionChange,
  subscription: Settings,
  actor: string,
  config: Pick<Config, 'projects' | 'defaults'>,
): string {
  const who = `<@${actor}>`;
  const what = describeCoverage(subscription, config);
  switch (change) {
    case 'created':
      return `:bell: ${who} subscribed this channel to ${what}: ${schedule(subscription, config)}.${next(subscription, config, 'The first one comes')}`;
    case 'updated':
      return `:pencil2: ${who} changed this channel\u2019s subscription to ${what}: now ${schedule(subscription, config)}.${next(subscription, config, 'Next:')}`;
    case 'paused':
      return `:double_vertical_bar: ${who} paused this channel\u2019s subscription to ${what}. \`/chatdash subscriptions\` can resume it.`;
    case 'resumed':
      return `:arrow_forward: ${who} resumed this channel\u2019s subscription to ${what}.${next(subscription, config, 'Next:')}`;
    case 'deleted':
      return `:wastebasket: ${who} deleted this channel\u2019s subscription to ${what}.`;
  }
}

/** What the person who made the change is told (an App Home notice, or beside the list). */
export function confirmation(change: SubscriptionChange, subscription: Settings, config: Pick<Config, 'projects'>): string {
  const what = describeCoverage(subscription, config);
  const where = `<#${subscription.channel}>`;
  const verb = { created: 'Subscribed', updated: 'Saved', paused: 'Paused', resumed: 'Resumed', deleted: 'Deleted' }[change];
  return `:white_check_mark: ${verb}: ${what} in ${where}.`;
}

/** The channel's announcement of a binding an admin made or removed. */
export function bindingAnnouncement(
  change: 'connected' | 'disconnected',
  project: string,
  actor: string,
  config: Pick<Config, 'projects'>,
): string {
  const name = `*${projectLabel(config, project)}*`;
  return change === 'connected'
    ? `:link: <@${actor}> connected this channel to ${name}: \`/chatdash stats ${project}\` works here now, and \`/chatdash subscribe ${project}\` sets up a digest.`
    : `:scissors: <@${actor}> disconnected this channel from ${name}. Its subscriptions here that cover it stop at their next run (their owners are told).`;
}
