/**
 * The `alert_check` job (thin I/O around the pure evaluation and state machine of src/alerts/): one ChatDash
 * query for the window, shared by every alert of the job; the past weeks' same windows from the store (ChatDash
 * only for the ones it doesn't have yet); then, per alert, one conditional state write that applies the window
 * and queues any notice, and the posts, each under its own idempotency key.
 *
 * ChatDash failing makes the window "unknown" for the alerts (no fire, no recovery, no crash, no retry storm: the
 * next window is checked on time); when it keeps failing for a project, the admins are told once (`outage.ts`), and
 * again when it answers. An alert whose channel can't take posts any more (Slack refuses them, or the channel no
 * longer sees the project: access is checked again on every check) or whose project left the configuration is
 * paused, and told about once (`alert-pause.ts`), as digests are. A Slack failure that a retry may fix fails the job after every alert had its turn; the
 * notice stays queued in the state and the SQS retry posts it, once. So does a channel whose bindings can't be read
 * just then: its alerts are checked by the retry, for the same window.
 */
import { evaluateAlert } from '../alerts/evaluate.ts';
import { incidentPolicy, transition } from '../alerts/incident.ts';
import { covers, metricsForAlerts, toWindowData, type WindowData, type WindowSnapshot } from '../alerts/measures.ts';
import type { AlertState, Notice, StoredAlert } from '../alerts/model.ts';
import { type ChatDashOutage, outageNews, recordChatDashCheck } from '../alerts/outage.ts';
import { renderAlertNotice } from '../alerts/render.ts';
import type { AlertStores } from '../alerts/store.ts';
import { baselineWindows, isSilenced, nextCheckAfter, settleMs, windowContaining } from '../alerts/windows.ts';
import { isChatDashError } from '../chatdash/errors.ts';
import type { MetricName } from '../chatdash/schema.ts';
import type { ProjectConfig } from '../config/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import type { AlertCheckJob } from '../jobs/schema.ts';
import { errorFields } from '../log.ts';
import type { TimeRange } from '../periods/period.ts';
import { checkChannelAccess } from '../store/channel-access.ts';
import { pauseRemovedProjectAlerts, pauseUndeliverableAlert } from './alert-pause.ts';
import { alertAdmins, tellAdmins } from './alerts.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { slackErrorCode, UNDELIVERABLE_CHANNEL_ERRORS } from './failures.ts';
import type { OnceGuard } from './idempotency.ts';
import { mapLimit } from './map-limit.ts';

/** What the worker needs for alert checks: the alert stores (`buildDeps` makes them from the environment) and more. */
export interface AlertWorkerDeps extends AlertStores {
  /** The worker's idempotency guard: each notice is posted under `alert-notice:<alert>:<notice>`. */
  once: OnceGuard;
  /** Past windows fetched from ChatDash at once within one check (default 2). */
  baselineConcurrency?: number;
  /** Alerts of one job processed at once (default 4). */
  alertConcurrency?: number;
}

/** The state writer: checks and posts. */
const ACTOR = 'system:worker';
/** Conditional writes retried this many times when another writer got there first. */
const WRITE_ATTEMPTS = 3;

interface Counts {
  checked: number;
  fired: number;
  recovered: number;
  unknown: number;
  posted: number;
  chatdashRequests: number;
}

export async function runAlertCheck(job: AlertCheckJob, deps: WorkerDeps): Promise<string> {
  const alerts = deps.alerts;
  if (!alerts) {
    deps.log('error', 'alert_check.no_store', { project: job.project });
    return 'no_alert_store';
  }
  const project = deps.config.projects.find((p) => p.key === job.project);
  if (!project) {
    // The project left the configuration: its alerts can never be checked. Paused (else every lease claims them again).
    const orphans = (await alerts.store.getMany(job.alertIds)).filter(({ definition: a }) => !a.paused && a.project === job.project);
    const paused = await pauseRemovedProjectAlerts(deps, alerts.store, job.project, orphans);
    deps.log('warn', 'alert_check.unknown_project', { project: job.project, alerts: job.alertIds.length, paused });
    return 'unknown_project';
  }
  const due = (await alerts.store.getMany(job.alertIds)).filter(
    ({ definition: a }) => !a.paused && a.project === job.project && a.frequency === job.frequency && a.timeZone === job.timeZone,
  );
  const { allowed: stored, unread } = await stillAllowed(due, project, alerts, deps);
  if (stored.length === 0) {
    if (unread > 0) throw unreadBindings(unread, 0);
    return 'nothing_to_check';
  }

  const counts: Counts = { checked: 0, fired: 0, recovered: 0, unknown: 0, posted: 0, chatdashRequests: 0 };
  const needed = metricsForAlerts(stored.map((s) => s.definition.metric));
  const deadline = chatdashDeadline(deps);
  const windows = [job.window, ...baselineWindows(job.frequency, job.timeZone, job.window)];
  const { data, chatdash } = await windowData(project, windows, needed, deadline, alerts, deps, counts);
  const [current = null, ...past] = data;
  if (chatdash) await noteChatDashHealth(project, job, chatdash, alerts, deps);

  const failures: unknown[] = [];
  await mapLimit(stored, alerts.alertConcurrency ?? 4, async (alert) => {
    try {
      await checkAlert(alert, job, project, current, past, alerts, deps, counts);
    } catch (error) {
      deps.log('warn', 'alert_check.alert_failed', { alertId: alert.definition.id, ...errorFields(error) });
      failures.push(error);
    }
  });
  deps.log('info', 'alert_check.done', { project: job.project, window: job.window, ...counts, failed: failures.length, unread });
  if (unread > 0) throw unreadBindings(unread, stored.length, failures[0]);
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${stored.length} alerts could not be completed; their notices stay queued for the retry`, {
      cause: failures[0],
    });
  }
  return `checked ${counts.checked}: ${counts.fired} fired, ${counts.recovered} recovered, ${counts.unknown} unknown, ${counts.posted} posted`;
}

/**
 * The job's failure when some alerts' channels could not be checked: the job is retried (SQS redelivers it, with its
 * window) and, if it keeps failing, reaches the dead-letter queue, whose report tells the admins. The alerts checked
 * meanwhile are not checked twice: each applies a window once, and each notice is posted under its own key.
 */
function unreadBindings(unread: number, checked: number, cause?: unknown): Error {
  return new Error(
    `${unread} of ${unread + checked} alerts were not checked (their channel's bindings could not be read); the retry checks them`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The alerts whose channel may still see the project, as every request's access check decides (the configuration's
 * bindings and those made from Slack, one read per channel). An alert whose channel was disconnected from the project
 * (or whose workspace left the configuration) is paused, its owner and the admins told. Where the bindings can't be
 * read just now the alert is left out and counted as `unread`, unpaused: the job then fails after checking the others,
 * so its retry checks the same window (a later tick would not: it checks the latest window when it claims again, and
 * the claim's lease may outlast the hour).
 */
async function stillAllowed(
  due: readonly StoredAlert[],
  project: ProjectConfig,
  alerts: AlertWorkerDeps,
  deps: WorkerDeps,
): Promise<{ allowed: StoredAlert[]; unread: number }> {
  const byChannel = new Map<string, StoredAlert[]>();
  for (const alert of due) {
    const key = `${alert.definition.teamId}/${alert.definition.channelId}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), alert]);
  }
  const allowed: StoredAlert[] = [];
  let unread = 0;
  for (const group of byChannel.values()) {
    const { teamId, channelId, createdBy } = (group[0] as StoredAlert).definition;
    const access = await checkChannelAccess(
      deps.config,
      deps.store,
      // An alert in a DM (D…) is its creator's: allowed while they are an admin, as DMs are.
      { teamId, channelId, userId: createdBy, isDirectMessage: channelId.startsWith('D') },
      deps.log,
      project.key,
    );
    if (access.ok) allowed.push(...group);
    else if (access.reason === 'bindings_unavailable') {
      deps.log('warn', 'alert_check.access_unknown', { project: project.key, channel: channelId, alerts: group.length });
      unread += group.length;
    } else {
      for (const alert of group) await pauseUndeliverableAlert(deps, alerts.store, alert, project.name, { unbound: true });
    }
  }
  return { allowed, unread };
}

/** How ChatDash answered the query for the checked window (none when the store had it). */
interface ChatDashAnswer {
  ok: boolean;
  error?: string;
}

/**
 * The data of each window (the checked one first, then the past weeks'), from the store where it has a snapshot that
 * asked for every needed metric, else from ChatDash (kept for next time when complete). Null where ChatDash failed.
 */
async function windowData(
  project: ProjectConfig,
  windows: readonly TimeRange[],
  needed: readonly MetricName[],
  deadline: number,
  alerts: AlertWorkerDeps,
  deps: WorkerDeps,
  counts: Counts,
): Promise<{ data: Array<WindowData | null>; chatdash?: ChatDashAnswer }> {
  const kept = await alerts.windows.get(project.id, windows);
  const fresh: WindowSnapshot[] = [];
  let chatdash: ChatDashAnswer | undefined;
  const fetch = async (window: TimeRange, checked = false): Promise<WindowData | null> => {
    counts.chatdashRequests += 1;
    try {
      const parsed = await deps.chatdash.queryAnalytics(project.id, window, needed, { deadline });
      if (parsed.unavailable.length === 0) {
        fresh.push({
          projectId: project.id,
          start: window.start,
          end: window.end,
          fetchedAt: deps.now().toISOString(),
          requested: [...needed],
          data: toWindowData(parsed),
        });
      }
      if (checked) chatdash = { ok: true };
      return toWindowData(parsed);
    } catch (error) {
      if (!isChatDashError(error)) throw error;
      deps.log('warn', 'alert_check.chatdash_failed', { project: project.key, window, kind: error.kind, status: error.status });
      if (checked) chatdash = { ok: false, error: error.kind };
      return null;
    }
  };
  const fromStore = (i: number): WindowData | undefined => {
    const snapshot = kept[i];
    return snapshot && covers(snapshot, needed) ? snapshot.data : undefined;
  };
  // The checked window first: if ChatDash is failing, don't spend the budget on the past.
  const current = fromStore(0) ?? (await fetch(windows[0] as TimeRange, true));
  const past =
    current === null
      ? windows.slice(1).map((_, i) => fromStore(i + 1) ?? null)
      : await mapLimit(windows.slice(1), alerts.baselineConcurrency ?? 2, async (w, i) => fromStore(i + 1) ?? fetch(w));
  if (fresh.length > 0) await alerts.windows.put(fresh);
  return { data: [current, ...past], ...(chatdash ? { chatdash } : {}) };
}

/**
 * Counts the check in the project's ChatDash outage record; tells the admins once when ChatDash has failed long enough
 * that its alerts are blind, and once when it answers again. Bookkeeping: its own failure never fails the check.
 */
async function noteChatDashHealth(
  project: ProjectConfig,
  job: AlertCheckJob,
  answer: ChatDashAnswer,
  alerts: AlertWorkerDeps,
  deps: WorkerDeps,
): Promise<void> {
  const now = deps.now();
  let change: { before?: ChatDashOutage; after?: ChatDashOutage };
  try {
    change = await alerts.outages.updateOutage(project.id, (previous) =>
      recordChatDashCheck(previous, { ok: answer.ok, window: job.window, now, ...(answer.error ? { error: answer.error } : {}) }),
    );
  } catch (error) {
    deps.log('warn', 'alert_check.outage_not_recorded', { project: project.key, ...errorFields(error) });
    return;
  }
  const news = outageNews(change.before, change.after);
  const name = `*${escapeMrkdwn(project.name)}*`;
  if (news === 'blocked' && change.after) {
    const o = change.after;
    await alertAdmins(
      deps,
      'alert_check.chatdash_outage',
      `Alerts on ${name} can't be checked: ChatDash has failed ${o.failures} checks in a row since ${utc(o.since)}${o.lastError ? ` (last: ${o.lastError.replaceAll('_', ' ')})` : ''}. Its alerts say nothing meanwhile (they neither fire nor recover); I'll tell you when ChatDash answers again.`,
      { project: project.key, projectId: project.id, failures: o.failures, since: o.since, lastError: o.lastError },
    );
  } else if (news === 'unblocked' && change.before) {
    const o = change.before;
    await tellAdmins(
      deps,
      'info',
      'alert_check.chatdash_back',
      `:white_check_mark: ChatDash answers again for ${name}: its alerts are checked again (it failed ${o.failures} checks in a row since ${utc(o.since)}).`,
      { project: project.key, projectId: project.id, failures: o.failures, since: o.since },
    );
  }
}

/** An instant for the admins: `2026-11-17 10:00 UTC`. */
function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Apply the window to one alert (conditional write, retried on conflict) and post what it queued. */
async function checkAlert(
  alert: StoredAlert,
  job: AlertCheckJob,
  project: ProjectConfig,
  current: WindowData | null,
  past: ReadonlyArray<WindowData | null>,
  alerts: AlertWorkerDeps,
  deps: WorkerDeps,
  counts: Counts,
): Promise<void> {
  let { definition, state } = alert;
  const now = deps.now();
  for (let attempt = 1; ; attempt += 1) {
    const evaluation = evaluateAlert({ alert: definition, current, past });
    const settle = settleMs(definition.project);
    const nextCheckAt = nextCheckAfter(definition.frequency, definition.timeZone, job.window, settle);
    const t = transition({
      state,
      policy: incidentPolicy(definition),
      window: job.window,
      evaluation,
      now,
      silenced: isSilenced(definition, now),
      nextCheckAt,
    });
    let next: AlertState | undefined;
    if (t.applied) next = t.state;
    else {
      // Already applied (a duplicate tick or redelivery): only make sure a claim's lease doesn't stand in for the real due time.
      const lastWindow = windowContaining(definition.frequency, definition.timeZone, Date.parse(state.lastWindowEnd ?? job.window.end) - 1);
      const proper = nextCheckAfter(definition.frequency, definition.timeZone, lastWindow, settle);
      if (Date.parse(state.nextCheckAt) !== proper.getTime()) next = { ...state, nextCheckAt: proper.toISOString() };
    }
    if (!next) break;
    const saved = await alerts.store.saveState(definition.id, state.version, next);
    if (saved) {
      if (t.applied) {
        counts.checked += 1;
        if (evaluation.outcome === 'unknown') counts.unknown += 1;
        if (t.events.includes('fired')) counts.fired += 1;
        if (t.events.includes('recovered')) counts.recovered += 1;
        deps.log('info', 'alert.state', {
          actor: ACTOR,
          alertId: definition.id,
          window: job.window,
          outcome: evaluation.outcome,
          ...(evaluation.reason ? { reason: evaluation.reason } : {}),
          value: evaluation.value,
          ...(evaluation.baseline ? { usual: evaluation.baseline.median, range: [evaluation.baseline.low, evaluation.baseline.high] } : {}),
          before: { status: state.status, version: state.version },
          after: { status: saved.status, version: saved.version },
          events: t.events,
          queued: t.queued.map((n) => n.id),
        });
      }
      state = saved;
      break;
    }
    if (attempt >= WRITE_ATTEMPTS) throw new Error(`alert ${definition.id}: its state kept changing under this check`);
    const fresh = await alerts.store.get(definition.id);
    if (!fresh) return; // deleted meanwhile
    ({ definition, state } = fresh);
  }
  await flushNotices(definition.id, state, project, alerts, deps, counts);
}

/** Post the queued notices in order, each once, and take each off the queue when Slack has it. */
async function flushNotices(
  alertId: string,
  initial: AlertState,
  project: ProjectConfig,
  alerts: AlertWorkerDeps,
  deps: WorkerDeps,
  counts: Counts,
): Promise<void> {
  let state = initial;
  const threads = new Map<string, string>();
  for (;;) {
    const notice = state.pending[0];
    if (!notice) return;
    const fresh = await alerts.store.get(alertId);
    if (!fresh) return;
    const threadTs =
      notice.threadTs ??
      threads.get(notice.incident) ??
      (fresh.state.incident?.since === notice.incident ? fresh.state.incident.threadTs : undefined);
    const { ts, paused } = await postNotice(
      fresh,
      { ...notice, ...(threadTs ? { threadTs } : {}) },
      project,
      alerts.store,
      alerts.once,
      deps,
    );
    if (ts) {
      counts.posted += 1;
      if (notice.kind === 'fire') threads.set(notice.incident, ts);
    }
    for (let attempt = 1; ; attempt += 1) {
      const current = attempt === 1 ? state : (await alerts.store.get(alertId))?.state;
      if (!current) return;
      if (!current.pending.some((p) => p.id === notice.id)) {
        state = current;
        break;
      }
      const next: AlertState = { ...current, pending: current.pending.filter((p) => p.id !== notice.id) };
      if (notice.kind === 'fire' && ts) {
        if (next.incident?.since === notice.incident) next.incident = { ...next.incident, threadTs: ts };
        next.pending = next.pending.map((p) => (p.incident === notice.incident && !p.threadTs ? { ...p, threadTs: ts } : p));
      } else if (notice.kind === 'fire' && next.incident?.since === notice.incident && !next.incident.threadTs) {
        // The opening post was dropped: its recovery will say what it recovers from, and if the alert was paused for
        // it, the first breaching check after the resume posts a fresh one (see `undelivered` in the model).
        next.incident = { ...next.incident, undelivered: true, ...(paused ? { announced: false } : {}) };
      }
      const saved = await alerts.store.saveState(alertId, current.version, next);
      if (saved) {
        state = saved;
        break;
      }
      if (attempt >= WRITE_ATTEMPTS) throw new Error(`alert ${alertId}: could not record notice ${notice.id} as posted`);
    }
  }
}

/**
 * Posts one notice under its idempotency key; the message's ts, or none when the channel can't take it (the notice is
 * dropped, the alert paused, `paused`, and its owner and the admins told, once). Other Slack errors are thrown: the
 * job is retried.
 */
async function postNotice(
  alert: StoredAlert,
  notice: Notice,
  project: ProjectConfig,
  alerts: AlertWorkerDeps['store'],
  once: OnceGuard,
  deps: WorkerDeps,
): Promise<{ ts?: string; paused?: boolean }> {
  const a = alert.definition;
  const message = renderAlertNotice(a, notice, {
    project: { id: project.id, name: project.name },
    locale: a.locale ?? deps.config.defaults.locale,
    currencyDisplay: a.currencyDisplay ?? deps.config.defaults.currencyDisplay,
    dashboardUrl: project.dashboardUrl,
  });
  const key = `alert-notice:${a.id}:${notice.incident}:${notice.id}`;
  const { ts, paused } = await once.once(key, async (): Promise<{ ts: string | null; paused?: boolean }> => {
    try {
      const posted = await deps.slack.chat.postMessage({
        channel: a.channelId,
        ...message,
        ...(notice.threadTs && notice.kind !== 'fire' ? { thread_ts: notice.threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      deps.log('info', 'alert.posted', { alertId: a.id, notice: notice.id, kind: notice.kind, channel: a.channelId, ts: posted.ts });
      return { ts: posted.ts ?? null };
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !UNDELIVERABLE_CHANNEL_ERRORS.has(code)) throw error;
      // The channel can't take it (bot removed, archived, gone): the notice is dropped and the alert paused, once.
      return { ts: null, paused: await pauseUndeliverableAlert(deps, alerts, alert, project.name, { slackError: code }) };
    }
  });
  return { ...(ts ? { ts } : {}), ...(paused ? { paused } : {}) };
}
