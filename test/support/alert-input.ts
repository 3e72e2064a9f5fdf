/** A valid alert on the web-shop bot, for unit tests: change what the test is about, keep the rest. */
import { type AlertInput, newAlert } from '../../src/alerts/lifecycle.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';

export const SHOP_ALERT: AlertInput = {
  teamId: 'T0DEMO',
  channelId: 'C0SHOP',
  project: 'shop',
  frequency: 'hourly',
  timeZone: 'Europe/Paris',
  metric: { kind: 'understood_rate' },
  condition: { kind: 'unusual', direction: 'below' },
};

/** `SHOP_ALERT` with `change`, created by U0ALICE at `now`; throws when the result is invalid. */
export function makeAlert(change: Partial<AlertInput>, options: { id: string; now: Date }): StoredAlert {
  const made = newAlert({ ...SHOP_ALERT, ...change }, { actor: 'U0ALICE', ...options });
  if (!made.ok) throw new Error(`invalid test alert: ${JSON.stringify(made.issues)}`);
  return made.value;
}
