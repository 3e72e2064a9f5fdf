/**
 * `npm run dev` end to end, offline: the dev runner reads two tokens from a temporary `.env`, checks them with the
 * Slack Web API double, connects to the Socket Mode double, and answers `/chatdash stats` the way a real workspace
 * would see it: the "working on it" ack over the socket, then the answer from the real worker (sandbox data) at
 * the response_url. Then a drill-down click, a flood of words (bounded as over HTTP), a reconnect after Slack's `disconnect`, the scheduled digest and an
 * @mention in its thread, the subscribe modal (opened, refused inline with `response_action: errors` in the ack's
 * payload, then saved into the dev state store) and the App Home, and the first-run hint for a workspace the
 * configuration doesn't list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAlert } from '../../src/alerts/lifecycle.ts';
import type { DevBot } from '../../src/dev/runner.ts';
import { startDevBot } from '../../src/dev/runner.ts';
import { ALERT_CONDITION_ACTION } from '../../src/slack/alerts/ids.ts';
import { eventsApiEnvelope, interactiveEnvelope, slashCommandEnvelope } from '../../src/socket-mode-double/envelopes.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';
import { formState } from '../support/modal.ts';
import { modalActionPayload, viewSubmissionPayload } from '../support/payloads.ts';
import { useSlackDouble } from '../support/slack-double.ts';
import { answersTo, buttonsOf } from '../support/slack-messages.ts';
import { useSocketModeDouble } from '../support/socket-mode-double.ts';

const APP_TOKEN = 'xapp-1-A0CHATDASH-42-dev-test-app-token';
const BOT_TOKEN = 'xoxb-4242-dev-test-bot-token';
/** The bot's own workspace: not in the demo configuration, so `--open` (the demo default) lets it in. */
const TEAM = 'T0NEWTEAM';

// The Slack double is reset before each test (its calls cleared): each step waits for its own calls.
const slack = useSlackDouble({ token: BOT_TOKEN, teamId: TEAM, users: { U0ALICE: { tz: 'Europe/Paris' } } });
const socket = useSocketModeDouble({ appToken: APP_TOKEN });
const dir = mkdtempSync(join(tmpdir(), 'chatdash-dev-'));
const printed: string[] = [];
const logged = recordingLog();
let bot: DevBot;
/** What Slack saw while the bot started (before the first reset). */
let startup: { authTests: number };
/** The Topics button of the first /chatdash stats answer, clicked by the next step. */
let topicsButton: { action_id: string; value: string } | undefined;

beforeAll(async () => {
  writeFileSync(join(dir, '.env'), `# tokens for npm run dev\nSLACK_APP_TOKEN=${APP_TOKEN}\nSLACK_BOT_TOKEN="${BOT_TOKEN}"\n`);
  bot = await startDevBot({
    // The tokens come from the file; the environment only points the clients at the doubles.
    env: { SLACK_API_URL: slack.apiUrl, SLACK_SOCKET_API_URL: socket.apiUrl },
    envFile: join(dir, '.env'),
    clientPingTimeoutMs: 2000,
    schedule: false,
    print: (text) => printed.push(text),
    log: logged.log,
  });
  startup = { authTests: slack.callsTo('auth.test').length };
});

afterAll(async () => {
  await bot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function stats(text: string, id: string, extra: { team_id?: string; channel_id?: string } = {}) {
  const envelope = slashCommandEnvelope({ text, response_url: slack.responseUrl(id), trigger_id: `trigger.${id}`, ...extra });
  const ack = await socket.deliver(envelope);
  return { envelope, ack };
}

describe('npm run dev against the Socket Mode double', () => {
  it('checks both tokens, connects, and runs on the sandbox with the demo configuration, open to its workspace', () => {
    expect(bot.identity.teamId).toBe(TEAM);
    expect(bot.usingSandbox).toBe(true);
    expect(bot.open).toBe(true);
    expect(socket.hellos).toBe(1);
    // The preflight check, then the socket client's own call.
    expect(socket.opens).toEqual([{ ok: true }, { ok: true }]);
    expect(startup.authTests).toBe(1);
    expect(printed).toContain('\u25cf Connected to Slack (Socket Mode).');
  });

  it('acks /chatdash stats with "working on it", then the worker answers at the response_url with sandbox data', async () => {
    const { ack } = await stats('stats acme 30d', 'dev-stats-1', { team_id: TEAM, channel_id: 'C0NEWCHAN' });
    expect(ack.type).toBe('slash_commands');
    expect(ack.payload).toEqual({
      response_type: 'ephemeral',
      text: expect.stringMatching(/^:hourglass_flowing_sand: Getting the numbers for \*Acme Support Bot\* \(30d\)/),
    });

    await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.body.__responseUrlId === 'dev-stats-1'), 15_000);
    const [answer] = answersTo(slack, 'dev-stats-1');
    expect(answer!.ok).toBe(true);
    expect(answer!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(answer!.body.blocks)).toContain('Acme Support Bot');
    topicsButton = buttonsOf(answer!.body).find((b) => b.action_id === 'drilldown:topics');
    expect(topicsButton).toBeDefined();
    // No auth.test on the ack path: the token was checked once, at start-up.
    expect(slack.callsTo('auth.test')).toEqual([]);
    // --open let the channel in, and said how to keep it.
    const keys = demoConfig.projects.map((p) => p.key).join(', ');
    expect(printed.join('\n')).toContain(`--open: allowed workspace T0NEWTEAM and channel C0NEWCHAN with every project (${keys})`);
    expect(printed.join('\n')).toContain('    workspaces: [T0DEMO, T0NEWTEAM]');
  });

  it('a drill-down click on that answer is acked at once and answered by the worker', async () => {
    const button = topicsButton!;
    const click = interactiveEnvelope({
      type: 'block_actions',
      team: { id: TEAM, domain: 'newteam' },
      user: { id: 'U0ALICE', team_id: TEAM },
      api_app_id: 'A0CHATDASH',
      channel: { id: 'C0NEWCHAN', name: 'newchan' },
      container: { type: 'message', message_ts: '1732550000.000100', channel_id: 'C0NEWCHAN', is_ephemeral: true },
      message: { ts: '1732550000.000100' },
      response_url: slack.responseUrl('dev-click-1'),
      trigger_id: 'trigger.click.1',
      actions: [
        { type: 'button', action_id: 'drilldown:topics', block_id: 'actions', value: button.value, action_ts: '1732550001.000200' },
      ],
    });
    const ack = await socket.deliver(click);
    expect(ack.payload).toEqual({});
    await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.body.__responseUrlId === 'dev-click-1'), 15_000);
    const [reply] = answersTo(slack, 'dev-click-1');
    expect(reply!.ok).toBe(true);
    expect(JSON.stringify(reply!.body)).toMatch(/Topics/);
  });

  it('no HTTP handler here, but the same listeners: 100,000 words are read like over HTTP (16, the rest counted)', async () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i % 10}`);
    const { ack } = await stats(`stats acme ${words.join(' ')}`, 'dev-flood', { team_id: TEAM, channel_id: 'C0NEWCHAN' });
    const payload = ack.payload as { text?: string; blocks?: Array<{ text?: { text: string } }> };
    expect(payload.blocks?.[0]?.text?.text).toBe(
      'I didn\u2019t understand \u201cw0\u201d, \u201cw1\u201d, \u201cw2\u201d, \u201cw3\u201d, \u201cw4\u201d \u2026 and 99,995 more.',
    );
    expect(JSON.stringify(payload).length).toBeLessThan(16 * 1024);
    expect(logged.events('queue.send_failed')).toEqual([]);
  });

  it('reconnects when Slack sends disconnect (refresh_requested) and keeps answering', async () => {
    const hellos = socket.hellos;
    socket.disconnect('refresh_requested');
    await socket.waitForHellos(hellos + 1, 15_000);
    expect(printed.some((p) => p.includes('reconnecting'))).toBe(true);
    const { ack } = await stats('stats bella 7d', 'dev-stats-2', { team_id: TEAM, channel_id: 'C0NEWCHAN' });
    expect(String(ack.payload?.text)).toContain('Bella Pizza Phone Line');
    await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.body.__responseUrlId === 'dev-stats-2'), 15_000);

    // A dropped connection (no disconnect frame) too.
    socket.drop();
    const again = await stats('help', 'dev-help', { team_id: TEAM, channel_id: 'C0NEWCHAN' });
    expect(String(again.ack.payload?.text ?? JSON.stringify(again.ack.payload))).toMatch(/stats/);
    expect(socket.hellos).toBeGreaterThanOrEqual(hellos + 2);
  });

  it('the schedule tick posts a due digest, and an @mention in its thread gets its drill-down there', async () => {
    // Monday 2026-11-23 09:00 in Paris: acme-weekly is due.
    const { due } = await bot.tick(new Date('2026-11-23T08:00:20Z'));
    expect(due).toBe(1);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ACME'), 15_000);
    const digest = slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0ACME')!;
    expect(digest.ok).toBe(true);
    expect(String(digest.body.text)).toContain('Acme Support Bot');
    // The worker logs the ts Slack gave the digest (the thread the mention is in) once the job is done.
    await bot.queue.idle();
    const [posted] = logged.events('digest.posted');
    const ts = String(posted!.ts);
    expect(ts).toMatch(/^\d+\.\d{6}$/);
    const mention = eventsApiEnvelope(
      {
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@U0CHATDASH> costs',
        ts: '1795424500.000300',
        thread_ts: ts,
        channel: 'C0ACME',
        team: TEAM,
      },
      { teamId: TEAM },
    );
    const ack = await socket.deliver(mention);
    expect(ack.type).toBe('events_api');
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts), 15_000);
    const reply = slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === ts)!;
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(reply.body)).toMatch(/[Cc]ost/);
  });

  it('the schedule tick checks alerts too, on the dev stores: an alert made as the Slack UI makes it is checked once', async () => {
    const now = new Date();
    const made = newAlert(
      {
        teamId: TEAM,
        channelId: 'C0SHOP',
        project: 'shop',
        frequency: 'hourly',
        timeZone: 'Europe/Paris',
        metric: { kind: 'conversations' },
        condition: { kind: 'threshold', direction: 'above', value: 1e9 },
      },
      { actor: 'U0ALICE', now, id: 'al_dev' },
    );
    if (!made.ok) throw new Error('invalid alert');
    await bot.alerts.store.create(made.value.definition, made.value.state, 'U0ALICE');
    const ticked = await bot.tick(now);
    expect(ticked).toMatchObject({ alertChecks: { alerts: 1, jobs: 1, failed: 0 } });
    await bot.queue.idle();
    expect(logged.events('alert.state')).toEqual([expect.objectContaining({ alertId: 'al_dev', outcome: 'ok' })]);
    expect((await bot.alerts.store.get('al_dev'))?.state.lastWindowEnd).toBeDefined();
    // Checked: not due again this hour.
    expect((await bot.tick(new Date(now.getTime() + 60_000))).alertChecks).toMatchObject({ alerts: 0 });
  });

  it('a channel connected from Slack is seen by the listeners and the worker through the one state store; --open leaves it alone', async () => {
    await bot.state.bindChannel('C0RUNTIME', 'bella', { type: 'user', userId: 'U0ADMIN' });
    const { ack } = await stats('stats 7d', 'dev-runtime', { team_id: TEAM, channel_id: 'C0RUNTIME' });
    expect(String(ack.payload?.text)).toContain('Bella Pizza Phone Line');
    await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.body.__responseUrlId === 'dev-runtime'), 15_000);
    expect(JSON.stringify(answersTo(slack, 'dev-runtime')[0]?.body)).toContain('Bella Pizza Phone Line');
    // Not opened to every project: it already had one.
    expect(bot.config.channels.some((c) => c.channel === 'C0RUNTIME')).toBe(false);
    expect(printed.join('\n')).not.toContain('C0RUNTIME');
  });

  it('/chatdash subscribe opens the modal; its submission is acked with inline errors, then saved, over the socket', async () => {
    const { ack } = await stats('subscribe acme', 'dev-subscribe', { team_id: TEAM, channel_id: 'C0DEVSUBS' });
    // An empty ack: the modal is the answer.
    expect(ack.payload).toEqual({});
    await slack.waitFor((calls) => calls.some((c) => c.method === 'views.open'), 15_000);
    const open = slack.views().at(-1)!;
    const submit = (answers: Record<string, string>) =>
      socket.deliver(interactiveEnvelope(viewSubmissionPayload({ view: open, values: formState(open, answers), team: TEAM })));
    const refused = await submit({ time_zone: 'Nowhere/Land' });
    expect(refused.payload).toEqual({ response_action: 'errors', errors: { time_zone: expect.stringContaining('IANA time zone') } });
    const saved = await submit({ time: '07:45' });
    expect(saved.payload).toEqual({});
    // Saved in the dev state store the listeners, the worker and the schedule share; the channel is told.
    const { items } = await bot.state.listByChannel('C0DEVSUBS');
    expect(items).toEqual([expect.objectContaining({ project: 'acme', schedule: '45 7 * * MON', owner: 'U0ALICE' })]);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0DEVSUBS'), 15_000);

    const home = eventsApiEnvelope(
      { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0DEVHOME', tab: 'home', event_ts: '1790000000.000100' },
      { teamId: TEAM },
    );
    await socket.deliver(home);
    await slack.waitFor((calls) => calls.some((c) => c.method === 'views.publish'), 15_000);
    expect(JSON.stringify(slack.home('U0ALICE')?.view)).toContain('Acme Support Bot');
  });

  it('/chatdash alert opens the alert modal over the socket; its submission is saved in the dev alert store and announced', async () => {
    const { ack } = await stats('alert acme', 'dev-alert', { team_id: TEAM, channel_id: 'C0DEVSUBS' });
    expect(ack.payload).toEqual({});
    await slack.waitFor((calls) => calls.some((c) => c.method === 'views.open' && JSON.stringify(c.body).includes('New alert')), 15_000);
    const opened = slack.views().at(-1)!;
    // "Below a value" picked in the condition menu (the modal opens on "unusually low"): its value field comes with views.update.
    await socket.deliver(
      interactiveEnvelope(
        modalActionPayload({
          view: opened,
          values: formState(opened, { alert_condition: 'below' }),
          action: { block_id: 'alert_condition', action_id: ALERT_CONDITION_ACTION, selected: 'below' },
          team: TEAM,
        }),
      ),
    );
    await slack.waitFor((calls) => calls.some((c) => c.method === 'views.update' && c.body.view_id === opened.id), 15_000);
    const open = slack.views().find((v) => v.id === opened.id)!;
    const saved = await socket.deliver(
      interactiveEnvelope(viewSubmissionPayload({ view: open, values: formState(open, { alert_threshold: '75' }), team: TEAM })),
    );
    expect(saved.payload).toEqual({});
    const alerts = (await bot.alerts.store.listByChannel(TEAM, 'C0DEVSUBS')).items;
    expect(alerts.map((a) => a.definition)).toEqual([
      expect.objectContaining({ project: 'acme', condition: { kind: 'threshold', direction: 'below', value: 0.75 }, createdBy: 'U0ALICE' }),
    ]);
    await slack.waitFor(
      (calls) => calls.some((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('set up an alert here')),
      15_000,
    );
  });

  it('a workspace the configuration doesn\u2019t list is refused in Slack, and the terminal shows the ids and the YAML to add', async () => {
    const { ack } = await stats('stats acme', 'dev-stranger', { team_id: 'T0STRANGER', channel_id: 'C0ELSEWHERE' });
    expect(String(ack.payload?.text)).toContain('isn\u2019t set up for this Slack workspace');
    const hint = printed.find((p) => p.includes('T0STRANGER'));
    expect(hint).toBeDefined();
    expect(hint).toContain('Refused a /chatdash command from workspace T0STRANGER, channel C0ELSEWHERE');
    expect(hint).toContain('workspaces: [T0DEMO, T0NEWTEAM, T0STRANGER]');
    expect(hint).toContain('- channel: C0ELSEWHERE');
    // --open is only for the bot's own workspace.
    expect(hint).not.toContain('--open');
  });

  it('no token ever reaches a log line or a note', () => {
    const all = [...printed, ...logged.lines].join('\n');
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(BOT_TOKEN);
    expect(logged.events('job.done').length).toBeGreaterThan(0);
  });
});
