/** The alerts' parts of the App Home: a person's own alerts with their buttons; admins' every alert by project. */
import { describe, expect, it } from 'vitest';
import { ALERT_HOME_ROWS, EVERY_ALERT, MY_ALERTS, REMOVED_PROJECTS } from '../../../src/slack/alerts/home-sections.ts';
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

async function home(userId: string, count = 1, pages: Record<string, string> = {}) {
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
    pages,
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

  it('pages: "Next page" carries a cursor to the next page, to the end, every alert once; a forged one starts again', async () => {
    for (const [source, ctx] of [
      [MY_ALERTS, await home('U0ALICE', 25)],
      [EVERY_ALERT, await home('U0ADMIN', 25)],
    ] as const) {
      const seen: string[] = [];
      let pages: Record<string, string> = {};
      for (;;) {
        const section = await source.build({ ...ctx, pages });
        seen.push(...viewButtons({ blocks: section?.rows.flat() }).flatMap((b) => (b.text === 'Edit' ? [JSON.parse(b.value).id] : [])));
        expect(section?.after).toHaveLength(section?.rows.length ?? 0);
        if (!section?.next) {
          expect(section?.hidden).toBe(0);
          break;
        }
        pages = { [source.id]: section.next };
      }
      expect(new Set(seen).size, source.id).toBe(25);
      expect(seen, source.id).toHaveLength(25);
    }
    const ctx = await home('U0ADMIN', 25);
    const forged = await EVERY_ALERT.build({ ...ctx, pages: { 'all-alerts': 'Zm9yZ2Vk' } });
    expect(forged?.rows).toHaveLength(ALERT_HOME_ROWS.all);
    // A cursor of another section (Alice's own alerts) is refused here: the first page.
    const alices = (await MY_ALERTS.build(await home('U0ALICE', 25)))!.next!;
    const other = await EVERY_ALERT.build({ ...ctx, pages: { 'all-alerts': alices } });
    expect(allText({ blocks: other?.rows[0] })).toContain('*Acme Support Bot*');
  });

  it('Every alert: those of a project no longer configured last, with why the bot paused them', async () => {
    const ctx = await home('U0ADMIN', 2);
    const gone = storedAlert({ project: 'retired-bot', channelId: 'C0AGENCY' }, 'al_gone', 'U0BOB');
    await ctx.alerts!.create({ ...gone.definition, paused: true, pausedReason: 'project_removed' }, gone.state, 'U0BOB');
    const section = await EVERY_ALERT.build(ctx);
    expect(section?.rows).toHaveLength(3);
    const last = allText({ blocks: section?.rows.at(-1) });
    expect(last).toContain(`*${REMOVED_PROJECTS}* \u00b7 \`retired-bot\``);
    expect(last).toContain('*Paused* by the bot: its project is no longer in the bot\u2019s configuration');
    expect(viewButtons({ blocks: section?.rows.at(-1) }).map((b) => b.text)).toEqual(['Mute 24 h', 'Resume', 'Edit', 'Delete']);
  });

  it('left out without an alert store', async () => {
    const { alerts: _alerts, ...without } = await home('U0ADMIN');
    expect(await MY_ALERTS.build(without)).toBeUndefined();
    expect(await EVERY_ALERT.build(without)).toBeUndefined();
  });
});
