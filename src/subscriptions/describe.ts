/**
 * A subscription as people see it, for operators' messages (pure): what it posts, where and when ("the *Acme Support
 * Bot* digest for <#C0ACME>, Mondays at 09:00 Europe/Paris"), rather than its id, which nobody sees in Slack. A YAML
 * one also names itself (its name is what admins edit in the configuration).
 */
import { ALL_PROJECTS } from '../config/all-projects.ts';
import type { Config } from '../config/schema.ts';
import { escapeMrkdwn, mrkdwnLabel } from '../digest/mrkdwn.ts';
import { formatInstant } from '../slack/subscriptions/when.ts';
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

/** An instant in a time zone, for operators: "Mon, Nov 23, 09:00 Europe/Paris" (safe mrkdwn; as it came if unreadable). */
export function instantInWords(iso: string, timeZone: string): string {
  const text = formatInstant(iso, timeZone);
  // formatInstant falls back on UTC (saying so) for a zone it can't use, and on the text itself for a bad instant.
  const fellBack = text === iso || (text.endsWith(' UTC') && timeZone !== 'UTC');
  return escapeMrkdwn(fellBack ? text.slice(0, 60) : `${text} ${timeZone}`);
}
