/**
 * Pausing alerts the worker can't serve, as digests are paused: a channel that refuses posts (bot removed, archived,
 * gone) or is no longer connected to the alert's project, and a project that left the configuration. The pause goes
 * through the alert store (conditional on the definition version read; its `store.change` line names the actor
 * `system:worker` and the reason), so of two checks racing only one pauses an alert, and only that one tells: its
 * owner by DM and the admin channel (for a removed project, one DM per owner and one admin message). Once.
 */
import type { AlertPauseReason, StoredAlert } from '../alerts/model.ts';
import { ALERT_PAUSE_WORDS } from '../alerts/pause-words.ts';
import { alertLabel } from '../alerts/render.ts';
import { AlertConflictError, type AlertStore } from '../alerts/store.ts';
import { textMessage } from '../digest/blocks.ts';
import { escapeMrkdwn, mrkdwnLabel } from '../digest/mrkdwn.ts';
import { errorFields } from '../log.ts';
import { PAUSE_FOR_SLACK_ERROR } from '../store/transitions.ts';
import { alertAdmins } from './alerts.ts';
import type { WorkerDeps } from './deps.ts';
import { describeChannelError } from './failures.ts';
import { mapLimit } from './map-limit.ts';

/** Who pauses, in the alert store's change log. */
export const ALERT_PAUSER = 'system:worker';

/** At most this many channels are named in the admins' message about a removed project. */
const NAMED_CHANNELS = 10;
const PAUSE_ATTEMPTS = 3;

/**
 * Pauses `alert` for `reason` unless it is paused already (by a person, or by a concurrent check). The paused alert,
 * or undefined when this call did not pause it (already paused, or deleted meanwhile): then nobody is to be told.
 */
export async function pauseAlert(store: AlertStore, alert: StoredAlert, reason: AlertPauseReason): Promise<StoredAlert | undefined> {
  let current: StoredAlert | undefined = alert;
  for (let attempt = 1; current && !current.definition.paused; attempt += 1) {
    const next = { ...current.definition, paused: true, pausedReason: reason };
    const expected = current.definitionVersion === undefined ? {} : { expectedVersion: current.definitionVersion };
    try {
      return await store.updateDefinition(next.id, next, ALERT_PAUSER, expected);
    } catch (error) {
      if (!(error instanceof AlertConflictError) || attempt >= PAUSE_ATTEMPTS) throw error;
    }
    current = await store.get(alert.definition.id);
  }
  return undefined;
}

/** The owner's and the admins' message for an alert paused because of its channel (safe mrkdwn). */
export function channelPauseNotice(alert: StoredAlert['definition'], projectName: string, reason: AlertPauseReason, why: string): string {
  return (
    `:double_vertical_bar: The alert *${alertLabel(alert)}* on *${mrkdwnLabel(projectName, 150)}* in <#${alert.channelId}> is paused: ` +
    `${ALERT_PAUSE_WORDS[reason]}. ${why} It stays paused until its owner or an admin resumes it: *Resume* in \`/chatdash alerts\` there, or on my Home tab.`
  );
}

/**
 * An alert whose channel can't take its posts (Slack's `slackError`) or no longer sees its project (`unbound`): paused,
 * its owner and the admins told, once. A Slack error that calls for no pause (e.g. `restricted_action`) is reported to
 * the admins only. Returns whether the alert is paused now (by this call or before).
 */
export async function pauseUndeliverableAlert(
  deps: WorkerDeps,
  store: AlertStore,
  alert: StoredAlert,
  projectName: string,
  cause: { slackError: string } | { unbound: true },
): Promise<boolean> {
  const a = alert.definition;
  const reason: AlertPauseReason | undefined = 'unbound' in cause ? 'channel_unbound' : PAUSE_FOR_SLACK_ERROR[cause.slackError];
  const error = 'unbound' in cause ? 'channel_unbound' : cause.slackError;
  const why =
    'unbound' in cause
      ? `<#${a.channelId}> is no longer connected to *${mrkdwnLabel(projectName, 150)}*.`
      : describeChannelError(cause.slackError, a.channelId);
  const fields = { alertId: a.id, channel: a.channelId, error };
  const reportOnly = () =>
    alertAdmins(
      deps,
      'alert.undeliverable',
      `The alert *${alertLabel(a)}* on *${escapeMrkdwn(projectName)}* could not be posted: ${why}`,
      fields,
    );
  if (!reason) {
    await reportOnly();
    return false;
  }
  let paused: StoredAlert | undefined;
  try {
    paused = await pauseAlert(store, alert, reason);
  } catch (failure) {
    // Not paused: the admins still hear of it (this check's notice is dropped; the next check tries the channel again).
    deps.log('error', 'alert.pause_failed', { ...fields, reason, ...errorFields(failure) });
    await reportOnly();
    return false;
  }
  if (!paused) {
    deps.log('info', 'alert.already_paused', { alertId: a.id, reason });
    return true;
  }
  const notice = channelPauseNotice(a, projectName, reason, why);
  try {
    // A DM from the bot: posting to a user id lands in the app's Messages tab.
    await deps.slack.chat.postMessage({ channel: a.createdBy, ...textMessage(notice), unfurl_links: false, unfurl_media: false });
  } catch (failure) {
    deps.log('warn', 'alert.owner_dm_failed', { alertId: a.id, ...errorFields(failure) });
  }
  await alertAdmins(deps, 'alert.paused', `${notice} (owner: <@${a.createdBy}>, id \`${a.id}\`)`, {
    ...fields,
    reason,
    actor: ALERT_PAUSER,
  });
  return true;
}

/**
 * The alerts of a project that is no longer configured: each paused (they could never be checked, and would be
 * claimed again every lease), and told once, for those this call paused: each owner in one DM, the admins in one message.
 */
export async function pauseRemovedProjectAlerts(
  deps: WorkerDeps,
  store: AlertStore,
  project: string,
  alerts: readonly StoredAlert[],
): Promise<number> {
  const paused: StoredAlert[] = [];
  await mapLimit(alerts, 4, async (alert) => {
    try {
      const done = await pauseAlert(store, alert, 'project_removed');
      if (done) paused.push(done);
    } catch (failure) {
      deps.log('error', 'alert.pause_failed', { alertId: alert.definition.id, reason: 'project_removed', ...errorFields(failure) });
    }
  });
  if (paused.length === 0) return 0;
  // Each owner hears of the alerts this call paused, in one DM (the conditional pause makes it once).
  const byOwner = new Map<string, StoredAlert[]>();
  for (const p of paused) byOwner.set(p.definition.createdBy, [...(byOwner.get(p.definition.createdBy) ?? []), p]);
  await mapLimit([...byOwner], 4, async ([owner, theirs]) => {
    try {
      const message = textMessage(removedProjectOwnerNotice(project, theirs));
      await deps.slack.chat.postMessage({ channel: owner, ...message, unfurl_links: false, unfurl_media: false });
    } catch (failure) {
      deps.log('warn', 'alert.owner_dm_failed', {
        owner,
        alertIds: theirs.map((p) => p.definition.id).slice(0, 100),
        ...errorFields(failure),
      });
    }
  });
  await alertAdmins(deps, 'alert.project_removed', removedProjectNotice(project, paused), {
    project,
    alertIds: paused.map((p) => p.definition.id).slice(0, 100),
    paused: paused.length,
    reason: 'project_removed',
    actor: ALERT_PAUSER,
  });
  return paused.length;
}

/** At most this many of an owner's alerts are named in their DM about a removed project (the rest are counted). */
const NAMED_OWNER_ALERTS = 5;

/** An owner's DM about their alerts paused because their project left the configuration (safe mrkdwn). */
export function removedProjectOwnerNotice(project: string, theirs: readonly StoredAlert[]): string {
  const sorted = [...theirs].sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  const named = sorted.slice(0, NAMED_OWNER_ALERTS).map((p) => `*${alertLabel(p.definition)}* in <#${p.definition.channelId}>`);
  const more = theirs.length > named.length ? ` and ${theirs.length - named.length} more` : '';
  const one = theirs.length === 1;
  return (
    `:double_vertical_bar: ${one ? 'Your alert' : `Your ${theirs.length} alerts`} on project \`${escapeMrkdwn(project)}\` ` +
    `(${named.join('; ')}${more}) ${one ? 'is' : 'are'} paused: ${ALERT_PAUSE_WORDS.project_removed}, so ${one ? 'it' : 'they'} can\u2019t be checked. ` +
    `An admin has been told; once the project is back, resume ${one ? 'it' : 'them'} (*Resume* in \`/chatdash alerts\` in ${one ? 'its' : 'their'} channel, or on my Home tab), or delete ${one ? 'it' : 'them'}.`
  );
}

/** The admins' message about alerts paused because their project left the configuration (safe mrkdwn). */
export function removedProjectNotice(project: string, paused: readonly StoredAlert[]): string {
  const channels = [...new Set(paused.map((p) => p.definition.channelId))];
  const named = channels.slice(0, NAMED_CHANNELS).map((c) => `<#${c}>`);
  const more = channels.length > named.length ? ` and ${channels.length - named.length} more` : '';
  const count = paused.length === 1 ? `The alert *${alertLabel(paused[0]!.definition)}*` : `${paused.length} alerts`;
  return (
    `${count} on project \`${escapeMrkdwn(project)}\` (in ${named.join(', ')}${more}) ${paused.length === 1 ? 'is' : 'are'} paused: ` +
    `${ALERT_PAUSE_WORDS.project_removed}, so ${paused.length === 1 ? 'it' : 'they'} can\u2019t be checked. ` +
    `Put the project back in the configuration and resume them (\`/chatdash alerts\` in their channel), or delete them.`
  );
}
