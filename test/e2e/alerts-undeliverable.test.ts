/**
 * Alerts that can't be delivered any more, end to end (real tick, real worker, Slack double, in-memory stores): a
 * channel Slack refuses (bot removed, archived, gone), a channel an admin disconnected from the project, and a project
 * that left the configuration. Each alert is paused through the alert store (logged by `system:worker` with the
 * reason), its owner and the admin channel are told once, and it is not checked again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newAlert, setPaused } from '../../src/alerts/lifecycle.ts';
import { userActor } from '../../src/store/store.ts';
import { ALERT_CHANNEL, type AlertBed, SHOP, startAlertBed, UNDERSTOOD_BELOW_85 } from '../support/alerts.ts';
import { demoConfig } from '../support/config.ts';
import { postsTo, textsIn } from '../support/slack-messages.ts';

const at = (iso: string) => new Date(iso);
const ADMIN = demoConfig.adminChannel as string;
const understoodBelow85 = UNDERSTOOD_BELOW_85;

let bed: AlertBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

const changes = (b: AlertBed, id: string) => b.entries().filter((l) => l.event === 'store.change' && l.id === id);
const checksOf = (b: AlertBed, id: string) => b.entries().filter((l) => l.event === 'alert.state' && l.alertId === id).length;

describe.each([
  ['not_in_channel', 'bot_removed', /I was removed from the channel\. I’m not a member of <#C0SHOP>/],
  ['is_archived', 'channel_archived', /the channel was archived\. <#C0SHOP> is archived/],
  ['channel_not_found', 'channel_not_found', /I can’t find the channel any more\. I can’t find channel C0SHOP/],
] as const)('Slack answers an alert post with %s', (error, reason, why) => {
  it(`pauses the alert (${reason}), tells its owner and the admins once, and stops checking it`, async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    await bed.create(understoodBelow85, 'refused');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', until: '2026-11-17T15:00:00Z', missRate: 0.4 });
    bed.bot.slack.setChannel(ALERT_CHANNEL, error);
    await bed.runUntil(at('2026-11-17T11:40:00Z'), 20);

    const stored = await bed.alerts.store.get('refused');
    expect(stored?.definition).toMatchObject({ paused: true, pausedReason: reason });
    // Through the store, logged with the system actor and the reason.
    expect(changes(bed, 'refused').at(-1)).toMatchObject({
      action: 'alert.update',
      actor: 'system:worker',
      before: { paused: false },
      after: { paused: true, pausedReason: reason },
    });
    const [dm, ...moreDms] = textsIn(bed.bot.slack, 'U0ALICE');
    expect(moreDms).toEqual([]);
    expect(dm).toContain('The alert *Understood rate below 85% · checked hourly* on *Maya Shop Assistant* in <#C0SHOP> is paused');
    expect(dm).toMatch(why);
    expect(dm).toContain('*Resume* in `/chatdash alerts`');
    const admin = textsIn(bed.bot.slack, ADMIN);
    expect(admin).toHaveLength(1);
    expect(admin[0]).toContain('is paused');
    expect(admin[0]).toContain('(owner: <@U0ALICE>, id `refused`)');
    expect(bed.entries().filter((l) => l.event === 'alert.paused')).toEqual([
      expect.objectContaining({ level: 'error', alertId: 'refused', reason, error, actor: 'system:worker' }),
    ]);

    // Paused: not claimed, not checked, nothing more tried or told, through hours of the incident.
    const checks = checksOf(bed, 'refused');
    await bed.runUntil(at('2026-11-17T16:00:00Z'), 20);
    expect(checksOf(bed, 'refused')).toBe(checks);
    expect(bed.bot.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === ALERT_CHANNEL)).toHaveLength(1);
    expect(textsIn(bed.bot.slack, ADMIN)).toHaveLength(1);
    expect(textsIn(bed.bot.slack, 'U0ALICE')).toHaveLength(1);

    // Resumed by its owner once the channel is fixed: the reason goes, it is checked again. The incident still runs
    // (its last hour, 15:00–16:00 Paris): the opening post the channel never got is posted afresh with the numbers of
    // that hour, and "back to normal" replies in its thread.
    bed.bot.slack.setChannel(ALERT_CHANNEL, 'ok');
    await resume(bed, 'refused');
    expect((await bed.alerts.store.get('refused'))?.definition.pausedReason).toBeUndefined();
    await bed.runUntil(at('2026-11-17T19:00:00Z'), 20);
    expect(checksOf(bed, 'refused')).toBeGreaterThan(checks);
    const [opening, recovery, ...more] = bed.posts();
    expect(more).toEqual([]);
    expect(opening?.body.thread_ts).toBeUndefined();
    expect(String(opening?.body.text)).toBe(
      'Maya Shop Assistant: understood rate below 85%: 60.6% between 15:00 and 16:00 on Tue, Nov 17 (usually 93.5%).',
    );
    expect(JSON.stringify(opening?.body.blocks)).toContain('*Since*\\n11:00 on Tue, Nov 17');
    expect(bed.postedTs('fire')).toHaveLength(1);
    expect(recovery?.body).toMatchObject({
      thread_ts: bed.postedTs('fire')[0],
      text: 'Maya Shop Assistant: understood rate below 85% is back to normal (it lasted 5 h).',
    });
  });
});

/** Resumes an alert as its owner does from Slack (`setPaused`, then the store's conditional update). */
async function resume(b: AlertBed, id: string): Promise<void> {
  const resumed = setPaused((await b.alerts.store.get(id))!, false, { actor: 'U0ALICE', now: b.clock.now });
  await b.alerts.store.updateDefinition(id, resumed.definition, 'U0ALICE', { state: resumed.state! });
}

describe('an alert whose opening post was never delivered, resumed after its incident ended', () => {
  it('posts one "back to normal" on its own, saying what it recovers from (there is no thread to reply in)', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    await bed.create(understoodBelow85, 'late');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', until: '2026-11-17T12:00:00Z', missRate: 0.4 });
    bed.bot.slack.setChannel(ALERT_CHANNEL, 'not_in_channel');
    await bed.runUntil(at('2026-11-17T11:40:00Z'), 20);
    expect((await bed.alerts.store.get('late'))?.definition.paused).toBe(true);

    // Invited back and resumed two hours after the incident ended.
    await bed.runUntil(at('2026-11-17T14:00:00Z'), 20);
    bed.bot.slack.setChannel(ALERT_CHANNEL, 'ok');
    await resume(bed, 'late');
    await bed.runUntil(at('2026-11-17T18:00:00Z'), 20);

    const [recovery, ...more] = bed.posts();
    expect(more).toEqual([]);
    expect(recovery?.body.thread_ts).toBeUndefined();
    expect(String(recovery?.body.text)).toBe(
      'Maya Shop Assistant: understood rate below 85% is back to normal; it started at 11:00 on Tue, Nov 17 and lasted 2 h (my first post about it could not be delivered).',
    );
    const words = JSON.stringify(recovery?.body.blocks);
    expect(words).toContain('*Maya Shop Assistant* · Understood rate below 85% · checked hourly');
    expect(words).toMatch(
      /is back to normal since 13:00 on Tue, Nov 17\. It had been below 85% since 11:00 on Tue, Nov 17 \(2 h\), but my post when it started could not be delivered here\. Last bad check: understood rate \*[\d.]+%\* between 11:00 and 12:00 on Tue, Nov 17/,
    );
    expect((await bed.alerts.store.get('late'))?.state).toMatchObject({ status: 'ok', pending: [] });
  });
});

describe('a channel disconnected from the project', () => {
  it('pauses its alerts at the next check (channel_unbound), tells the owner and the admins once; other channels go on', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    const store = bed.bot.store;
    await store.bindChannel('C0NEWSHOP', 'shop', userActor('U0ADMIN'));
    await bed.create({ ...understoodBelow85, channelId: 'C0NEWSHOP' }, 'bound-here');
    await bed.create(understoodBelow85, 'configured');
    await bed.runUntil(at('2026-11-17T10:00:00Z'), 20);
    expect(checksOf(bed, 'bound-here')).toBeGreaterThan(0);

    await store.unbindChannel('C0NEWSHOP', 'shop', userActor('U0ADMIN'));
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    const checks = checksOf(bed, 'bound-here');
    await bed.runUntil(at('2026-11-17T14:00:00Z'), 20);

    expect(checksOf(bed, 'bound-here')).toBe(checks);
    expect((await bed.alerts.store.get('bound-here'))?.definition).toMatchObject({ paused: true, pausedReason: 'channel_unbound' });
    expect(postsTo(bed.bot.slack, 'C0NEWSHOP')).toEqual([]);
    const dms = textsIn(bed.bot.slack, 'U0ALICE');
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain(
      'is paused: the channel is no longer connected to the project. <#C0NEWSHOP> is no longer connected to *Maya Shop Assistant*.',
    );
    expect(textsIn(bed.bot.slack, ADMIN)).toHaveLength(1);
    expect(changes(bed, 'bound-here').at(-1)).toMatchObject({
      actor: 'system:worker',
      after: { paused: true, pausedReason: 'channel_unbound' },
    });
    // The alert in the configured channel was checked all along, and fired.
    expect((await bed.alerts.store.get('configured'))?.definition.paused).toBe(false);
    expect(bed.posts()).toHaveLength(1);
  });
});

describe('an alert in an admin\u2019s DM', () => {
  it('stays checked and posts while its creator is an admin (access is decided as for DMs)', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    const made = newAlert(
      { ...understoodBelow85, teamId: 'T0DEMO', channelId: 'D0ADMINDM', project: 'shop', frequency: 'hourly', timeZone: 'Europe/Paris' },
      { actor: 'U0ADMIN', now: bed.clock.now, id: 'in-dm' },
    );
    if (!made.ok) throw new Error('invalid alert');
    await bed.alerts.store.create(made.value.definition, made.value.state, 'U0ADMIN');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    await bed.runUntil(at('2026-11-17T11:40:00Z'), 20);
    expect((await bed.alerts.store.get('in-dm'))?.definition.paused).toBe(false);
    expect(postsTo(bed.bot.slack, 'D0ADMINDM')).toHaveLength(1);
  });
});

describe('a project removed from the configuration', () => {
  it('pauses its alerts (project_removed) and tells each owner (one DM) and the admins once, instead of re-queueing them every lease', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    await bed.create(understoodBelow85, 'orphan-a');
    await bed.create({ metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } }, 'orphan-b');
    // Another owner's alert on the same project.
    const bobs = newAlert(
      {
        teamId: 'T0DEMO',
        channelId: ALERT_CHANNEL,
        project: 'shop',
        frequency: 'hourly',
        timeZone: 'Europe/Paris',
        name: 'Bob <watch>',
        ...understoodBelow85,
      },
      { actor: 'U0BOB', now: bed.clock.now, id: 'orphan-c' },
    );
    if (!bobs.ok) throw new Error('invalid alert');
    await bed.alerts.store.create(bobs.value.definition, bobs.value.state, 'U0BOB');
    // The worker now runs with a configuration that no longer has the project (a redeploy); the tick queues as before.
    const config = { ...bed.bot.config, projects: bed.bot.config.projects.filter((p) => p.key !== 'shop') };
    const deps = { ...(await bed.bot.deps({ alerts: bed.alerts, now: () => bed!.clock.now })), config };
    const worker = await bed.bot.worker({ deps, config, once: bed.alerts.once });
    const tick = async (iso: string) => {
      bed!.clock.now = at(iso);
      await bed!.schedule({ time: iso });
      const event = bed!.queue.drain();
      return { jobs: event.Records.length, result: await worker(event), event };
    };

    const first = await tick('2026-11-17T09:20:00Z');
    expect(first.jobs).toBe(1);
    expect(first.result.batchItemFailures).toEqual([]);
    for (const id of ['orphan-a', 'orphan-b', 'orphan-c']) {
      expect((await bed.alerts.store.get(id))?.definition).toMatchObject({ paused: true, pausedReason: 'project_removed' });
      expect(changes(bed, id).at(-1)).toMatchObject({ actor: 'system:worker', after: { pausedReason: 'project_removed' } });
    }
    const admin = textsIn(bed.bot.slack, ADMIN);
    expect(admin).toEqual([
      ':rotating_light: 3 alerts on project `shop` (in <#C0SHOP>) are paused: its project is no longer in the bot’s configuration, so they can’t be checked. Put the project back in the configuration and resume them (`/chatdash alerts` in their channel), or delete them.',
    ]);
    expect(bed.entries().filter((l) => l.event === 'alert.project_removed')).toEqual([
      expect.objectContaining({ level: 'error', project: 'shop', paused: 3, actor: 'system:worker' }),
    ]);
    // Each owner: one DM naming their alerts (names escaped).
    expect(textsIn(bed.bot.slack, 'U0ALICE')).toEqual([
      ':double_vertical_bar: Your 2 alerts on project `shop` (*Understood rate below 85% · checked hourly* in <#C0SHOP>; *Conversations unusually high or low · checked hourly* in <#C0SHOP>) are paused: its project is no longer in the bot’s configuration, so they can’t be checked. An admin has been told; once the project is back, resume them (*Resume* in `/chatdash alerts` in their channel, or on my Home tab), or delete them.',
    ]);
    expect(textsIn(bed.bot.slack, 'U0BOB')).toEqual([
      ':double_vertical_bar: Your alert on project `shop` (*“Bob &lt;watch&gt;”* in <#C0SHOP>) is paused: its project is no longer in the bot’s configuration, so it can’t be checked. An admin has been told; once the project is back, resume it (*Resume* in `/chatdash alerts` in its channel, or on my Home tab), or delete it.',
    ]);

    // The same job redelivered tells nobody again; later ticks (past the 15-minute lease) queue nothing.
    expect((await worker({ Records: first.event.Records })).batchItemFailures).toEqual([]);
    for (const iso of ['2026-11-17T09:40:00Z', '2026-11-17T10:20:00Z', '2026-11-17T12:20:00Z']) expect((await tick(iso)).jobs).toBe(0);
    expect(textsIn(bed.bot.slack, ADMIN)).toHaveLength(1);
    expect(textsIn(bed.bot.slack, 'U0ALICE')).toHaveLength(1);
    expect(textsIn(bed.bot.slack, 'U0BOB')).toHaveLength(1);
  });
});
