import { describe, expect, it } from 'vitest';
import { type IncidentPolicy, incidentPolicy, initialAlertState, transition } from '../../src/alerts/incident.ts';
import type { AlertState, EvaluationSummary } from '../../src/alerts/model.ts';

const HOUR = 3_600_000;
const BASE = Date.parse('2026-11-16T00:00:00Z');

const summaries: Record<string, EvaluationSummary> = {
  B: { outcome: 'breach', value: 0.7, volume: 300, currency: null },
  O: { outcome: 'ok', value: 0.92, volume: 300, currency: null },
  U: { outcome: 'unknown', reason: 'chatdash_failed', value: null, volume: null, currency: null },
};

type Kind = 'hourly' | 'daily' | 'hourly-unusual';
const POLICIES: Record<Kind, IncidentPolicy> = {
  hourly: incidentPolicy({ frequency: 'hourly', condition: { kind: 'threshold', direction: 'below', value: 0.8 } }),
  daily: incidentPolicy({ frequency: 'daily', condition: { kind: 'unusual', direction: 'below' } }),
  'hourly-unusual': incidentPolicy({ frequency: 'hourly', condition: { kind: 'unusual', direction: 'below' } }),
};
const HOURLY = POLICIES.hourly;

/**
 * Runs checks, one per window: B breach, O ok, U unknown; lower case = the same while silenced (quiet hours or
 * muted). Windows are hours (days for daily alerts); each check runs 10 minutes after its window ends.
 */
function run(steps: string, kind: Kind = 'hourly', start: AlertState = initialAlertState(new Date(BASE)), fromWindow = 0) {
  const span = kind === 'daily' ? 24 * HOUR : HOUR;
  let state = start;
  const notices: string[] = [];
  const tokens = steps.split(' ');
  tokens.forEach((token, step) => {
    const i = fromWindow + step;
    const window = { start: new Date(BASE + i * span).toISOString(), end: new Date(BASE + (i + 1) * span).toISOString() };
    const t = transition({
      state,
      policy: POLICIES[kind],
      window,
      evaluation: summaries[token.toUpperCase()]!,
      now: new Date(BASE + (i + 1) * span + 600_000),
      silenced: token !== token.toUpperCase(),
      nextCheckAt: new Date(BASE + (i + 2) * span + 600_000),
    });
    expect(t.applied).toBe(true);
    for (const n of t.queued) notices.push(`${step}:${n.kind}`);
    // What the store does: bump the version; what the flush does: empty the outbox.
    state = { ...t.state, version: t.state.version + 1, pending: [] };
  });
  return { state, notices };
}

const repeat = (token: string, n: number): string => Array.from({ length: n }, () => token).join(' ');

describe('incident state machine', () => {
  it.each([
    ['fires once and stays quiet while it keeps firing', 'B B B B', 'hourly', ['0:fire'], 'firing'],
    ['recovers after two ok hours, replying once', 'B B O O O', 'hourly', ['0:fire', '3:recovery'], 'ok'],
    ['one ok hour between breaches is not a recovery (no flapping)', 'B O B O O', 'hourly', ['0:fire', '4:recovery'], 'ok'],
    ['unknown neither fires nor recovers', 'U U B U U O U O', 'hourly', ['2:fire', '7:recovery'], 'ok'],
    ['unknown while all is well says nothing', 'U U U O U', 'hourly', [], 'ok'],
    ['a daily alert recovers after one ok day', 'B O', 'daily', ['0:fire', '1:recovery'], 'ok'],
    ['held back during quiet hours, posted when they end', 'b b B', 'hourly', ['2:fire'], 'firing'],
    ['an incident that starts and ends while silent is never posted', 'b o o O O', 'hourly', [], 'ok'],
    ['a recovery while silent is posted when the silence ends', 'B o o O', 'hourly', ['0:fire', '3:recovery'], 'ok'],
    ['recovered while silent, then breaking again: the same incident goes on', 'B o o b B', 'hourly', ['0:fire'], 'firing'],
    ['a daily reminder while it keeps firing', repeat('B', 50), 'hourly', ['0:fire', '24:reminder', '48:reminder'], 'firing'],
    ['a reminder waits for the end of quiet hours', `${repeat('B', 24)} b b B`, 'hourly', ['0:fire', '26:reminder'], 'firing'],
    ['a reminder also when the latest check could not judge', `${repeat('B', 24)} U`, 'hourly', ['0:fire', '24:reminder'], 'firing'],
    ['hourly "unusual": one odd hour is not enough', 'B O B U O B O', 'hourly-unusual', [], 'ok'],
    ['hourly "unusual": two unusual hours in a row fire', 'O B B B O O', 'hourly-unusual', ['2:fire', '5:recovery'], 'ok'],
  ] as const)('%s', (_name, steps, kind, expected, status) => {
    const { state, notices } = run(steps, kind);
    expect(notices).toEqual(expected);
    expect(state.status).toBe(status);
  });

  it('an incident starts at its first breaching window and its notices carry the numbers', () => {
    let state = initialAlertState(new Date(BASE));
    const at = (i: number) => ({ start: new Date(BASE + i * HOUR).toISOString(), end: new Date(BASE + (i + 1) * HOUR).toISOString() });
    const step = (i: number, token: string) => {
      const t = transition({
        state,
        policy: HOURLY,
        window: at(i),
        evaluation: summaries[token]!,
        now: new Date(BASE + (i + 1) * HOUR + 600_000),
        silenced: false,
        nextCheckAt: new Date(BASE + (i + 2) * HOUR),
      });
      state = { ...t.state, version: t.state.version + 1 };
      return t;
    };
    const fired = step(3, 'B');
    expect(fired.events).toEqual(['fired']);
    expect(fired.queued[0]).toMatchObject({
      id: `fire:${at(3).end}`,
      kind: 'fire',
      incident: at(3).start,
      window: at(3),
      summary: summaries.B,
    });
    expect(state.incident).toMatchObject({ since: at(3).start, announced: true });
    expect(state.pending).toHaveLength(1);
    step(4, 'O');
    const recovered = step(5, 'O');
    expect(recovered.queued[0]).toMatchObject({ kind: 'recovery', incident: at(3).start, recoveredSince: at(4).start, window: at(5) });
    expect(state.incident).toBeUndefined();
  });

  it('an hourly "unusual" incident starts at the first of its unusual hours', () => {
    const { state } = run('O B B', 'hourly-unusual');
    expect(state.incident?.since).toBe(new Date(BASE + HOUR).toISOString());
    expect(POLICIES).toEqual({
      hourly: { fireAfter: 1, recoverAfter: 2 },
      daily: { fireAfter: 1, recoverAfter: 1 },
      'hourly-unusual': { fireAfter: 2, recoverAfter: 2 },
    });
  });

  it('applies each window at most once: a duplicate or older window changes nothing', () => {
    const { state } = run('B B');
    const again = transition({
      state,
      policy: HOURLY,
      window: { start: new Date(BASE + HOUR).toISOString(), end: new Date(BASE + 2 * HOUR).toISOString() },
      evaluation: summaries.O!,
      now: new Date(BASE + 5 * HOUR),
      silenced: false,
      nextCheckAt: new Date(BASE + 6 * HOUR),
    });
    expect(again).toMatchObject({ applied: false, queued: [], events: [] });
    expect(again.state).toBe(state);
  });

  it('keeps the outbox bounded when Slack stays unreachable (reminders go first)', () => {
    let state = initialAlertState(new Date(BASE));
    for (let day = 0; day < 10; day += 1) {
      for (let h = 0; h < 24; h += 1) {
        const i = day * 24 + h;
        const t = transition({
          state,
          policy: HOURLY,
          window: { start: new Date(BASE + i * HOUR).toISOString(), end: new Date(BASE + (i + 1) * HOUR).toISOString() },
          evaluation: summaries.B!,
          now: new Date(BASE + (i + 1) * HOUR + 600_000),
          silenced: false,
          nextCheckAt: new Date(BASE + (i + 2) * HOUR),
        });
        state = { ...t.state, version: t.state.version + 1 }; // never flushed
      }
    }
    expect(state.pending).toHaveLength(5);
    expect(state.pending[0]?.kind).toBe('fire');
  });
});

describe('an incident whose opening post was never delivered (the alert was paused for it, then resumed)', () => {
  /** After "B": what the worker records when the channel refused the opening post and the alert was paused. */
  const undelivered = (): AlertState => {
    const { state } = run('B');
    return { ...state, incident: { ...state.incident!, announced: false, undelivered: true } };
  };

  it('is posted afresh by the first breaching check after the resume, not by an ok one (no stale numbers)', () => {
    const { notices, state } = run('O B O O', 'hourly', undelivered(), 1);
    expect(notices).toEqual(['1:fire', '3:recovery']);
    expect(state.incident).toBeUndefined();
    const reopened = run('B', 'hourly', undelivered(), 1).state.incident;
    expect(reopened).toMatchObject({ announced: true });
    expect(reopened?.undelivered).toBeUndefined();
  });

  it('over by then: its recovery is still posted (not dropped as a silent one), carrying what it recovers from', () => {
    const start = undelivered();
    const { notices } = run('O O', 'hourly', start, 1);
    expect(notices).toEqual(['1:recovery']);
    const t = transition({
      state: { ...start, okStreak: 1, okSince: start.lastWindowEnd },
      policy: HOURLY,
      window: { start: new Date(BASE + 5 * HOUR).toISOString(), end: new Date(BASE + 6 * HOUR).toISOString() },
      evaluation: summaries.O!,
      now: new Date(BASE + 6 * HOUR + 600_000),
      silenced: false,
      nextCheckAt: new Date(BASE + 7 * HOUR + 600_000),
    });
    expect(t.queued).toEqual([
      expect.objectContaining({ kind: 'recovery', breach: { window: start.incident!.lastBreachWindow, summary: summaries.B } }),
    ]);
    expect(t.queued[0]?.threadTs).toBeUndefined();
  });
});
