/**
 * What the channel is told when someone changes its alerts (one short message naming who did what), and the
 * confirmation the person who did it sees. Pure: safe mrkdwn from the alert and the configuration.
 */
import type { AlertDefinition } from '../../alerts/model.ts';
import type { Config } from '../../config/schema.ts';
import { noun } from '../../digest/plural.ts';
import { projectLabel } from '../subscriptions/rows.ts';
import { formatInstant } from '../subscriptions/when.ts';
import { describeAlertRef } from './rows.ts';

export type AlertChange = 'created' | 'updated' | 'muted' | 'unmuted' | 'paused' | 'resumed' | 'deleted';

type Cfg = Pick<Config, 'projects' | 'defaults'>;

/** The channel's announcement of a change `actor` made. */
export function alertAnnouncement(change: AlertChange, alert: AlertDefinition, actor: string, config: Cfg): string {
  const who = `<@${actor}>`;
  const what = describeAlertRef(alert, config);
  switch (change) {
    case 'created':
      return `:rotating_light: ${who} set up an alert here: ${what}. It posts once when it starts and when it is back to normal.`;
    case 'updated':
      return `:pencil2: ${who} changed an alert of this channel: now ${what}.`;
    case 'muted':
      return `:no_bell: ${who} muted an alert of this channel until ${formatInstant(alert.mutedUntil ?? '', alert.timeZone)}: ${what}.`;
    case 'unmuted':
      return `:bell: ${who} unmuted an alert of this channel: ${what}.`;
    case 'paused':
      return `:double_vertical_bar: ${who} paused an alert of this channel: ${what}. \`/chatdash alerts\` can resume it.`;
    case 'resumed':
      return `:arrow_forward: ${who} resumed an alert of this channel: ${what}.`;
    case 'deleted':
      return `:wastebasket: ${who} deleted an alert of this channel: ${what}.`;
  }
}

/** What the person who made the change is told (an App Home notice, or beside the list). */
export function alertConfirmation(change: AlertChange, alert: AlertDefinition, config: Cfg): string {
  const verb = {
    created: 'Created',
    updated: 'Saved',
    muted: 'Muted',
    unmuted: 'Unmuted',
    paused: 'Paused',
    resumed: 'Resumed',
    deleted: 'Deleted',
  }[change];
  return `:white_check_mark: ${verb}: ${describeAlertRef(alert, config)} in <#${alert.channelId}>.`;
}

/** The channel's announcement of recommended alerts added in one click. */
export function recommendedAnnouncement(added: readonly AlertDefinition[], project: string, actor: string, config: Cfg): string {
  const list = added.map((a) => `\u2022 ${describeAlertRef(a, config)}`).join('\n');
  return `:rotating_light: <@${actor}> added ${added.length} recommended ${noun(added.length, 'alert')} for *${projectLabel(config, project)}* here:\n${list}`;
}
