/**
 * One subscription as the channel list and the App Home show it: what it posts, where, when (schedule in words, next
 * run, paused or not), who owns it, how its last delivery went, and the buttons the person may use (Send now, Pause or
 * Resume, Edit, Delete with Slack's confirm dialog). The alerts UI can reuse the same shape: a section and an actions
 * block kept together as one row. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import { ALL_PROJECTS } from '../../config/all-projects.ts';
import type { Config } from '../../config/schema.ts';
import { actions, button, section } from '../../digest/blocks.ts';
import { SLACK_LIMITS } from '../../digest/limits.ts';
import { escapeMrkdwn, mrkdwnLabel, truncateEscaped } from '../../digest/mrkdwn.ts';
import { noun } from '../../digest/plural.ts';
import { inlineList } from '../../slack/messages.ts';
import { describeSchedule } from '../../subscriptions/frequency.ts';
import type { Subscription } from '../../subscriptions/model.ts';
import { PAUSE_WORDS } from '../../subscriptions/pause-words.ts';
import { type SubscriptionOp, subscriptionActionId } from './ids.ts';
import { encodeButtonValue } from './values.ts';
import { describeDelivery, formatInstant } from './when.ts';

/** Longest project name shown in a row. */
const NAME_CHARS = 80;

export interface RowButtons {
  /** Send now (the owner, admins, or anyone who may see its projects in its channel). */
  sendNow: boolean;
  /** Pause/Resume, Edit, Delete (the owner and admins, runtime subscriptions only). */
  manage: boolean;
}

export interface RowOptions {
  config: Pick<Config, 'projects' | 'defaults'>;
  /** Name the channel (App Home); the channel list leaves it out. */
  showChannel?: boolean;
  buttons: RowButtons;
}

/** A project's display name, escaped and cut (its key when it is no longer configured). */
export function projectLabel(config: Pick<Config, 'projects'>, key: string): string {
  return mrkdwnLabel(config.projects.find((p) => p.key === key)?.name ?? key, NAME_CHARS);
}

/** What a subscription posts, as a noun phrase (safe mrkdwn): "the *Acme Support Bot* digest", "the *agency overview* of …". */
export function describeCoverage(subscription: Pick<Subscription, 'project' | 'projects'>, config: Pick<Config, 'projects'>): string {
  if (subscription.projects === ALL_PROJECTS) return 'the *agency overview* of every project in its channel';
  if (subscription.projects) {
    const names = subscription.projects.map((key) => projectLabel(config, key));
    return `the *agency overview* of ${names.length} ${noun(names.length, 'project')} (${inlineList(names, 3)})`;
  }
  return `the *${projectLabel(config, subscription.project ?? '')}* digest`;
}

/** When it runs next, or why it doesn't (safe mrkdwn). */
function nextLine(subscription: Subscription): string {
  const { paused } = subscription;
  if (paused) {
    const since = formatInstant(paused.at, subscription.timeZone ?? 'UTC');
    const why = paused.reason === 'user' ? (paused.by ? `by <@${paused.by}>` : 'by hand') : PAUSE_WORDS[paused.reason];
    return `:double_vertical_bar: *Paused* ${since}: ${why}`;
  }
  return subscription.nextRunAt
    ? `Next: ${formatInstant(subscription.nextRunAt, subscription.timeZone ?? 'UTC')}`
    : 'Next: never (its schedule has no date left)';
}

/** The row's text (safe mrkdwn, at most a few hundred characters). */
export function rowText(subscription: Subscription, options: Pick<RowOptions, 'config' | 'showChannel'>): string {
  const timeZone = subscription.timeZone ?? options.config.defaults.timeZone;
  const what = describeCoverage(subscription, options.config);
  const where = options.showChannel ? ` in <#${subscription.channel}>` : '';
  const origin = subscription.source === 'config' ? ' \u00b7 _from configuration_' : '';
  const when = `${escapeMrkdwn(describeSchedule(subscription.schedule, timeZone))} \u00b7 covers ${escapeMrkdwn(subscription.period)}`;
  const state = [
    nextLine(subscription),
    ...(subscription.lastDelivery ? [`Last: ${describeDelivery(subscription.lastDelivery, timeZone)}`] : []),
    ...(subscription.owner ? [`Owner: <@${subscription.owner}>`] : []),
  ].join(' \u00b7 ');
  return `${capitalise(what)}${where}${origin}\n${when}\n${state}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function opButton(op: SubscriptionOp, text: string, subscription: Subscription): Button {
  return button(
    text,
    subscriptionActionId(op),
    encodeButtonValue({ s: subscription.source, id: subscription.id, ...(subscription.version ? { v: subscription.version } : {}) }),
  );
}

/** A plain_text object from text that is already escaped (as the digest's builders treat plain text). */
const plain = (escaped: string, max: number) => ({ type: 'plain_text' as const, text: truncateEscaped(escaped, max) });

/** The buttons the person may use on this subscription. */
export function rowButtons(subscription: Subscription, allowed: RowButtons, config: Pick<Config, 'projects'>): Button[] {
  const list: Button[] = [];
  if (allowed.sendNow) list.push({ ...opButton('send_now', 'Send now', subscription), style: 'primary' });
  if (allowed.manage && subscription.source === 'runtime') {
    list.push(subscription.paused ? opButton('resume', 'Resume', subscription) : opButton('pause', 'Pause', subscription));
    list.push(opButton('edit', 'Edit', subscription));
    const what = describeCoverage(subscription, config).replace(/\*/g, '');
    list.push({
      ...opButton('delete', 'Delete', subscription),
      style: 'danger',
      confirm: {
        title: plain('Delete this subscription?', SLACK_LIMITS.confirmTitle),
        text: plain(`No more posts of ${what} in this channel. This can\u2019t be undone.`, SLACK_LIMITS.confirmText),
        confirm: plain('Delete', SLACK_LIMITS.confirmButton),
        deny: plain('Keep it', SLACK_LIMITS.confirmButton),
        style: 'danger',
      },
    });
  }
  return list;
}

/** The row: its section, and its buttons when there are any (kept together when a list is cut). */
export function subscriptionRow(subscription: Subscription, options: RowOptions): KnownBlock[] {
  const buttons = rowButtons(subscription, options.buttons, options.config);
  return [section(rowText(subscription, options)), ...(buttons.length > 0 ? [actions(buttons)] : [])];
}
