/**
 * Once per incident (pure state machine). An alert posts when it starts firing, stays quiet while it keeps firing
 * (at most a daily reminder in the incident's thread), and replies "back to normal" in that thread when it
 * recovers. A check that can say nothing ("unknown") neither fires nor recovers. While quiet hours or a mute hold
 * posts back the state still moves; what was held back is posted when they end, if it still matters (an incident
 * that started and ended while silent is never posted). An opening post the channel refused (the alert is paused for
 * it) is posted afresh by the first breaching check after the resume; an incident over by then is told in its recovery. Each window is applied at most once: duplicate ticks and
 * redeliveries of an already applied window change nothing.
 *
 * Messages are not posted here: they are queued in the state (`pending`, an outbox) in the same conditional write
 * that applies the window, and posted afterwards, each under its own idempotency key.
 */
import type { TimeRange } from '../periods/period.ts';
import {
  ALERT_LIMITS,
  type AlertDefinition,
  type AlertState,
  type EvaluationSummary,
  type Incident,
  type Notice,
  type NoticeKind,
} from './model.ts';

/** How many checks in a row it takes to fire and to recover. */
export interface IncidentPolicy {
  fireAfter: number;
  recoverAfter: number;
}

/**
 * A threshold fires on the first check past it; an hourly "unusual" alert on the second unusual hour in a row (one
 * odd hour is noise, two rarely are); a daily one on the first unusual day. Hourly alerts recover after two ok hours
 * (no flapping on one good hour), daily ones after one ok day.
 */
export function incidentPolicy(alert: Pick<AlertDefinition, 'frequency' | 'condition'>): IncidentPolicy {
  const hourly = alert.frequency === 'hourly';
  return { fireAfter: hourly && alert.condition.kind === 'unusual' ? 2 : 1, recoverAfter: hourly ? 2 : 1 };
}
/** Reminders in the thread at most this often while an incident lasts. */
export const REMIND_EVERY_MS = 24 * 60 * 60 * 1000;

export interface TransitionInput {
  state: AlertState;
  policy: IncidentPolicy;
  window: TimeRange;
  evaluation: EvaluationSummary;
  /** When the check runs. */
  now: Date;
  /** Quiet hours or a mute: no posts now. */
  silenced: boolean;
  /** When the check after this one is due. */
  nextCheckAt: Date;
}

export interface Transition {
  state: AlertState;
  /** Notices queued by this check (also appended to `state.pending`). */
  queued: Notice[];
  /** False when the window was already applied (nothing changed). */
  applied: boolean;
  /** What happened, for the logs: fired, recovered, reminded, held, resumed, dropped. */
  events: string[];
}

/** A new alert's state. */
export function initialAlertState(firstCheckAt: Date): AlertState {
  return { version: 0, status: 'ok', nextCheckAt: firstCheckAt.toISOString(), breachStreak: 0, okStreak: 0, pending: [] };
}

function notice(
  kind: NoticeKind,
  incident: Incident,
  window: TimeRange,
  summary: EvaluationSummary,
  now: Date,
  recoveredSince?: string,
): Notice {
  return {
    id: `${kind}:${window.end}`,
    kind,
    incident: incident.since,
    window,
    summary,
    ...(recoveredSince ? { recoveredSince } : {}),
    ...(incident.threadTs ? { threadTs: incident.threadTs } : {}),
    ...(kind === 'recovery' ? { breach: { window: incident.lastBreachWindow, summary: incident.lastBreach } } : {}),
    createdAt: now.toISOString(),
  };
}

/** Keep the outbox bounded: an old reminder is the first thing worth dropping. */
function enqueue(pending: Notice[], n: Notice): Notice[] {
  const out = [...pending, n];
  while (out.length > ALERT_LIMITS.pending) {
    const reminder = out.findIndex((p) => p.kind === 'reminder');
    out.splice(Math.max(reminder, 0), 1);
  }
  return out;
}

export function transition(input: TransitionInput): Transition {
  const { state, window, evaluation, now } = input;
  if (state.lastWindowEnd !== undefined && Date.parse(window.end) <= Date.parse(state.lastWindowEnd)) {
    return { state, queued: [], applied: false, events: [] };
  }
  const events: string[] = [];
  const s: AlertState = {
    ...state,
    nextCheckAt: input.nextCheckAt.toISOString(),
    lastWindowEnd: window.end,
    lastCheckedAt: now.toISOString(),
    last: evaluation,
    pending: [...state.pending],
  };
  let incident: Incident | undefined = state.incident ? { ...state.incident } : undefined;

  // Streaks. Unknown leaves them alone: it is neither a breach nor a recovery.
  if (evaluation.outcome === 'unknown') {
    s.unknownSince ??= window.start;
  } else {
    delete s.unknownSince;
    if (evaluation.outcome === 'breach') {
      s.breachStreak += 1;
      s.okStreak = 0;
      s.breachSince ??= window.start;
      delete s.okSince;
    } else {
      s.okStreak += 1;
      s.breachStreak = 0;
      s.okSince ??= window.start;
      delete s.breachSince;
    }
  }

  // Status.
  if (evaluation.outcome === 'breach') {
    if (s.status === 'ok' && incident?.recovered) {
      // It recovered while silent and breaks again before the recovery was posted: the same incident goes on.
      delete incident.recovered;
      s.status = 'firing';
      events.push('resumed');
    } else if (s.status === 'ok' && s.breachStreak >= input.policy.fireAfter) {
      s.status = 'firing';
      incident = {
        since: s.breachSince ?? window.start,
        firedAt: now.toISOString(),
        announced: false,
        lastBreach: evaluation,
        lastBreachWindow: window,
      };
      events.push('fired');
    }
    if (s.status === 'firing' && incident) {
      incident.lastBreach = evaluation;
      incident.lastBreachWindow = window;
    }
  } else if (evaluation.outcome === 'ok' && s.status === 'firing' && s.okStreak >= input.policy.recoverAfter && incident) {
    s.status = 'ok';
    events.push('recovered');
    if (incident.announced || incident.undelivered) {
      // (An incident whose opening post never reached the channel is still news there: its recovery says what it was.)
      incident.recovered = { since: s.okSince ?? window.start, window, summary: evaluation };
    } else {
      // Started and ended while silent: nothing was said, nothing to take back.
      incident = undefined;
      events.push('dropped');
    }
  }

  // Notices, unless silenced (then they wait for the first check after the silence).
  const queued: Notice[] = [];
  if (incident && input.silenced && (!incident.announced || incident.recovered)) events.push('held');
  if (incident && !input.silenced) {
    const lastNotice = incident.lastNoticeAt === undefined ? undefined : Date.parse(incident.lastNoticeAt);
    if (s.status === 'firing' && !incident.announced) {
      // An opening post that was never delivered is posted again (a fresh thread) on a breaching check only: with
      // numbers of now, not those of before the pause.
      if (!incident.undelivered || evaluation.outcome === 'breach') {
        queued.push(notice('fire', incident, incident.lastBreachWindow, incident.lastBreach, now));
        incident.announced = true;
        delete incident.undelivered;
        incident.lastNoticeAt = now.toISOString();
      }
    } else if (s.status === 'firing' && lastNotice !== undefined && now.getTime() - lastNotice >= REMIND_EVERY_MS) {
      queued.push(notice('reminder', incident, window, evaluation, now));
      incident.lastNoticeAt = now.toISOString();
      events.push('reminded');
    } else if (s.status === 'ok' && incident.recovered) {
      const r = incident.recovered;
      queued.push(notice('recovery', incident, r.window, r.summary, now, r.since));
      incident = undefined;
    }
  }
  for (const n of queued) s.pending = enqueue(s.pending, n);
  if (incident) s.incident = incident;
  else delete s.incident;
  return { state: s, queued, applied: true, events };
}
