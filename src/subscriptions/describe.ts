/**
 * A subscription as people see it, for operators' messages (pure): what it posts, where and when ("the *Acme Support
 * Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris"), rather than its id, which nobody sees in Slack. A YAML
 * one also names itself (its name is what admins edit in the configuration).
 */
import { ALL_PROJECTS } from '../config/all-projects.ts';
import type { Config } from '../config/schema.ts';
import { escapeMrkdwn, mrkdwnLabel } from '../digest/mrkdwn.ts';
import { describeSchedule } from './frequency.ts';
import type { Subscription } from './model.ts';

/** Project names shown for an overview subscription that lists its projects. */
const NAMED_PROJECTS = 3;

function projectName(config: Pick<Config, 'projects'>, key: string): string {
  return mrkdwnLabel(config.projects.find((p) => p.key === key)?.name ?? key, 80);
}

/** Safe mrkdwn: "the *Acme Support Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris (`acme-weekly` in the configuration)". */
export function subscriptionInWords(subscription: Subscription, config: Pick<Config, 'projects' | 'defaults'>): string {
  let what: string;
  if (subscription.projects === ALL_PROJECTS) what = 'the *agency overview*';
  else if (subscription.projects) {
    const names = subscription.projects.slice(0, NAMED_PROJECTS).map((key) => projectName(config, key));
    const more = subscription.projects.length - names.length;
    what = `the *agency overview* of ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  } else what = `the *${projectName(config, subscription.project ?? '')}* digest`;
  const when = escapeMrkdwn(describeSchedule(subscription.schedule, subscription.timeZone ?? config.defaults.timeZone));
  const name = subscription.source === 'config' ? ` (\`${escapeMrkdwn(subscription.id)}\` in the configuration)` : '';
  return `${what} for <#${subscription.channel}>, ${when}${name}`;
}

/** An instant in a time zone, for operators: "Mon, Nov 23, 09:00 Europe/Paris" (safe mrkdwn; the ISO text if unreadable). */
export function instantInWords(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return escapeMrkdwn(iso.slice(0, 40));
  try {
    const text = new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(at);
    return escapeMrkdwn(`${text} ${timeZone}`);
  } catch {
    return escapeMrkdwn(`${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  }
}
