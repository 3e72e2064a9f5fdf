/** Alerts as the alerts UI's tests need them: a stored alert (definition and state) made through the lifecycle functions. */
import { type AlertInput, newAlert } from '../../src/alerts/lifecycle.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';

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
