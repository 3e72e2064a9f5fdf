/** The recommended alerts: valid, and with ids that are the same on every click (so a second adds nothing). */
import { describe, expect, it } from 'vitest';
import { newAlert } from '../../../src/alerts/lifecycle.ts';
import { recommendedAlertId, recommendedAlerts } from '../../../src/slack/alerts/recommended.ts';
import { UI_NOW } from '../../support/alert-ui.ts';

const where = { teamId: 'T0DEMO', channelId: 'C0ACME', project: 'acme' };

describe('recommendedAlerts', () => {
  it('understood rate unusually low (hourly) and cost per day unusually high (daily), each one the model accepts', () => {
    const list = recommendedAlerts({ ...where, timeZone: 'Europe/Paris' });
    expect(list.map((r) => [r.key, r.input.metric.kind, r.input.condition, r.input.frequency])).toEqual([
      ['understood', 'understood_rate', { kind: 'unusual', direction: 'below' }, 'hourly'],
      ['cost-day', 'total_cost', { kind: 'unusual', direction: 'above' }, 'daily'],
    ]);
    for (const r of list) expect(newAlert(r.input, { actor: 'U0ALICE', now: UI_NOW, id: recommendedAlertId(where, r.key) }).ok).toBe(true);
  });

  it('ids are stable per channel, project and recommendation, and differ otherwise', () => {
    expect(recommendedAlertId(where, 'understood')).toBe(recommendedAlertId({ ...where }, 'understood'));
    expect(recommendedAlertId(where, 'understood')).toMatch(/^rec_[0-9a-f]{20}$/);
    const others = [
      recommendedAlertId(where, 'cost-day'),
      recommendedAlertId({ ...where, channelId: 'C0OTHER' }, 'understood'),
      recommendedAlertId({ ...where, project: 'nova' }, 'understood'),
    ];
    expect(new Set([recommendedAlertId(where, 'understood'), ...others]).size).toBe(4);
  });
});
