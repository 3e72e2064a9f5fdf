/** The alerts' parts of the App Home: a person's own alerts with their buttons; admins' every alert by project. */
import { describe, expect, it } from 'vitest';
import { ALERT_HOME_ROWS, EVERY_ALERT, MY_ALERTS } from '../../../src/slack/alerts/home-sections.ts';
import type { HomeContext } from '../../../src/slack/home/sections.ts';
import { createMemoryAlertStores } from '../../../src/store/alerts-memory.ts';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { policyActor } from '../../../src/subscriptions/policy.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';
import { recordingLog } from '../../support/log.ts';
import { viewButtons } from '../../support/modal.ts';
import { allText } from '../../support/slack-messages.ts';

const { log } = recordingLog();

async function home(userId: string, count = 1) {
  const alerts = createMemoryAlertStores({ log }).store;
  for (let i = 0; i < count; i++) {
    const { definition, state } = storedAlert({ project: i % 2 === 0 ? 'acme' : 'nova', channelId: 'C0AGENCY' }, `al_${i}`, 'U0ALICE');
    await alerts.create(definition, state, 'U0ALICE');
  }
  const ctx: HomeContext = {
    config: demoConfig,
    store: createMemoryStore({ log }),
    alerts,
    log,
    now: () => UI_NOW,
    userId,
    teamId: 'T0DEMO',
    actor: policyActor(demoConfig, userId),
    pages: {},
  };
  return ctx;
}

describe('alerts on the App Home', () => {
  it('Your alerts: the person’s own, with their buttons, counted past the page', async () => {
    const section = await MY_ALERTS.build(await home('U0ALICE', 12));
    expect(section?.rows).toHaveLength(ALERT_HOME_ROWS.mine);
    expect(section?.hidden).toBe(12 - ALERT_HOME_ROWS.mine);
    expect(viewButtons({ blocks: section?.rows[0] }).map((b) => b.text)).toEqual(['Mute 24 h', 'Pause', 'Edit', 'Delete']);
    expect((await MY_ALERTS.build(await home('U0BOB', 3)))?.rows).toEqual([]);
  });

  it('Every alert, by project: admins only, each project named before its alerts', async () => {
    expect(await EVERY_ALERT.build(await home('U0ALICE', 3))).toBeUndefined();
    const section = await EVERY_ALERT.build(await home('U0ADMIN', 3));
    const text = allText({ blocks: section?.rows.flat() });
    expect(text.indexOf('*Acme Support Bot*')).toBeLessThan(text.indexOf('*Nova Telecom Help*'));
    expect(section?.rows).toHaveLength(3);
    expect(viewButtons({ blocks: section?.rows[0] }).map((b) => b.text)).toEqual(['Mute 24 h', 'Pause', 'Edit', 'Delete']);
  });

  it('left out without an alert store', async () => {
    const { alerts: _alerts, ...without } = await home('U0ADMIN');
    expect(await MY_ALERTS.build(without)).toBeUndefined();
    expect(await EVERY_ALERT.build(without)).toBeUndefined();
  });
});
