/** Alerts as the alerts UI's tests need them: a stored alert (definition and state) made through the lifecycle functions. */
import { type AlertInput, newAlert } from '../../src/alerts/lifecycle.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';
import { ALERT_BLOCK } from '../../src/slack/alerts/form.ts';

export const UI_NOW = new Date('2026-11-25T10:00:00.000Z');

/** An alert on acme in #acme by Alice (understood rate below 80 %, hourly), with `overrides`. */
export function storedAlert(overrides: Partial<AlertInput> = {}, id = 'al_test1', owner = 'U0ALICE'): StoredAlert {
  const made = newAlert(
    {
      teamId: 'T0DEMO',
      channelId: 'C0ACME',
      project: 'acme',
      metric: { kind: 'understood_rate' },
      condition: { kind: 'threshold', direction: 'below', value: 0.8 },
      frequency: 'hourly',
      timeZone: 'Europe/Paris',
      ...overrides,
    },
    { actor: owner, now: UI_NOW, id },
  );
  if (!made.ok) throw new Error(`invalid alert: ${JSON.stringify(made.issues)}`);
  return { ...made.value, definitionVersion: 1 };
}

/**
 * The alert modal's input blocks in order, with the metric's own field (`alert_detail`, `alert_model`) when it has one
 * and the value field when the condition is above / below (`value`: true).
 */
export function alertFormBlockIds(own?: string, options: { value?: boolean } = {}): string[] {
  return [
    ALERT_BLOCK.project,
    ALERT_BLOCK.name,
    ALERT_BLOCK.metric,
    ...(own ? [own] : []),
    ALERT_BLOCK.condition,
    ...(options.value ? [ALERT_BLOCK.threshold] : []),
    ALERT_BLOCK.minVolume,
    ALERT_BLOCK.frequency,
    ALERT_BLOCK.quietStart,
    ALERT_BLOCK.quietEnd,
    ALERT_BLOCK.timeZone,
  ];
}
