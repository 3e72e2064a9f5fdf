/**
 * Property-style: generated long, many-word and multibyte inputs fed to every text path a person controls, through
 * the real HTTP handler and the real worker: every `/chatdash` subcommand of the registry (and unknown ones), from
 * every kind of channel; @mentions in a digest thread; drill-down, overview and link button clicks; the subscription
 * UI's modal (typed fields, menu values, its private_metadata), its list and App Home buttons, and App Home openings.
 * Whatever is typed, every answer fits Slack's limits (checked with the Slack double's validators, messages and
 * views), is small, has no broken character or escape, and the ack never grows with the input. A listener added
 * without a case here fails the first test.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { SLACK_LIMITS } from '../../src/digest/limits.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { ALERT_ACTION, ALERT_FORM, ALERT_FORM_ACTION, ALERT_LIST_MORE_ACTION, ALERT_METRIC_ACTION } from '../../src/slack/alerts/ids.ts';
import { HOME_MORE_ACTION } from '../../src/slack/home/page.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { DRILLDOWN_ACTION } from '../../src/slack/listeners/actions/drilldown-button.ts';
import { LINK_ACTION } from '../../src/slack/listeners/actions/link-button.ts';
import { OVERVIEW_ACTION } from '../../src/slack/listeners/actions/overview-button.ts';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands/chatdash/registry.ts';
import { CHATDASH_COMMAND } from '../../src/slack/listeners/commands/chatdash.ts';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { bodyBytes, MAX_BODY_BYTES } from '../../src/slack/request-guard.ts';
import { FORM_ACTION, LIST_MORE_ACTION, SUBSCRIPTION_ACTION, SUBSCRIPTION_FORM } from '../../src/slack/subscriptions/ids.ts';
import { type SlashCommand, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { validateMessage, validateView } from '../../src/slack-double/validate.ts';
import { userActor } from '../../src/store/store.ts';
import { storedAlert } from '../support/alert-ui.ts';
import { type AwsResult, useBot } from '../support/bot.ts';
import { demoConfig } from '../support/config.ts';
import { postDigest } from '../support/digest-thread.ts';
import { hostileTexts } from '../support/hostile-text.ts';
import { listenerContext, recordingApp } from '../support/listeners.ts';
import { type Answers, formState } from '../support/modal.ts';
import {
  appHomeOpenedPayload,
  blockActionsPayload,
  homeActionPayload,
  mentionPayload,
  modalActionPayload,
  viewSubmissionPayload,
} from '../support/payloads.ts';
import { SECRETS } from '../support/secrets.ts';
import { hasBrokenEntity, hasLoneSurrogate } from '../support/slack-limits.ts';
import { openSubscribe } from '../support/subscribe-ui.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

/** An ack is a few KB at most, whatever was sent. */
const MAX_ACK_BYTES = 16 * 1024;

const bot = useBot();

/** A click on a button of an ephemeral list message (its answers go through the response_url). */
const clickInList = (actionId: string, value: string) =>
  bot.click(
    blockActionsPayload({
      button: { action_id: actionId, value },
      messageTs: '1790000000.000100',
      responseUrl: bot.slack.responseUrl(),
      ephemeral: true,
    }),
  );

/** Every string inside a decoded message (JSON.stringify would hide a lone surrogate behind an escape). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** A message Slack takes as it is: within its limits, and no cut character or escape anywhere. */
function expectFitting(message: Record<string, unknown>, what: string): void {
  expect(validateMessage(message), what).toEqual({ ok: true });
  for (const text of stringsOf(message)) {
    expect(hasLoneSurrogate(text), `${what}: broken character`).toBe(false);
    expect(hasBrokenEntity(text), `${what}: broken escape`).toBe(false);
  }
}

/** The ack Slack would show: within its limits, small, well-formed. Returns the parsed message. */
function expectFittingAck(ack: AwsResult, what: string): Record<string, unknown> {
  expect(ack.statusCode, what).toBe(200);
  expect(ack.body.length, what).toBeLessThanOrEqual(MAX_ACK_BYTES);
  const message = JSON.parse(ack.body) as Record<string, unknown>;
  expectFitting(message, what);
  expect(String(message.text).length, what).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  return message;
}

/** A view Slack takes as it is (a modal, or a Home tab), with no cut character or escape anywhere. */
function expectFittingView(view: unknown, kind: 'modal' | 'home', what: string): void {
  expect(validateView(view, kind), what).toEqual({ ok: true });
  for (const text of stringsOf(view)) {
    expect(hasLoneSurrogate(text), `${what}: broken character`).toBe(false);
    expect(hasBrokenEntity(text), `${what}: broken escape`).toBe(false);
  }
}

/** Every message and view the Slack double received since the last reset was accepted, and is well-formed. */
function expectSlackAcceptedAll(what: string): void {
  for (const call of bot.slack.calls) {
    if (call.method === 'conversations.replies' || call.method === 'users.info') continue;
    expect(call.ok, `${what}: ${call.method} refused (${call.error ?? ''})`).toBe(true);
    if (call.method.startsWith('views.'))
      expectFittingView(call.body.view, call.method === 'views.publish' ? 'home' : 'modal', `${what}: ${call.method}`);
    else expectFitting(call.body, `${what}: ${call.method}`);
  }
}

/** Runs whatever the handler queued through the real worker. */
async function runQueuedJobs(): Promise<void> {
  const { event, jobs } = bot.drain();
  if (jobs.length === 0) return;
  const worker = await bot.worker();
  const result = await worker(event);
  const problems = bot.entries().filter((l) => l.level === 'error' || l.level === 'warn');
  expect(result.batchItemFailures, JSON.stringify(problems)).toEqual([]);
}

async function command(text: string, extra: Partial<SlashCommand> = {}): Promise<{ ack: AwsResult; bytes: number }> {
  const event = slashCommandEvent({ text, response_url: bot.slack.responseUrl(), ...extra });
  return { ack: (await bot.http(event)) as AwsResult, bytes: bodyBytes(event) };
}

/** A view_submission's ack: empty (saved), inline errors under shown blocks, or a view Slack takes. */
function expectFittingViewAck(ack: AwsResult, shown: readonly string[], what: string): void {
  expect(ack.statusCode, what).toBe(200);
  expect(ack.body.length, what).toBeLessThanOrEqual(MAX_ACK_BYTES);
  if (ack.body === '') return;
  const answer = JSON.parse(ack.body) as { response_action: string; errors?: Record<string, string>; view?: unknown };
  if (answer.response_action === 'errors') {
    for (const [block, message] of Object.entries(answer.errors ?? {})) {
      expect(shown, `${what}: error under ${block}`).toContain(block);
      expect(message.length, what).toBeLessThanOrEqual(300);
      expect(message, what).not.toMatch(/[<>]/);
    }
  } else {
    expect(answer.response_action, what).toBe('update');
    expectFittingView(answer.view, 'modal', what);
  }
}

describe('every listener has its hostile cases here', () => {
  /** The listeners the cases below feed. A new one (a modal's submission, App Home…) needs its cases, then its line here. */
  const fed = new Set<unknown>([
    CHATDASH_COMMAND,
    DRILLDOWN_ACTION,
    LINK_ACTION,
    OVERVIEW_ACTION,
    'app_mention',
    SUBSCRIPTION_ACTION,
    LIST_MORE_ACTION,
    HOME_MORE_ACTION,
    FORM_ACTION,
    SUBSCRIPTION_FORM,
    ALERT_ACTION,
    ALERT_LIST_MORE_ACTION,
    ALERT_FORM_ACTION,
    ALERT_FORM,
    'app_home_opened',
  ]);

  it('no registered listener is left without generated input', () => {
    const { app, registered } = recordingApp();
    registerListeners(app, listenerContext());
    expect(registered.filter((r) => !fed.has(r.constraint)).map((r) => `${r.kind} ${String(r.constraint)}`)).toEqual([]);
    expect(registered).toHaveLength(fed.size);
  });
});

describe('/chatdash with generated text: every subcommand of the registry, from every kind of channel', () => {
  const texts = hostileTexts('command', 15);
  /** Where the command is typed; each text goes to the next place in turn. */
  const places: Array<[string, Partial<SlashCommand>]> = [
    ['a channel with one project', {}],
    ['a channel with several projects', { channel_id: 'C0AGENCY', channel_name: 'agency' }],
    ['an unbound channel', { channel_id: 'C0NOWHERE', channel_name: 'nowhere' }],
    ['a DM by a non-admin', { channel_id: 'D0ALICE', channel_name: 'directmessage' }],
    ['an admin\u2019s DM', { channel_id: 'D0ADMIN', channel_name: 'directmessage', user_id: 'U0ADMIN' }],
  ];
  const invocations: Array<[string, string]> = [
    ['an unknown subcommand', ''],
    ...SUBCOMMANDS.flatMap((s) => [s.name, ...(s.aliases ?? [])].map((word): [string, string] => [word, `${word} `])),
  ];

  it.each(invocations)('%s: every answer fits Slack, and the ack stays small', { timeout: 120_000 }, async (_name, prefix) => {
    for (const [i, { name, text }] of texts.entries()) {
      bot.reset();
      const [place, extra] = places[i % places.length]!;
      const what = `${name} in ${place}`;
      const { ack, bytes } = await command(prefix + text, extra);
      if (bytes > MAX_BODY_BYTES) {
        expect(ack.statusCode, what).toBe(413);
        continue;
      }
      expectFittingAck(ack, what);
      await runQueuedJobs();
      expectSlackAcceptedAll(what);
    }
  });
});

describe('the cases reported in issue 12', () => {
  it('1 MB of short unknown words: a small help whose section lists five and "… and N more"', async () => {
    const words = Array.from({ length: 340_000 }, (_, i) => `w${i % 10}`);
    const { ack, bytes } = await command(`stats ${words.join(' ')}`);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const message = expectFittingAck(ack, '1 MB of words');
    const lead = (message.blocks as Array<{ text?: { text: string } }>)[0]!.text!.text;
    expect(lead).toBe(
      `I didn\u2019t understand \u201cw0\u201d, \u201cw1\u201d, \u201cw2\u201d, \u201cw3\u201d, \u201cw4\u201d \u2026 and 339,995 more.`,
    );
    expect(bot.queue.size).toBe(0);
  });

  it('a section is never over 3,000 characters, however many long unknown words are typed', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `${'z'.repeat(50)}${i}`);
    const message = expectFittingAck((await command(`stats acme ${words.join(' ')}`)).ack, 'many long words');
    for (const block of message.blocks as Array<{ text?: { text: string } }>) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
    expect(JSON.stringify(message)).toContain('\u2026 and 195 more');
  });

  it('a body over the limit is refused with 413 before anything reads it', async () => {
    const { ack, bytes } = await command(`stats ${'x'.repeat(MAX_BODY_BYTES)}`);
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(ack.statusCode).toBe(413);
  });
});

describe('range text the worker reads back', () => {
  it.each([
    ['sixteen ranges', `stats acme ${'7d '.repeat(16)}`],
    ['a huge number of days', `stats acme ${'9'.repeat(64)}d`],
    ['a date range made of many dates', `stats acme ${'2026-11-01 .. '.repeat(5)}2026-11-15`],
    ['since and too many words', `stats acme since ${'2026-11-01 '.repeat(20)}`],
  ])('%s: the ack and the worker\u2019s answer fit Slack', async (name, text) => {
    const { ack } = await command(text);
    expectFittingAck(ack, name);
    await runQueuedJobs();
    expectSlackAcceptedAll(name);
  });
});

describe('a configuration with hundreds of projects', () => {
  const many: Config = {
    ...demoConfig,
    projects: Array.from({ length: 400 }, (_, i) => ({
      key: `project-${i}`,
      id: `proj_${i}`,
      name: `Project number ${i} <with> & a rather long display name that goes on`,
    })),
    channels: [{ channel: 'C0MANY', projects: Array.from({ length: 400 }, (_, i) => `project-${i}`) }],
    subscriptions: [],
  };

  it.each([
    ['projects', 'projects', 'C0MANY'],
    ['which project?', 'stats 30d', 'C0MANY'],
    ['projects in an admin DM', 'projects', 'D0ADMIN'],
  ])('%s: listed up to Slack\u2019s limits, then "… and N more"', async (_what, text, channel) => {
    const http = createHttpHandler({ config: many, queue: createLocalQueue(), secrets: async () => SECRETS, log: () => {} });
    const ack = (await http(
      slashCommandEvent({ text, channel_id: channel, user_id: 'U0ADMIN', response_url: bot.slack.responseUrl() }),
    )) as AwsResult;
    const message = expectFittingAck(ack, text);
    expect(JSON.stringify(message)).toMatch(/\u2026 and \d+ more/);
  });
});

describe('@mentions and buttons with generated text', () => {
  it('mentions in a digest thread: every reply fits Slack', { timeout: 120_000 }, async () => {
    const digest = await postDigest(bot);
    for (const [n, { name, text }] of hostileTexts('mention', 12).entries()) {
      // Forget the calls, not the digest the mentions hang off.
      bot.slack.calls.length = 0;
      bot.lines.length = 0;
      const { response } = await bot.event(
        mentionPayload({
          eventId: `Ev0HOSTILE${n}`,
          text: `<@U0BOT> ${text}`,
          ts: `1732551000.${String(n + 1).padStart(6, '0')}`,
          threadTs: digest.ts,
        }),
      );
      expect([200, 413], name).toContain(response.statusCode);
      await runQueuedJobs();
      expectSlackAcceptedAll(name);
    }
  });

  /**
   * Clicks a button with each generated text as its value (and maybe in its action id), runs what was queued through
   * the worker, and checks that the one answer to the clicker, and anything else sent, fits Slack.
   */
  async function clicksFit(seed: string, click: (text: string, n: number) => { actionId: string; channel?: string; ephemeral?: boolean }) {
    for (const [n, { name, text }] of hostileTexts(seed, 12).entries()) {
      bot.reset();
      const { actionId, ...where } = click(text, n);
      const payload = blockActionsPayload({
        button: { action_id: actionId, value: text.slice(0, 2000) },
        messageTs: '1732550000.000100',
        responseUrl: bot.slack.responseUrl(),
        ...where,
      });
      const { response } = await bot.click(payload);
      expect(response.statusCode, name).toBe(200);
      await runQueuedJobs();
      expectSlackAcceptedAll(name);
      expect(bot.slack.callsTo('response_url'), name).toHaveLength(1);
    }
  }

  it('drill-down clicks with generated values and action ids: every answer fits Slack', { timeout: 120_000 }, async () => {
    // Half the clicks name a real view (their value reaches the worker), half a made-up one.
    await clicksFit('button', (text, n) => ({ actionId: n % 2 === 0 ? 'drilldown:costs' : `drilldown:${text.slice(0, 200)}` }));
  });

  it('overview button clicks with generated values and action ids: every answer fits Slack', { timeout: 120_000 }, async () => {
    // "Full stats" and "List them" buttons, in the agency channel, on shared and ephemeral overviews.
    await clicksFit('overview-button', (text, n) => ({
      actionId: n % 2 === 0 ? `overview:project:${text.slice(0, 100)}` : 'overview:list:more',
      channel: 'C0AGENCY',
      ephemeral: n % 3 === 0,
    }));
  });

  it('link button clicks with generated action ids and urls: acked, and nothing else happens', { timeout: 120_000 }, async () => {
    for (const { name, text } of hostileTexts('link', 12)) {
      bot.reset();
      const payload = blockActionsPayload({
        button: { action_id: `link:${text.slice(0, 200)}`, value: text.slice(0, 2000) },
        messageTs: '1732550000.000100',
        responseUrl: bot.slack.responseUrl(),
      });
      const { response } = await bot.click(payload);
      expect(response.statusCode, name).toBe(200);
      expect(response.body.length, name).toBeLessThanOrEqual(MAX_ACK_BYTES);
      expect(bot.queue.size, name).toBe(0);
      expect(bot.slack.calls, name).toEqual([]);
    }
  });
});

describe('the subscription UI with generated text', () => {
  it('modal submissions with generated fields, menu values and private_metadata: every answer fits Slack', {
    timeout: 120_000,
  }, async () => {
    for (const [n, { name, text }] of hostileTexts('modal', 12).entries()) {
      bot.reset();
      const open = await openSubscribe(bot, 'subscribe', { channel: n % 2 === 0 ? 'C0ACME' : 'C0AGENCY' });
      const shown = (open.view.blocks as Array<{ block_id?: string }>).flatMap((b) => (b.block_id ? [b.block_id] : []));
      const cut = text.slice(0, 3000);
      const choices: Answers[] = [
        { time_zone: cut, period: cut.slice(0, 150) },
        { project: cut.slice(0, 150), locale: cut.slice(0, 150), sections: [cut.slice(0, 150), 'costs'] },
        { time: cut.slice(0, 20), time_zone: '' },
      ];
      const answers = choices[n % 3]!;
      const values = formState(open, answers);
      const submitted = await bot.click(viewSubmissionPayload({ view: open, values }));
      expectFittingViewAck(submitted.response, shown, name);
      // The same with its private_metadata replaced by the text.
      const forged = { ...open, view: { ...open.view, private_metadata: cut } };
      expectFittingViewAck((await bot.click(viewSubmissionPayload({ view: forged, values }))).response, shown, `${name} (metadata)`);
      expectSlackAcceptedAll(name);
    }
  });

  it('menu changes inside the modal with generated state: the modal Slack gets back fits', { timeout: 120_000 }, async () => {
    for (const { name, text } of hostileTexts('modal-menu', 12)) {
      bot.reset();
      const open = await openSubscribe(bot, 'subscribe', { channel: 'C0AGENCY' });
      const values = formState(open, { project: '*several', projects: [text.slice(0, 150), 'acme'], cron: text.slice(0, 3000) });
      const payload = modalActionPayload({
        view: open,
        values,
        action: { block_id: 'frequency', action_id: 'form:frequency', selected: 'advanced' },
      });
      expect((await bot.click(payload)).response.statusCode, name).toBe(200);
      expectSlackAcceptedAll(name);
    }
  });

  it('list and App Home buttons with generated values and action ids: every answer fits Slack', { timeout: 120_000 }, async () => {
    for (const [n, { name, text }] of hostileTexts('subscription-button', 12).entries()) {
      bot.reset();
      await bot.store.createSubscription(subscriptionSettings(), userActor('U0ALICE'));
      const value = text.slice(0, 2000);
      const ops = ['send_now', 'pause', 'edit', 'delete', text.slice(0, 100)];
      const actionId = n % 4 === 3 ? LIST_MORE_ACTION : `subscription:${ops[n % ops.length]}`;
      if (n % 2 === 0) {
        await clickInList(actionId, value);
      } else {
        const homeAction = n % 3 === 0 ? HOME_MORE_ACTION : `subscription:${ops[n % ops.length]}`;
        await bot.click(homeActionPayload({ button: { action_id: homeAction, value } }));
      }
      await runQueuedJobs();
      // The clicker always hears back (beside the list, or on their republished Home).
      expect(bot.slack.calls.filter((c) => c.method === 'response_url' || c.method === 'views.publish').length, name).toBeGreaterThan(0);
      expectSlackAcceptedAll(name);
    }
  });

  it('App Home openings by generated users: every Home published fits Slack', { timeout: 120_000 }, async () => {
    for (const { name, text } of hostileTexts('home', 6)) {
      bot.reset();
      const { response } = await bot.event(appHomeOpenedPayload({ user: text.slice(0, 200) }));
      expect(response.statusCode, name).toBe(200);
      expect(bot.slack.callsTo('views.publish'), name).toHaveLength(1);
      expectSlackAcceptedAll(name);
    }
  });
});

describe('the alerts UI with generated text', () => {
  it('modal submissions with generated names, messages, values and private_metadata: every answer, list and Home fits Slack', {
    timeout: 120_000,
  }, async () => {
    for (const [n, { name, text }] of hostileTexts('alert-modal', 12).entries()) {
      bot.reset();
      const open = await openSubscribe(bot, 'alert', { channel: n % 2 === 0 ? 'C0ACME' : 'C0AGENCY' });
      const shown = (open.view.blocks as Array<{ block_id?: string }>).flatMap((b) => (b.block_id ? [b.block_id] : []));
      const cut = text.slice(0, 3000);
      const choices: Answers[] = [
        { alert_name: cut.slice(0, 80), alert_metric: 'topic', alert_detail: cut.slice(0, 500) },
        { alert_threshold: cut.slice(0, 30), alert_condition: 'above', alert_time_zone: cut.slice(0, 64) },
        { alert_project: cut.slice(0, 150), alert_metric: cut.slice(0, 150), alert_quiet_start: cut.slice(0, 20) },
        { alert_name: cut.slice(0, 80), alert_metric: 'tokens', alert_detail: cut.slice(0, 200) },
      ];
      const values = formState(open, choices[n % choices.length]!);
      const submitted = await bot.click(viewSubmissionPayload({ view: open, values }));
      expectFittingViewAck(submitted.response, shown, name);
      const forged = { ...open, view: { ...open.view, private_metadata: cut } };
      expectFittingViewAck((await bot.click(viewSubmissionPayload({ view: forged, values }))).response, shown, `${name} (metadata)`);
      // Whatever was saved lists and shows on the Home within Slack's limits, escaped.
      const list = await command('alerts', n % 2 === 0 ? {} : { channel_id: 'C0AGENCY', channel_name: 'agency' });
      expectFittingAck(list.ack, `${name} (list)`);
      await bot.event(appHomeOpenedPayload({ user: 'U0ALICE' }));
      expectSlackAcceptedAll(name);
    }
  });

  it('the metric menu inside the modal with generated state and metadata: the modal Slack gets back fits', {
    timeout: 120_000,
  }, async () => {
    const metrics = ['topic', 'tokens', 'misunderstood_message', 'understood_rate'];
    for (const [n, { name, text }] of hostileTexts('alert-menu', 12).entries()) {
      bot.reset();
      const opened = await openSubscribe(bot, 'alert', { channel: n % 2 === 0 ? 'C0ACME' : 'C0AGENCY' });
      const cut = text.slice(0, 3000);
      const metric = n % 5 === 4 ? cut.slice(0, 150) : metrics[n % metrics.length]!;
      const values = formState(opened, {
        alert_name: cut.slice(0, 80),
        alert_metric: metric,
        alert_threshold: cut.slice(0, 30),
        alert_min_volume: cut.slice(0, 13),
        alert_time_zone: cut.slice(0, 64),
      });
      // Fields the opened view doesn't have, as a forged state could carry them.
      values.alert_detail = { value: { type: 'plain_text_input', value: cut.slice(0, 500) } };
      values.alert_model = { value: { type: 'plain_text_input', value: cut.slice(0, 500) } };
      const view = n % 3 === 2 ? { ...opened, view: { ...opened.view, private_metadata: cut } } : opened;
      const payload = modalActionPayload({
        view,
        values,
        action: { block_id: 'alert_metric', action_id: ALERT_METRIC_ACTION, selected: metric },
      });
      expect((await bot.click(payload)).response.statusCode, name).toBe(200);
      expect(bot.slack.callsTo('views.update'), name).toHaveLength(1);
      expectSlackAcceptedAll(name);
    }
  });

  it('list and App Home buttons with generated values and action ids: every answer fits Slack', { timeout: 120_000 }, async () => {
    for (const [n, { name, text }] of hostileTexts('alert-button', 12).entries()) {
      bot.reset();
      const value = text.slice(0, 2000);
      const ops = ['mute', 'pause', 'edit', 'delete', 'recommend', text.slice(0, 100)];
      const actionId = `alert:${ops[n % ops.length]}`;
      if (n % 2 === 0) {
        await clickInList(actionId, value);
      } else {
        await bot.click(homeActionPayload({ button: { action_id: actionId, value } }));
      }
      expect(bot.slack.calls.filter((c) => c.method === 'response_url' || c.method === 'views.publish').length, name).toBeGreaterThan(0);
      expectSlackAcceptedAll(name);
    }
  });

  it('Next page of an alert list and of the App Home’s alert sections with generated values: answered, fitting Slack, no error', {
    timeout: 120_000,
  }, async () => {
    for (const [n, { name, text }] of hostileTexts('alert-pages', 12).entries()) {
      bot.reset();
      for (let i = 0; i < 20; i++) {
        const { definition, state } = storedAlert({}, `al_hostile${i}`);
        await bot.alerts.store.create(definition, state, 'U0ALICE');
      }
      const value = text.slice(0, 2000);
      if (n % 2 === 0) {
        await clickInList(ALERT_LIST_MORE_ACTION, value);
        expect(bot.slack.callsTo('response_url'), name).toHaveLength(1);
      } else {
        const section = n % 4 === 1 ? 'my-alerts' : 'all-alerts';
        const page = n % 3 === 0 ? value : JSON.stringify({ section, cursor: value.slice(0, 1500) || 'x' });
        await bot.click(
          homeActionPayload({ button: { action_id: HOME_MORE_ACTION, value: page }, user: n % 4 === 1 ? 'U0ALICE' : 'U0ADMIN' }),
        );
        expect(bot.slack.callsTo('views.publish'), name).toHaveLength(1);
      }
      expectSlackAcceptedAll(name);
      expect(
        bot.entries().filter((l) => l.level === 'error'),
        name,
      ).toEqual([]);
    }
  });
});
