/**
 * One alert as the channel list and the App Home show it: what it watches on which project (and where), its state
 * (OK, firing since …, muted until …, paused), who owns it, and the buttons the person may use (Mute 24 h or Unmute,
 * Pause or Resume, Edit, Delete with Slack's confirm dialog) — the same shape as a subscription's row (a section
 * and an actions block kept together). Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { AlertDefinition, StoredAlert } from '../../alerts/model.ts';
import { ALERT_PAUSE_WORDS } from '../../alerts/pause-words.ts';
import { describeAlert } from '../../alerts/render.ts';
import type { Config } from '../../config/schema.ts';
import { actions, button, section } from '../../digest/blocks.ts';
import { createFormatter } from '../../digest/format.ts';
import { SLACK_LIMITS } from '../../digest/limits.ts';
import { escapeMrkdwn, mrkdwnLabel, truncateEscaped } from '../../digest/mrkdwn.ts';
import { projectLabel } from '../subscriptions/rows.ts';
import { formatInstant } from '../subscriptions/when.ts';
import { type AlertOp, alertActionId } from './ids.ts';
import { encodeAlertButton } from './values.ts';

export interface AlertRowOptions {
  config: Pick<Config, 'projects' | 'defaults'>;
  /** Name the channel (App Home); the channel list leaves it out. */
  showChannel?: boolean;
  /** Mute, Pause/Resume, Edit, Delete (the owner and admins). */
  manage: boolean;
  now: Date;
}

/** The alert as a noun phrase (safe mrkdwn): "*Checkout quality*: Understood rate below 80% · checked hourly, on *Acme*". */
export function describeAlertRef(alert: AlertDefinition, config: Pick<Config, 'projects' | 'defaults'>): string {
  const fmt = createFormatter({ locale: alert.locale ?? config.defaults.locale });
  const name = alert.name ? `*${mrkdwnLabel(alert.name, 80)}*: ` : '';
  return `${name}${describeAlert(alert, fmt)} on *${projectLabel(config, alert.project)}*`;
}

/** Its state in words (safe mrkdwn): paused (and why, when the bot paused it), muted until …, firing since …, or OK. */
export function alertStateText(stored: StoredAlert, now: Date): string {
  const { definition, state } = stored;
  const tz = definition.timeZone;
  const parts: string[] = [];
  if (definition.paused)
    parts.push(
      `:double_vertical_bar: *Paused*${definition.pausedReason ? ` by the bot: ${ALERT_PAUSE_WORDS[definition.pausedReason]}` : ''}`,
    );
  else if (state.status === 'firing' && state.incident)
    parts.push(`:rotating_light: *Firing* since ${formatInstant(state.incident.since, tz)}`);
  else parts.push(':white_check_mark: *OK*');
  if (definition.mutedUntil && Date.parse(definition.mutedUntil) > now.getTime()) {
    parts.push(`:no_bell: muted until ${formatInstant(definition.mutedUntil, tz)}`);
  }
  return parts.join(' \u00b7 ');
}

export function alertRowText(stored: StoredAlert, options: Pick<AlertRowOptions, 'config' | 'showChannel' | 'now'>): string {
  const { definition } = stored;
  const where = options.showChannel ? ` in <#${definition.channelId}>` : '';
  const quiet = definition.quietHours ? ` \u00b7 quiet ${definition.quietHours.start}\u2013${definition.quietHours.end}` : '';
  const meta = `${escapeMrkdwn(definition.timeZone)}${quiet} \u00b7 Owner: <@${definition.createdBy}>`;
  return `${describeAlertRef(definition, options.config)}${where}\n${alertStateText(stored, options.now)}\n${meta}`;
}

function opButton(op: AlertOp, text: string, stored: StoredAlert): Button {
  return button(
    text,
    alertActionId(op),
    encodeAlertButton({ id: stored.definition.id, ...(stored.definitionVersion ? { v: stored.definitionVersion } : {}) }),
  );
}

/** A plain_text object from text that is already escaped (as the digest's builders treat plain text). */
const plain = (escaped: string, max: number) => ({ type: 'plain_text' as const, text: truncateEscaped(escaped, max) });

/** The buttons the person may use on this alert. */
export function alertRowButtons(stored: StoredAlert, manage: boolean, now: Date): Button[] {
  if (!manage) return [];
  const { definition } = stored;
  const muted = definition.mutedUntil !== undefined && Date.parse(definition.mutedUntil) > now.getTime();
  return [
    muted ? opButton('unmute', 'Unmute', stored) : opButton('mute', 'Mute 24 h', stored),
    definition.paused ? opButton('resume', 'Resume', stored) : opButton('pause', 'Pause', stored),
    opButton('edit', 'Edit', stored),
    {
      ...opButton('delete', 'Delete', stored),
      style: 'danger',
      confirm: {
        title: plain('Delete this alert?', SLACK_LIMITS.confirmTitle),
        text: plain('It stops watching and won\u2019t post in its channel again. This can\u2019t be undone.', SLACK_LIMITS.confirmText),
        confirm: plain('Delete', SLACK_LIMITS.confirmButton),
        deny: plain('Keep it', SLACK_LIMITS.confirmButton),
        style: 'danger',
      },
    },
  ];
}

/** The row: its section, and its buttons when there are any (kept together when a list is cut). */
export function alertRow(stored: StoredAlert, options: AlertRowOptions): KnownBlock[] {
  const buttons = alertRowButtons(stored, options.manage, options.now);
  return [section(alertRowText(stored, options)), ...(buttons.length > 0 ? [actions(buttons)] : [])];
}
