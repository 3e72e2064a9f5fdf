/**
 * The alerts UI through signed requests into the real HTTP handler and the Slack double, on the in-memory stores
 * (the same flow on DynamoDB, with the real tick and worker firing the alert: `alerts-ui-dynamodb.test.ts`): the
 * modal (opened on the ack path, inline errors, saved and announced), `/chatdash alerts` and its buttons (Mute 24 h,
 * Pause/Resume, Edit with a stale version, Delete by a non-owner refused and by the owner), the recommended alerts
 * in one click (twice: nothing more), the App Home (with alerts of a project no longer configured), and paging:
 * 40 alerts through "Next page" in a channel and on the App Home, and hostile page values.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_UI_MESSAGES } from '../../src/slack/alerts/messages.ts';
import { validateMessage, validateView } from '../../src/slack-double/validate.ts';
import { POLICY_MESSAGES } from '../../src/subscriptions/policy.ts';
import { storedAlert } from '../support/alert-ui.ts';
import { useBot } from '../support/bot.ts';
import { viewButtons } from '../support/modal.ts';
import { allText, answersTo, textsIn } from '../support/slack-messages.ts';
import { chooseInModal, clickInList, clickOnHome, openHome, openSubscribe, slash, submitModal } from '../support/subscribe-ui.ts';

const bot = useBot();

/** The one alert of a channel in the store. */
async function onlyAlert(channel = 'C0ACME') {
  const alerts = (await bot.alerts.store.listByChannel('T0DEMO', channel)).items;
  expect(alerts).toHaveLength(1);
  return alerts[0]!;
}

/**
 * Creates an alert through the modal as `user` (the understood rate below 80 %, hourly): "Below a value" picked in the
 * condition menu first (the modal opens on "unusually low", without a value field), as a person does.
 */
async function createAlert(user = 'U0ALICE', answers: Record<string, string> = {}) {
  const open = await chooseInModal(bot, await openSubscribe(bot, 'alert', { user }), 'alert_condition', 'below', { user });
  expect(
    await submitModal(bot, open, { alert_condition: 'below', alert_threshold: '80', alert_name: 'Quality', ...answers }, { user }),
  ).toBeUndefined();
  return onlyAlert();
}

/** The buttons of a message or view row naming `alert`, by their text. */
function alertButtons(message: Record<string, unknown> | undefined, alert: string) {
  const rows = viewButtons(message ?? {}).filter((b) => b.value.includes(`"${alert}"`));
  return Object.fromEntries(rows.map((b) => [b.text, { action_id: b.action_id, value: b.value, confirm: b.confirm }]));
}

describe('/chatdash alert', () => {
  it('opens the modal on the ack path, with the channel’s projects, every metric and the person’s time zone', async () => {
    const open = await openSubscribe(bot, 'alert', { channel: 'C0AGENCY' });
    expect(validateView(open.view, 'modal')).toEqual({ ok: true });
    const text = JSON.stringify(open.view);
    for (const label of [
      'Acme Support Bot',
      'Nova Telecom Help',
      'Understood rate',
      'Cost per conversation',
      'Total cost',
      'Conversations',
      'Tokens',
      'A misunderstood message',
      'A topic',
      'Unusually low',
      'Every hour',
      'Every day',
      'Quiet hours from',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('"initial_value":"Europe/Paris"');
  });

  it('refuses in a DM and for a project the channel can’t see, without opening anything', async () => {
    expect((await slash(bot, 'alert', { channel: 'D0ADMIN', user: 'U0ADMIN' })).json?.text).toBe(ALERT_UI_MESSAGES.dmAlert);
    expect(String((await slash(bot, 'alert bella')).json?.text)).toContain(
      'I can\u2019t find a project called \u201cbella\u201d for this channel.',
    );
    expect(bot.slack.callsTo('views.open')).toEqual([]);
  });

  it('shows what to fix under each field, stores nothing, then saves and tells the channel who created what', async () => {
    const opened = await openSubscribe(bot, 'alert');
    // Watching a topic, above a value: the modal gains its topic and value fields (views.update), under which their errors show.
    const open = await chooseInModal(bot, await chooseInModal(bot, opened, 'alert_metric', 'topic'), 'alert_condition', 'above');
    const invalid = await submitModal(bot, open, {
      alert_detail: '',
      alert_threshold: 'lots',
      alert_quiet_start: '22:00',
      alert_time_zone: 'Mars/Olympus',
    });
    expect(invalid).toEqual({
      response_action: 'errors',
      errors: {
        alert_detail: 'Type the topic to watch, as ChatDash names it.',
        alert_threshold: 'Type a number, e.g. 80 or 0.50.',
        alert_quiet_end: 'Pick both ends of the quiet hours, or neither.',
      },
    });
    const blocks = (open.view.blocks as Array<{ block_id?: string }>).map((b) => b.block_id);
    for (const block of Object.keys((invalid as { errors: object }).errors)) expect(blocks).toContain(block);
    // The time zone is the model's check, once the form's own are met.
    expect(await submitModal(bot, open, { alert_detail: 'Refunds', alert_threshold: '20', alert_time_zone: 'Mars/Olympus' })).toEqual({
      response_action: 'errors',
      errors: { alert_time_zone: 'Not a time zone I know: type an IANA name like Europe/Paris or UTC.' },
    });
    // A project the channel can't see (a forged submission).
    expect(await submitModal(bot, open, { alert_detail: 'Refunds', alert_threshold: '20', alert_project: 'bella' })).toEqual({
      response_action: 'errors',
      errors: { alert_project: POLICY_MESSAGES.cannot_query },
    });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items).toEqual([]);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);

    const alert = await createAlert('U0ALICE', { alert_quiet_start: '22:00', alert_quiet_end: '07:00' });
    expect(alert.definition).toMatchObject({
      project: 'acme',
      name: 'Quality',
      metric: { kind: 'understood_rate' },
      condition: { kind: 'threshold', direction: 'below', value: 0.8 },
      frequency: 'hourly',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Paris',
      createdBy: 'U0ALICE',
    });
    const [announced] = textsIn(bot.slack, 'C0ACME');
    expect(announced).toContain('<@U0ALICE> set up an alert here: *Quality*: Understood rate below 80');
    expect(announced).toContain('*Acme Support Bot*');
    expect(bot.entries().find((l) => l.event === 'store.change')).toMatchObject({ actor: 'U0ALICE', action: 'alert.create' });
  });
});

describe('/chatdash alerts', () => {
  it('lists the channel’s alerts with their state and the owner’s buttons; others see no buttons', async () => {
    expect(String((await slash(bot, 'alerts')).json?.text)).toContain('No alerts in <#C0ACME> yet.');
    const alert = await createAlert();
    const list = (await slash(bot, 'alerts')).json;
    expect(validateMessage({ channel: 'C0ACME', ...list })).toMatchObject({ ok: true });
    expect(JSON.stringify(list)).toContain(':white_check_mark: *OK*');
    expect(Object.keys(alertButtons(list, alert.definition.id))).toEqual(['Mute 24 h', 'Pause', 'Edit', 'Delete']);
    expect(alertButtons((await slash(bot, 'alerts', { user: 'U0BOB' })).json, alert.definition.id)).toEqual({});
  });

  it('Mute 24 h, then Pause and Resume: each stored, announced, and the list refreshed', async () => {
    const alert = await createAlert();
    const list = (await slash(bot, 'alerts')).json;
    await clickInList(bot, alertButtons(list, alert.definition.id)['Mute 24 h']!, { responseUrlId: 'list1' });
    const muted = await onlyAlert();
    expect(Date.parse(muted.definition.mutedUntil ?? '') - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('<@U0ALICE> muted an alert of this channel until');
    const refreshed = answersTo(bot.slack, 'list1').at(-1)?.body as Record<string, unknown>;
    expect(JSON.stringify(refreshed)).toContain('muted until');
    expect(Object.keys(alertButtons(refreshed, alert.definition.id))).toEqual(['Unmute', 'Pause', 'Edit', 'Delete']);

    await clickInList(bot, alertButtons(refreshed, alert.definition.id).Pause!, { responseUrlId: 'list2' });
    expect((await onlyAlert()).definition.paused).toBe(true);
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('paused an alert');
    const paused = answersTo(bot.slack, 'list2').at(-1)?.body as Record<string, unknown>;
    expect(JSON.stringify(paused)).toContain('*Paused*');
    await clickInList(bot, alertButtons(paused, alert.definition.id).Resume!, { responseUrlId: 'list3' });
    expect((await onlyAlert()).definition.paused).toBe(false);
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('resumed an alert');
    const changes = bot.entries().filter((l) => l.event === 'store.change' && l.action === 'alert.update');
    expect(changes).toHaveLength(3);
    expect(changes[1]).toMatchObject({ actor: 'U0ALICE', before: { paused: false }, after: { paused: true } });
  });

  it('Edit opens the same modal prefilled; a save from a stale version is refused as changed meanwhile', async () => {
    const alert = await createAlert();
    const list = (await slash(bot, 'alerts')).json;
    const edit = alertButtons(list, alert.definition.id).Edit!;
    const before = bot.slack.views().length;
    await clickInList(bot, edit, { responseUrlId: 'edit1' });
    const open = bot.slack.views().at(-1)!;
    expect(bot.slack.views()).toHaveLength(before + 1);
    expect(validateView(open.view, 'modal')).toEqual({ ok: true });
    expect(JSON.stringify(open.view)).toContain('"initial_value":"80"');
    expect(JSON.stringify(open.view)).toContain('Edit alert');
    // Someone pauses it meanwhile (from the same list): the open form's version is stale.
    await clickInList(bot, alertButtons(list, alert.definition.id).Pause!);
    const stale = await submitModal(bot, open, { alert_threshold: '70' });
    expect(JSON.stringify(stale)).toContain('changed this alert meanwhile');
    expect((await onlyAlert()).definition.condition).toMatchObject({ value: 0.8 });

    await clickInList(bot, alertButtons((await slash(bot, 'alerts')).json, alert.definition.id).Edit!, { responseUrlId: 'edit2' });
    expect(await submitModal(bot, bot.slack.views().at(-1)!, { alert_threshold: '70', alert_frequency: 'daily' })).toBeUndefined();
    expect((await onlyAlert()).definition).toMatchObject({ condition: { value: 0.7 }, frequency: 'daily', paused: true });
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('changed an alert of this channel: now *Quality*: Understood rate below 70');
  });

  it('Delete: refused to someone else (even with a forged button), done for the owner behind a confirm dialog', async () => {
    const alert = await createAlert();
    const buttons = alertButtons((await slash(bot, 'alerts')).json, alert.definition.id);
    expect(buttons.Delete?.confirm).toMatchObject({ title: { text: 'Delete this alert?' } });
    await clickInList(bot, buttons.Delete!, { user: 'U0BOB', responseUrlId: 'bob' });
    expect(JSON.stringify(answersTo(bot.slack, 'bob'))).toContain(POLICY_MESSAGES.not_owner);
    expect(await onlyAlert()).toBeDefined();
    await clickInList(bot, buttons.Delete!, { responseUrlId: 'alice' });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items).toEqual([]);
    expect(textsIn(bot.slack, 'C0ACME').at(-1)).toContain('<@U0ALICE> deleted an alert of this channel');
    expect(JSON.stringify(answersTo(bot.slack, 'alice').at(-1)?.body)).toContain('No alerts in <#C0ACME> yet.');
    expect(bot.entries().find((l) => l.event === 'store.change' && l.action === 'alert.delete')).toMatchObject({ actor: 'U0ALICE' });
  });

  it('an admin may change anyone’s alert', async () => {
    const alert = await createAlert();
    await clickInList(bot, alertButtons((await slash(bot, 'alerts', { user: 'U0ADMIN' })).json, alert.definition.id).Pause!, {
      user: 'U0ADMIN',
    });
    expect((await onlyAlert()).definition).toMatchObject({ paused: true, updatedBy: 'U0ADMIN' });
  });
});

describe('recommended alerts', () => {
  it('an admin’s connect offers them; one click adds them, a second adds nothing more', async () => {
    const answer = (await slash(bot, 'connect nova', { user: 'U0ADMIN', channel: 'C0NEW' })).json;
    const [button] = viewButtons(answer ?? {}).filter((b) => b.text === 'Add recommended alerts');
    expect(button).toBeDefined();
    await clickInList(bot, button!, { user: 'U0ADMIN', channel: 'C0NEW', responseUrlId: 'rec1' });
    const alerts = (await bot.alerts.store.listByChannel('T0DEMO', 'C0NEW')).items;
    expect(alerts.map((a) => [a.definition.metric.kind, a.definition.condition])).toEqual(
      expect.arrayContaining([
        ['understood_rate', { kind: 'unusual', direction: 'below' }],
        ['total_cost', { kind: 'unusual', direction: 'above' }],
      ]),
    );
    expect(textsIn(bot.slack, 'C0NEW').at(-1)).toContain('added 2 recommended alerts');
    await clickInList(bot, button!, { user: 'U0ADMIN', channel: 'C0NEW', responseUrlId: 'rec2' });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0NEW')).items).toHaveLength(2);
    expect(JSON.stringify(answersTo(bot.slack, 'rec2'))).toContain('already has the recommended alerts');
  });

  it('a new subscription’s announcement offers them too', async () => {
    const open = await openSubscribe(bot, 'subscribe');
    expect(await submitModal(bot, open)).toBeUndefined();
    const posted = bot.slack.callsTo('chat.postMessage').at(-1)?.body as Record<string, unknown>;
    const [button] = viewButtons(posted).filter((b) => b.text === 'Add recommended alerts');
    expect(button).toBeDefined();
    await clickInList(bot, button!, { responseUrlId: 'rec3' });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items).toHaveLength(2);
  });
});

describe('App Home', () => {
  it('shows a person’s own alerts with the same buttons, and admins every alert by project', async () => {
    const alert = await createAlert();
    const mine = (await openHome(bot, 'U0ALICE'))?.view as Record<string, unknown>;
    expect(validateView(mine, 'home')).toEqual({ ok: true });
    expect(JSON.stringify(mine)).toContain('Your alerts');
    expect(JSON.stringify(mine)).not.toContain('Every alert, by project');
    const buttons = alertButtons(mine, alert.definition.id);
    expect(Object.keys(buttons)).toEqual(['Mute 24 h', 'Pause', 'Edit', 'Delete']);
    await clickOnHome(bot, buttons['Mute 24 h']!);
    expect((await onlyAlert()).definition.mutedUntil).toBeDefined();
    expect(JSON.stringify(bot.slack.home('U0ALICE')?.view)).toContain('Muted: *Quality*');

    const admin = (await openHome(bot, 'U0ADMIN'))?.view as Record<string, unknown>;
    expect(validateView(admin, 'home')).toEqual({ ok: true });
    expect(JSON.stringify(admin)).toContain('Every alert, by project');
    expect(Object.keys(alertButtons(admin, alert.definition.id))).toEqual(['Unmute', 'Pause', 'Edit', 'Delete']);
  });

  it('admins see alerts of a project no longer configured last, paused by the bot, with why', async () => {
    await createAlert();
    const gone = storedAlert({ project: 'retired-bot' }, 'al_retired', 'U0BOB');
    await bot.alerts.store.create({ ...gone.definition, paused: true, pausedReason: 'project_removed' }, gone.state, 'U0BOB');
    const admin = (await openHome(bot, 'U0ADMIN'))?.view as Record<string, unknown>;
    expect(validateView(admin, 'home')).toEqual({ ok: true });
    const text = allText(admin);
    expect(text.indexOf('*Acme Support Bot*')).toBeLessThan(text.indexOf('*Projects no longer configured* \u00b7 `retired-bot`'));
    expect(text).toContain('*Paused* by the bot: its project is no longer in the bot\u2019s configuration');
    expect(Object.keys(alertButtons(admin, 'al_retired'))).toEqual(['Mute 24 h', 'Resume', 'Edit', 'Delete']);
    expect(JSON.stringify((await openHome(bot, 'U0ALICE'))?.view)).not.toContain('retired-bot');
  });
});

describe('paging', () => {
  /** 40 of Alice's alerts in #acme, straight into the store (the modal is tested above). */
  async function fortyAlerts(): Promise<string[]> {
    const ids = Array.from({ length: 40 }, (_, i) => `al_page${String(i).padStart(2, '0')}`);
    for (const id of ids) {
      const { definition, state } = storedAlert({}, id);
      await bot.alerts.store.create(definition, state, 'U0ALICE');
    }
    return ids;
  }

  /** The alerts a message or view's rows name (through their Edit buttons), in order. */
  const named = (shown: Record<string, unknown> | undefined) =>
    viewButtons(shown ?? {}).flatMap((b) => (b.text === 'Edit' ? [(JSON.parse(b.value) as { id: string }).id] : []));
  const nextPage = (shown: Record<string, unknown> | undefined) => viewButtons(shown ?? {}).find((b) => b.text === 'Next page');

  it('/chatdash alerts with 40 alerts: Next page to the end, every alert seen once, each page valid', async () => {
    const ids = await fortyAlerts();
    let message = (await slash(bot, 'alerts')).json as Record<string, unknown> | undefined;
    expect(String(message?.text)).toBe('15 alerts in <#C0ACME>, more on the next page.');
    const seen: string[] = [];
    for (let page = 1; message; page++) {
      expect(validateMessage(message)).toEqual({ ok: true });
      expect((message.blocks as unknown[]).length).toBeLessThanOrEqual(50);
      seen.push(...named(message));
      const next = nextPage(message);
      if (!next) break;
      expect(next.action_id).toBe('alert-list:more');
      await clickInList(bot, next, { responseUrlId: `page${page}`, actionTs: `1790000001.00${page}` });
      message = answersTo(bot.slack, `page${page}`).at(-1)?.body as Record<string, unknown> | undefined;
      expect(message?.replace_original).toBe(true);
    }
    expect(seen).toEqual(ids);
  });

  it('hostile Next page values get the first page (or an old-button answer), never an error', async () => {
    await fortyAlerts();
    const hostile = [
      'Zm9yZ2Vk',
      'x'.repeat(5000),
      '{"at":"al_page10","of":"T0DEMO:C0ACME"}',
      Buffer.from('{"at":"al_page10","of":"T0DEMO:C0OTHER"}').toString('base64url'),
      Buffer.from('{"at":{"$gt":""},"of":"T0DEMO:C0ACME"}').toString('base64url'),
      '\u0000\u202e<!channel>',
    ];
    for (const [i, value] of hostile.entries()) {
      await clickInList(bot, { action_id: 'alert-list:more', value }, { responseUrlId: `hostile${i}`, actionTs: `1790000002.00${i}` });
      const answer = answersTo(bot.slack, `hostile${i}`).at(-1)?.body as Record<string, unknown>;
      expect(validateMessage(answer)).toEqual({ ok: true });
      expect(allText(answer)).toContain('*Alerts of <#C0ACME>*');
      expect(named(answer)[0]).toBe('al_page00');
    }
    for (const [i, value] of hostile.entries()) {
      await clickOnHome(
        bot,
        { action_id: 'home:more', value: JSON.stringify({ section: 'my-alerts', cursor: value }) },
        { actionTs: `1790000003.00${i}` },
      );
      const home = bot.slack.home('U0ALICE')?.view as Record<string, unknown>;
      expect(validateView(home, 'home')).toEqual({ ok: true });
      expect(named(home)[0]).toBe('al_page00');
    }
    expect(bot.entries().filter((l) => l.level === 'error')).toEqual([]);
  });

  it('App Home with more than a page: Your alerts and every alert page to the end, each view within 100 blocks', async () => {
    const ids = await fortyAlerts();
    for (const [user, section] of [
      ['U0ALICE', 'Your alerts'],
      ['U0ADMIN', 'Every alert, by project'],
    ] as const) {
      let view = (await openHome(bot, user))?.view as Record<string, unknown>;
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        expect(validateView(view, 'home')).toEqual({ ok: true });
        expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
        const buttons = viewButtons(view);
        // Only this section lists alerts for this person (Alice's own; the admin owns none): its rows' Edit buttons.
        seen.push(...named(view));
        const sectionId = user === 'U0ALICE' ? 'my-alerts' : 'all-alerts';
        const next = buttons.find((b) => b.text === 'Next page' && (JSON.parse(b.value) as { section: string }).section === sectionId);
        if (!next) break;
        expect(allText(view)).toContain(section);
        await clickOnHome(bot, next, { user, actionTs: `1790000004.${user.length}${page}` });
        view = bot.slack.home(user)?.view as Record<string, unknown>;
      }
      expect(seen, user).toEqual(ids);
    }
  });
});
