/** The alerts' parts of the App Home: a person's own alerts with their buttons; admins' every alert by project. */
import { describe, expect, it } from 'vitest';
import {
  ALERT_HOME_ROWS,
  EVERY_ALERT,
  EVERY_ALERT_READS,
  MY_ALERTS,
  REMOVED_PROJECTS,
  STOPPED_SHORT,
} from '../../../src/slack/alerts/home-sections.ts';
import type { HomeContext } from '../../../src/slack/home/sections.ts';
import { homeView } from '../../../src/slack/home/view.ts';
import { createMemoryAlertStores } from '../../../src/store/alerts-memory.ts';
import { createMemoryStore } from '../../../src/store/memory.ts';
import { policyActor } from '../../../src/subscriptions/policy.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';
import { recordingLog } from '../../support/log.ts';
import { viewButtons } from '../../support/modal.ts';
import { allText } from '../../support/slack-messages.ts';

const { log, entries } = recordingLog();

async function home(userId: string, count = 1, pages: Record<string, string> = {}) {
  const stores = createMemoryAlertStores({ log });
  const alerts = stores.store;
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
  return Object.assign(ctx, { reads: stores.reads });
}

/** Every page of a section, following "Next page" to the end: the alerts its rows name, and each build's reads. */
async function walk(source: typeof MY_ALERTS, ctx: Awaited<ReturnType<typeof home>>, start: Record<string, string> = {}) {
  const seen: string[] = [];
  const reads: number[] = [];
  const intros: string[] = [];
  let pages = start;
  for (let i = 0; i < 1000; i++) {
    const before = ctx.reads.requests;
    const section = await source.build({ ...ctx, pages });
    reads.push(ctx.reads.requests - before);
    intros.push(section?.intro ?? '');
    seen.push(...viewButtons({ blocks: section?.rows.flat() }).flatMap((b) => (b.text === 'Edit' ? [JSON.parse(b.value).id] : [])));
    if (!section?.next) break;
    pages = { [source.id]: section.next };
  }
  return { seen, reads, intros };
}

describe('alerts on the App Home', () => {
  it('Your alerts: the person’s own, with their buttons, a page at a time', async () => {
    const section = await MY_ALERTS.build(await home('U0ALICE', 12));
    expect(section?.rows).toHaveLength(ALERT_HOME_ROWS.mine);
    expect(section?.next).toBeDefined();
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
        if (!section?.next) break;
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

  it('pages through more than the old cap of 500 alerts, every one once, a bounded read or two per page', async () => {
    const ctx = await home('U0ADMIN', 0);
    const ids = Array.from({ length: 501 }, (_, i) => `al_${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      const { definition, state } = storedAlert({ project: 'acme', channelId: 'C0AGENCY' }, id, 'U0ADMIN');
      await ctx.alerts!.create(definition, state, 'U0ADMIN');
    }
    const gone = storedAlert({ project: 'retired-bot', channelId: 'C0AGENCY' }, 'al_gone', 'U0ADMIN');
    await ctx.alerts!.create({ ...gone.definition, paused: true, pausedReason: 'project_removed' }, gone.state, 'U0ADMIN');
    const mine = await walk(MY_ALERTS, ctx);
    expect(mine.seen).toEqual([...ids, 'al_gone']);
    expect(Math.max(...mine.reads)).toBe(1);
    const every = await walk(EVERY_ALERT, ctx);
    expect(every.seen).toEqual([...ids, 'al_gone']);
    expect(Math.max(...every.reads)).toBeLessThanOrEqual(EVERY_ALERT_READS);
  });

  it('Every alert: a page that reaches its bound of reads looking for removed projects says so, and Next page goes on', async () => {
    const ctx = await home('U0ADMIN', 0);
    // More alerts on configured projects than one page's bound of reads looks through, then one of a removed project.
    const count = EVERY_ALERT_READS * 100 + 20;
    for (let i = 0; i < count; i++) {
      const { definition, state } = storedAlert({ project: 'acme', channelId: 'C0AGENCY' }, `al_${String(i).padStart(4, '0')}`, 'U0ALICE');
      await ctx.alerts!.create(definition, state, 'U0ALICE');
    }
    const gone = storedAlert({ project: 'retired-bot', channelId: 'C0AGENCY' }, 'al_gone', 'U0BOB');
    await ctx.alerts!.create({ ...gone.definition, paused: true, pausedReason: 'project_removed' }, gone.state, 'U0BOB');
    // From where the configured projects end (the removed projects' group).
    const removedGroup = String(demoConfig.projects.length);
    const first = await EVERY_ALERT.build({ ...ctx, pages: { 'all-alerts': removedGroup } });
    expect(first?.rows).toEqual([]);
    expect(first?.intro).toContain(STOPPED_SHORT);
    expect(first?.next).toBeDefined();
    // On screen: the note and a Next page, not "No alerts yet.".
    const view = JSON.stringify(homeView([first!]));
    expect(view).toContain('Next page');
    expect(view).not.toContain('No alerts yet.');
    expect(entries().some((l) => l.event === 'alert.home_page_bounded')).toBe(true);
    const rest = await walk(EVERY_ALERT, ctx, { 'all-alerts': first!.next! });
    expect(rest.seen).toEqual(['al_gone']);
    expect(Math.max(...rest.reads)).toBeLessThanOrEqual(EVERY_ALERT_READS);
  }, 60_000);

  it('left out without an alert store', async () => {
    const { alerts: _alerts, ...without } = await home('U0ADMIN');
    expect(await MY_ALERTS.build(without)).toBeUndefined();
    expect(await EVERY_ALERT.build(without)).toBeUndefined();
  });
});
