/**
 * The subscription UI through signed requests into the real HTTP handler, the Slack double, the real worker and the
 * real tick, on the in-memory state store (the same flow on DynamoDB and SQS: `subscribe-dynamodb.test.ts`): the
 * modal (inline errors, reshaping, the overview of several projects), the channel list and its buttons (Send now once
 * per click and once per double-click, pause/resume, edit with a stale version, delete by a non-owner), the App Home
 * (everyone's own, admins' everything, within 100 blocks), and connect/disconnect by admins only.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { HOME_MORE_ACTION } from '../../src/slack/home/page.ts';
import { validateMessage, validateView } from '../../src/slack-double/validate.ts';
import { userActor } from '../../src/store/store.ts';
import { TOO_FREQUENT } from '../../src/subscriptions/input.ts';
import { SERVICE_MESSAGES } from '../../src/subscriptions/messages.ts';
import { POLICY_MESSAGES } from '../../src/subscriptions/policy.ts';
import { SEND_NOW_MESSAGES } from '../../src/worker/send-now.ts';
import { useBot } from '../support/bot.ts';
import { viewButtons } from '../support/modal.ts';
import { allText, answersTo, postsTo, textsIn } from '../support/slack-messages.ts';
import {
  chooseInModal,
  clickInList,
  clickOnHome,
  openHome,
  openSubscribe,
  rowButtons,
  slash,
  submitModal,
} from '../support/subscribe-ui.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

const bot = useBot();

/** Runs what the HTTP handler queued through the real worker. */
async function runJobs(): Promise<string[]> {
  const { event, jobs } = bot.drain();
  if (jobs.length === 0) return [];
  const result = await (await bot.worker())(event);
  expect(result.batchItemFailures).toEqual([]);
  return jobs.map((j) => j.kind);
}

/** The one runtime subscription of a channel in the store. */
async function onlySubscription(channel = 'C0ACME') {
  const { items } = await bot.store.listByChannel(channel);
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('/chatdash subscribe', () => {
  it('opens the modal on the ack path, with the channel’s projects and the person’s time zone', async () => {
    const open = await openSubscribe(bot, 'subscribe', { user: 'U0ALICE', channel: 'C0AGENCY' });
    expect(validateView(open.view, 'modal')).toEqual({ ok: true });
    const text = JSON.stringify(open.view);
    for (const name of ['Acme Support Bot', 'Nova Telecom Help', 'Several projects', 'All 7 projects here']) expect(text).toContain(name);
    // users.info told Europe/Paris (the double's time zone for Alice).
    expect(text).toContain('"initial_value":"Europe/Paris"');
    expect(bot.slack.callsTo('users.info')).toHaveLength(1);
  });

  it('refuses in a DM, in a channel that isn’t set up, and for a project the channel can’t see, without opening anything', async () => {
    expect((await slash(bot, 'subscribe', { channel: 'D0ALICE' })).json?.text).toBe(ACCESS_MESSAGES.dm_not_admin);
    expect((await slash(bot, 'subscribe', { channel: 'D0ADMIN', user: 'U0ADMIN' })).json?.text).toBe(SERVICE_MESSAGES.dmSubscribe);
    expect((await slash(bot, 'subscribe', { channel: 'C0NOWHERE' })).json?.text).toBe(ACCESS_MESSAGES.channel_not_bound);
    // bella exists, but not in #acme: the same answer as for a name nothing has.
    const elsewhere = String((await slash(bot, 'subscribe bella')).json?.text);
    const nowhere = String((await slash(bot, 'subscribe bellx')).json?.text);
    expect(elsewhere).toContain('I can\u2019t find a project called \u201cbella\u201d for this channel.');
    expect(nowhere.replace('bellx', 'bella')).toBe(elsewhere);
    expect(bot.slack.callsTo('views.open')).toEqual([]);
  });

  it('shows what to fix under each field, stores nothing, then saves the corrected form and tells the channel', async () => {
    const open = await openSubscribe(bot);
    const advanced = await chooseInModal(bot, open, 'frequency', 'advanced');
    const invalid = await submitModal(bot, advanced, { cron: 'every monday', time_zone: 'Mars/Olympus' });
    expect(invalid).toEqual({
      response_action: 'errors',
      errors: {
        cron: expect.stringMatching(/not a valid cron expression/),
        time_zone: 'Use an IANA time zone, like Europe/Paris, America/New_York or UTC.',
      },
    });
    // Every error is under a block the modal shows.
    const blocks = (advanced.view.blocks as Array<{ block_id?: string }>).map((b) => b.block_id);
    for (const block of Object.keys((invalid as { errors: object }).errors)) expect(blocks).toContain(block);
    expect(bot.store.size).toBe(0);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
    // A valid cron that would run every 15 minutes: refused under its field, digests run at most hourly.
    expect(await submitModal(bot, advanced, { cron: '*/15 9 * * 1-5', time_zone: 'Europe/Paris', period: 'yesterday' })).toEqual({
      response_action: 'errors',
      errors: { cron: TOO_FREQUENT },
    });
    expect(bot.store.size).toBe(0);

    expect(await submitModal(bot, advanced, { cron: '0 9 * * 1-5', time_zone: 'Europe/Paris', period: 'yesterday' })).toBeUndefined();
    const sub = await onlySubscription();
    expect(sub).toMatchObject({
      project: 'acme',
      schedule: '0 9 * * 1-5',
      timeZone: 'Europe/Paris',
      period: 'yesterday',
      owner: 'U0ALICE',
    });
    const [announced] = textsIn(bot.slack, 'C0ACME');
    expect(announced).toContain('<@U0ALICE> subscribed this channel to the *Acme Support Bot* digest');
    expect(announced).toContain('cron 0 9 * * 1-5 (Europe/Paris), covering yesterday');
    expect(announced).toMatch(/The first one comes \w{3}, \w{3} \d{1,2}, 09:00 \(Europe\/Paris\)\./);
    expect(bot.entries().find((l) => l.event === 'store.change')).toMatchObject({ actor: 'U0ALICE', action: 'subscription.create' });
  });

  it('several projects: the modal grows a projects field, and the subscription posts the agency overview, now and on schedule', async () => {
    const agency = { channel: 'C0AGENCY' };
    const open = await openSubscribe(bot, 'subscribe', agency);
    const several = await chooseInModal(bot, open, 'project', '*several', agency);
    const blocks = (several.view.blocks as Array<{ block_id?: string }>).map((b) => b.block_id);
    expect(blocks).toContain('projects');
    expect(blocks).not.toContain('sections');
    // A project this channel can't see (a forged submission: the menu doesn't offer it).
    expect(await submitModal(bot, several, { projects: ['acme', 'secret-client'] })).toEqual({
      response_action: 'errors',
      errors: { projects: POLICY_MESSAGES.cannot_query },
    });
    expect(await submitModal(bot, several, { projects: ['acme', 'nova'], frequency: 'weekly', weekday: 'FRI' })).toBeUndefined();
    const sub = await onlySubscription('C0AGENCY');
    expect(sub).toMatchObject({ projects: ['acme', 'nova'], schedule: '0 9 * * FRI', channel: 'C0AGENCY' });
    expect(textsIn(bot.slack, 'C0AGENCY')[0]).toContain('the *agency overview* of 2 projects (Acme Support Bot, Nova Telecom Help)');

    bot.slack.reset();
    const list = await slash(bot, 'subscriptions', agency, 'list');
    await clickInList(bot, rowButtons(list.json, sub.id)['Send now']!, { ...agency, responseUrlId: 'send' });
    expect(await runJobs()).toEqual(['send_now']);
    const [overview] = postsTo(bot.slack, 'C0AGENCY');
    expect(allText(overview?.body)).toMatch(/Nova Telecom Help/);
    expect(allText(overview?.body)).not.toMatch(/Bella Pizza/);

    bot.slack.reset();
    const tick = createScheduleHandler({ config: bot.config, queue: bot.queue, store: bot.store, log: bot.log });
    // Fridays at 09:00 in Paris: the configuration's agency-weekly falls due on the same tick.
    expect(await tick({ time: sub.nextRunAt! })).toMatchObject({ due: 2, runtime: 1 });
    expect(await runJobs()).toEqual(['digest', 'digest']);
    expect(postsTo(bot.slack, 'C0AGENCY')).toHaveLength(2);
    expect((await bot.store.getSubscription(sub.id))?.lastDelivery).toMatchObject({ result: 'posted', trigger: 'schedule' });
  });

  it('every project in the channel: stored as `all`', async () => {
    const open = await openSubscribe(bot, 'subscribe all', { channel: 'C0AGENCY' });
    expect(await submitModal(bot, open)).toBeUndefined();
    expect(await onlySubscription('C0AGENCY')).toMatchObject({ projects: 'all' });
  });

  it('in a channel the bot isn’t in, the subscription is saved and its owner hears by DM why the channel wasn’t told', async () => {
    bot.slack.setChannel('C0ACME', 'not_in_channel');
    expect(await submitModal(bot, await openSubscribe(bot))).toBeUndefined();
    await onlySubscription();
    expect(textsIn(bot.slack, 'U0ALICE')).toEqual([expect.stringContaining('I\u2019m not a member of <#C0ACME>')]);
  });
});

describe('/chatdash subscriptions and its buttons', () => {
  it('lists both kinds with schedule in words, next run, owner and last delivery; buttons only where the person may', async () => {
    const sub = await bot.store.createSubscription(
      subscriptionSettings({ schedule: '30 7 * * *', period: 'yesterday' }),
      userActor('U0ALICE'),
    );
    await bot.store.recordDelivery(
      { source: 'config', id: 'acme-weekly' },
      { result: 'failed', at: '2026-11-23T08:00:03.000Z', reason: 'not_in_channel' },
    );
    const alice = await slash(bot, 'subscriptions');
    expect(validateMessage(alice.json!)).toEqual({ ok: true });
    const text = allText(alice.json);
    expect(text).toContain('The *Acme Support Bot* digest \u00b7 _from configuration_');
    expect(text).toContain('Mondays at 09:00 Europe/Paris \u00b7 covers last week');
    expect(text).toContain('every day at 07:30 Europe/Paris \u00b7 covers yesterday');
    expect(text).toContain('Owner: <@U0ALICE>');
    expect(text).toMatch(/Last: :x: failed Mon, Nov 23, 09:00: I’m not in the channel/);
    expect(Object.keys(rowButtons(alice.json, 'acme-weekly'))).toEqual(['Send now']);
    expect(Object.keys(rowButtons(alice.json, sub.id))).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);
    expect(rowButtons(alice.json, sub.id).Delete).toBeDefined();
    const del = viewButtons(alice.json!).find((b) => b.text === 'Delete');
    expect(del?.confirm).toMatchObject({ title: { text: 'Delete this subscription?' }, confirm: { text: 'Delete' } });
    // Bob may query #acme: Send now, nothing else; the admin may do everything.
    expect(Object.keys(rowButtons((await slash(bot, 'subscriptions', { user: 'U0BOB' })).json, sub.id))).toEqual(['Send now']);
    expect(Object.keys(rowButtons((await slash(bot, 'subscriptions', { user: 'U0ADMIN' })).json, sub.id))).toEqual([
      'Send now',
      'Pause',
      'Edit',
      'Delete',
    ]);
  });

  it('Send now: one click posts one digest, Slack’s retry of it too; a quick second click posts nothing and says why', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const list = await slash(bot, 'subscriptions');
    const send = rowButtons(list.json, sub.id)['Send now']!;
    await clickInList(bot, send, { responseUrlId: 'first', actionTs: '1790000001.000100' });
    // Slack delivered the same click again (a retry): the same key.
    await clickInList(bot, send, { responseUrlId: 'first', actionTs: '1790000001.000100' });
    // A double-click: a second click, a second key.
    await clickInList(bot, send, { responseUrlId: 'second', actionTs: '1790000001.000900' });
    expect(await runJobs()).toEqual(['send_now', 'send_now', 'send_now']);
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(answersTo(bot.slack, 'first').map((c) => String(c.body.text))).toEqual([
      expect.stringContaining('Posted the *Acme Support Bot* digest'),
    ]);
    expect(answersTo(bot.slack, 'second').map((c) => String(c.body.text))).toEqual([SEND_NOW_MESSAGES.alreadySent]);
  });

  it('Pause and Resume replace the list with its new state and tell the channel', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const list = await slash(bot, 'subscriptions');
    await clickInList(bot, rowButtons(list.json, sub.id).Pause!, { responseUrlId: 'pause' });
    expect((await bot.store.getSubscription(sub.id))?.paused).toMatchObject({ reason: 'user', by: 'U0ALICE' });
    const [replaced] = answersTo(bot.slack, 'pause');
    expect(replaced?.body.replace_original).toBe(true);
    expect(allText(replaced?.body)).toContain(':double_vertical_bar: *Paused*');
    expect(Object.keys(rowButtons(replaced?.body, sub.id))).toEqual(['Send now', 'Resume', 'Edit', 'Delete']);
    expect(textsIn(bot.slack, 'C0ACME')).toEqual([expect.stringContaining('<@U0ALICE> paused this channel\u2019s subscription')]);

    await clickInList(bot, rowButtons(replaced?.body, sub.id).Resume!, { responseUrlId: 'resume' });
    expect((await bot.store.getSubscription(sub.id))?.paused).toBeUndefined();
    expect(allText(answersTo(bot.slack, 'resume')[0]?.body)).toContain('Next: ');
    expect(textsIn(bot.slack, 'C0ACME')[1]).toContain('resumed');
  });

  it('Edit opens the modal prefilled; saving updates the list; a stale modal hears it changed meanwhile', async () => {
    const sub = await bot.store.createSubscription(
      subscriptionSettings({ schedule: '15 8 10 * *', locale: 'en-GB' }),
      userActor('U0ALICE'),
    );
    const list = await slash(bot, 'subscriptions');
    await clickInList(bot, rowButtons(list.json, sub.id).Edit!, { responseUrlId: 'edit' });
    const [open] = bot.slack.views();
    expect(validateView(open!.view, 'modal')).toEqual({ ok: true });
    const text = JSON.stringify(open!.view);
    expect(text).toContain('"text":"Edit subscription"');
    // Monthly on the 10th at 08:15, en-GB.
    expect(text).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Every month, on one day","emoji":true},"value":"monthly"}',
    );
    expect(text).toContain('"initial_time":"08:15"');
    expect(text).toContain('"value":"10"');
    expect(text).toContain('"value":"en-GB"');

    // Someone else (an admin) pauses it meanwhile: the version moves on.
    await bot.store.pauseSubscription(sub.id, 'user', userActor('U0ADMIN'));
    const stale = await submitModal(bot, open!, { time: '09:45' });
    expect(stale).toMatchObject({ response_action: 'update', view: { title: { text: 'Not saved' } } });
    expect(JSON.stringify(stale)).toContain('Someone changed this subscription while you were editing it.');

    await bot.store.resumeSubscription(sub.id, userActor('U0ADMIN'));
    await clickInList(bot, rowButtons(list.json, sub.id).Edit!, { responseUrlId: 'edit2' });
    expect(await submitModal(bot, bot.slack.views().at(-1)!, { time: '09:45' })).toBeUndefined();
    expect((await bot.store.getSubscription(sub.id))?.schedule).toBe('45 9 10 * *');
    expect(allText(answersTo(bot.slack, 'edit2')[0]?.body)).toContain('on the 10th of each month at 09:45 Europe/Paris');
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('<@U0ALICE> changed this channel\u2019s subscription');
  });

  it('Delete by someone who isn’t its owner or an admin is refused, whatever the button says, and nothing changes', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    // Bob has no Delete button; he sends the click anyway (an old message, a forged payload).
    const aliceList = await slash(bot, 'subscriptions');
    await clickInList(bot, rowButtons(aliceList.json, sub.id).Delete!, { user: 'U0BOB', responseUrlId: 'bob' });
    expect(answersTo(bot.slack, 'bob').map((c) => c.body.text)).toEqual([POLICY_MESSAGES.not_owner]);
    expect(await bot.store.getSubscription(sub.id)).toBeDefined();
    expect(textsIn(bot.slack, 'C0ACME')).toEqual([]);
    // Its owner may.
    await clickInList(bot, rowButtons(aliceList.json, sub.id).Delete!, { responseUrlId: 'alice' });
    expect(await bot.store.getSubscription(sub.id)).toBeUndefined();
    expect(allText(answersTo(bot.slack, 'alice')[0]?.body)).not.toContain(sub.id);
    expect(textsIn(bot.slack, 'C0ACME')).toEqual([expect.stringContaining('<@U0ALICE> deleted this channel\u2019s subscription')]);
    expect(bot.entries().find((l) => l.event === 'store.change' && l.action === 'subscription.delete')).toMatchObject({ actor: 'U0ALICE' });
  });

  it('a configuration subscription can’t be paused from Slack', async () => {
    const list = await slash(bot, 'subscriptions');
    const send = rowButtons(list.json, 'acme-weekly')['Send now']!;
    await clickInList(bot, { action_id: 'subscription:pause', value: send.value }, { user: 'U0ADMIN', responseUrlId: 'p' });
    expect(answersTo(bot.slack, 'p').map((c) => c.body.text)).toEqual([POLICY_MESSAGES.read_only]);
  });
});

describe('the App Home', () => {
  it('shows people their own subscriptions with the same buttons; admins every subscription and binding by project', async () => {
    const mine = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    await bot.store.createSubscription(subscriptionSettings({ channel: 'C0BELLA', project: 'bella', owner: 'U0BOB' }), userActor('U0BOB'));
    await bot.store.bindChannel('C0NEWCLIENT', 'nova', userActor('U0ADMIN'));

    const alice = await openHome(bot, 'U0ALICE');
    expect(validateView(alice?.view, 'home')).toEqual({ ok: true });
    const aliceText = allText(alice?.view);
    expect(aliceText).toContain('Your subscriptions');
    expect(aliceText).toContain('The *Acme Support Bot* digest in <#C0ACME>');
    expect(aliceText).not.toContain('Bella');
    expect(aliceText).not.toContain('Every subscription');
    expect(Object.keys(rowButtons(alice?.view, mine.id))).toEqual(['Send now', 'Pause', 'Edit', 'Delete']);

    const admin = await openHome(bot, 'U0ADMIN');
    const adminText = allText(admin?.view);
    expect(adminText).toContain('Every subscription, by project');
    expect(adminText).toContain('*Bella Pizza Phone Line* \u00b7 `bella`');
    expect(adminText).toContain('_from configuration_');
    expect(adminText).toContain('Channels, by project');
    expect(adminText).toContain('<#C0NEWCLIENT> _(from Slack, by <@U0ADMIN>)_');
  });

  it('a Pause on the Home pauses, tells the channel and republishes the Home with a confirmation', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const home = await openHome(bot);
    await clickOnHome(bot, rowButtons(home?.view, sub.id).Pause!);
    expect((await bot.store.getSubscription(sub.id))?.paused).toBeDefined();
    expect(textsIn(bot.slack, 'C0ACME')).toEqual([expect.stringContaining('paused')]);
    const again = bot.slack.home('U0ALICE');
    expect(allText(again?.view)).toContain(':white_check_mark: Paused: the *Acme Support Bot* digest in <#C0ACME>.');
    expect(Object.keys(rowButtons(again?.view, sub.id))).toContain('Resume');
  });

  it('Send now from the Home posts once and tells the clicker by DM (no response_url there)', async () => {
    const sub = await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    const home = await openHome(bot);
    await clickOnHome(bot, rowButtons(home?.view, sub.id)['Send now']!);
    expect(await runJobs()).toEqual(['send_now']);
    expect(postsTo(bot.slack, 'C0ACME')).toHaveLength(1);
    expect(textsIn(bot.slack, 'U0ALICE')).toEqual([expect.stringContaining('Posted the *Acme Support Bot* digest')]);
  });

  it('150 subscriptions stay within 100 blocks, with "… and N more" or a next page that works', async () => {
    for (let i = 0; i < 150; i++) {
      await bot.store.createSubscription(subscriptionSettings({ schedule: `${i % 60} 9 * * MON` }), userActor('U0ALICE'));
    }
    const home = await openHome(bot, 'U0ALICE');
    expect(validateView(home?.view, 'home')).toEqual({ ok: true });
    expect((home!.view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
    const next = viewButtons(home!.view).find((b) => b.action_id === HOME_MORE_ACTION)!;
    expect(next).toBeDefined();
    const firstPage = new Set(
      viewButtons(home!.view)
        .filter((b) => b.text === 'Edit')
        .map((b) => b.value),
    );
    await clickOnHome(bot, next);
    const second = bot.slack.home('U0ALICE');
    const secondPage = viewButtons(second!.view)
      .filter((b) => b.text === 'Edit')
      .map((b) => b.value);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((v) => firstPage.has(v))).toEqual([]);
    // The admin's Home has everything of everyone, and still fits.
    const admin = await openHome(bot, 'U0ADMIN');
    expect(validateView(admin?.view, 'home')).toEqual({ ok: true });
    expect(allText(admin?.view)).toMatch(/\u2026 and \d+ more|Next page/);
  });
});

describe('/chatdash connect and disconnect', () => {
  const NEW = { channel: 'C0NEWCLIENT' };

  it('a non-admin is refused with the same words whatever the project, and nothing is bound', async () => {
    const answers = await Promise.all(
      ['connect bella', 'connect nosuchproject', 'connect', 'disconnect bella'].map(
        async (text) => (await slash(bot, text, NEW)).json?.text,
      ),
    );
    expect(answers).toEqual(Array(4).fill(POLICY_MESSAGES.admins_only));
    expect(await bot.store.bindingsOf('C0NEWCLIENT')).toEqual([]);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('an admin connects a channel (effective at once, announced), and disconnects it; a YAML binding stays', async () => {
    const admin = { ...NEW, user: 'U0ADMIN' };
    expect((await slash(bot, 'projects', NEW)).json?.text).toBe(ACCESS_MESSAGES.channel_not_bound);
    const connected = await slash(bot, 'connect bella', admin);
    expect(connected.json?.text).toContain(':white_check_mark: Connected this channel to *Bella Pizza Phone Line*.');
    expect(textsIn(bot.slack, 'C0NEWCLIENT')).toEqual([
      expect.stringContaining('<@U0ADMIN> connected this channel to *Bella Pizza Phone Line*'),
    ]);
    expect((await slash(bot, 'projects', NEW)).json?.text).toContain('`bella`');
    expect((await slash(bot, 'connect bella', admin)).json?.text).toContain('already connected');

    expect((await slash(bot, 'disconnect', admin)).json?.text).toContain('Disconnected this channel from *Bella Pizza Phone Line*.');
    expect((await slash(bot, 'projects', NEW)).json?.text).toBe(ACCESS_MESSAGES.channel_not_bound);
    // #acme's binding is in the configuration file.
    expect((await slash(bot, 'disconnect acme', { user: 'U0ADMIN' })).json?.text).toBe(SERVICE_MESSAGES.configBinding);
    expect(
      bot
        .entries()
        .filter((l) => l.event === 'store.change')
        .map((l) => [l.actor, l.action]),
    ).toEqual([
      ['U0ADMIN', 'binding.create'],
      ['U0ADMIN', 'binding.delete'],
    ]);
  });
});
