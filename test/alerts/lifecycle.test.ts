import { describe, expect, it } from 'vitest';
import { type AlertInput, editAlert, muteAlert, newAlert, setPaused } from '../../src/alerts/lifecycle.ts';
import { AlertDefinition, type StoredAlert } from '../../src/alerts/model.ts';
import { SHOP_ALERT } from '../support/alert-input.ts';

const NOW = new Date('2026-11-17T11:20:00Z');
const input: AlertInput = { ...SHOP_ALERT, condition: { kind: 'threshold', direction: 'below', value: 0.85 } };

function created(): StoredAlert {
  const r = newAlert(input, { actor: 'U0ALICE', now: NOW });
  if (!r.ok) throw new Error('invalid');
  return r.value;
}

describe('newAlert', () => {
  it('stamps who and when, and is due at once', () => {
    const a = created();
    expect(a.definition).toMatchObject({ ...input, paused: false, createdBy: 'U0ALICE', createdAt: NOW.toISOString() });
    expect(a.definition.id).toMatch(/^al_[0-9a-f]{20}$/);
    expect(a.state).toEqual({ version: 0, status: 'ok', nextCheckAt: NOW.toISOString(), breachStreak: 0, okStreak: 0, pending: [] });
  });

  it.each([
    [{ condition: { kind: 'threshold', direction: 'below', value: 85 } }, '', 'an understood-rate threshold is a fraction between 0 and 1'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'is not a valid IANA time zone'],
    [{ quietHours: { start: '22:00', end: '22:00' } }, 'quietHours', 'quiet hours must start and end at different times'],
    [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start', 'must be a time like 22:00'],
    [{ name: 'x'.repeat(81) }, 'name', ''],
    [{ condition: { kind: 'threshold', direction: 'above', value: -1 } }, 'condition.value', 'must not be negative'],
    [{ condition: { kind: 'threshold', direction: 'above', value: Number.POSITIVE_INFINITY } }, 'condition.value', ''],
    [{ metric: { kind: 'topic', item: { label: '' } } }, 'metric.item.label', ''],
  ])('refuses %j with a field path and a message', (change, path, message) => {
    const r = newAlert({ ...input, ...(change as Partial<AlertInput>) }, { actor: 'U0ALICE', now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain(path);
    if (message) expect(r.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('editAlert, pause, mute', () => {
  it('starts the state over only when what it watches changed', () => {
    const a = created();
    const renamed = editAlert(a, { ...input, name: 'Quality' }, { actor: 'U0BOB', now: NOW });
    expect(renamed).toMatchObject({ ok: true, value: { definition: { name: 'Quality', updatedBy: 'U0BOB', createdBy: 'U0ALICE' } } });
    expect(renamed.ok && renamed.value.state).toBeUndefined();
    const retuned = editAlert(a, { ...input, condition: { kind: 'unusual', direction: 'below' } }, { actor: 'U0BOB', now: NOW });
    expect(retuned.ok && retuned.value.state?.version).toBe(0);
  });

  it('pauses, and resumes with a check at once that keeps an open incident', () => {
    const a = { ...created(), state: { ...created().state, status: 'firing' as const } };
    expect(setPaused(a, true, { actor: 'U0BOB', now: NOW })).toEqual({ definition: expect.objectContaining({ paused: true }) });
    const later = new Date(NOW.getTime() + 86_400_000);
    expect(setPaused(a, false, { actor: 'U0BOB', now: later }).state).toMatchObject({ status: 'firing', nextCheckAt: later.toISOString() });
  });

  it('a resume clears the worker\u2019s pause reason; a pause reason without a pause is refused', () => {
    const a = created();
    const byWorker = { ...a, definition: { ...a.definition, paused: true, pausedReason: 'bot_removed' as const } };
    expect(setPaused(byWorker, false, { actor: 'U0BOB', now: NOW }).definition).not.toHaveProperty('pausedReason');
    const edited = editAlert(byWorker, input, { actor: 'U0BOB', now: NOW });
    expect(edited.ok && edited.value.definition).toMatchObject({ paused: true, pausedReason: 'bot_removed' });
    expect(AlertDefinition.safeParse({ ...a.definition, pausedReason: 'bot_removed' }).success).toBe(false);
  });

  it('mutes for a number of hours, bounded, and unmutes with 0', () => {
    const a = created();
    expect(muteAlert(a, 24, { actor: 'U0BOB', now: NOW }).mutedUntil).toBe('2026-11-18T11:20:00.000Z');
    expect(muteAlert(a, 1e9, { actor: 'U0BOB', now: NOW }).mutedUntil).toBe('2026-12-17T11:20:00.000Z');
    const muted = { ...a, definition: muteAlert(a, 24, { actor: 'U0BOB', now: NOW }) };
    expect(muteAlert(muted, 0, { actor: 'U0BOB', now: NOW }).mutedUntil).toBeUndefined();
  });
});
