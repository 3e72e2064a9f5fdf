/**
 * A channel connected to projects from Slack (a runtime binding in the state store) works like one the configuration
 * binds, on every path: `/chatdash` subcommands (through the dispatcher's access check), digest drill-down buttons,
 * @mentions in a digest's thread, the agency overview (command and its buttons) and link buttons; and once it is
 * disconnected, every path refuses at once, with the same words as for a channel never set up, naming no project.
 * Signed requests into the real HTTP handler, the real worker, one in-memory store for both.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import { type RuntimeSubscription, userActor } from '../../src/store/store.ts';
import { useBot } from '../support/bot.ts';
import { overviewButtons } from '../support/overview.ts';
import { blockActionsPayload, mentionPayload, sqsEvent } from '../support/payloads.ts';
import { allText, answersTo, buttonsOf, postsTo } from '../support/slack-messages.ts';
import { overviewSettings, subscriptionSettings } from '../support/subscriptions.ts';

const bot = useBot();
const CHANNEL = 'C0NEWCLIENT';
const ADMIN = userActor('U0ADMIN');
/** Names of the projects connected here and of one that is not: no refusal may carry any of them. */
const NAMES = /bella|nova|acme|Bella|Nova|Acme/;

/** `/chatdash <text>` in the new channel; the ack's text, and the worker's answers through response_url. */
async function command(text: string) {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const ack = await bot.command(text, { channel_id: CHANNEL, channel_name: 'newclient', response_url: bot.slack.responseUrl(id) });
  expect(ack.response.statusCode).toBe(200);
  const { event, jobs } = bot.drain();
  if (jobs.length > 0) expect((await (await bot.worker())(event)).batchItemFailures).toEqual([]);
  return { ack: String(ack.json?.text ?? ''), jobs, answers: answersTo(bot.slack, id).map((c) => allText(c.body)) };
}

/** Runs a stored subscription's scheduled post through the worker; returns the message and its ts. */
async function posted(subscription: RuntimeSubscription) {
  const worker = await bot.worker();
  const job = {
    kind: 'digest' as const,
    subscription: subscription.id,
    source: 'runtime' as const,
    scheduledFor: new Date().toISOString(),
    trigger: 'schedule' as const,
  };
  expect((await worker(sqsEvent(job))).batchItemFailures).toEqual([]);
  const post = postsTo(bot.slack, CHANNEL).at(-1)!;
  const ts = bot
    .entries()
    .filter((l) => l.event === 'digest.posted')
    .at(-1)?.ts;
  expect(ts).toMatch(/^\d+\.\d{6}$/);
  return { message: post.body, ts: String(ts) };
}

/** A click on a message's button in the new channel, through the HTTP handler then the worker. */
async function click(button: { action_id: string; value: string }, messageTs: string) {
  const id = `click-${Math.random().toString(36).slice(2)}`;
  const answer = await bot.click(blockActionsPayload({ button, messageTs, channel: CHANNEL, responseUrl: bot.slack.responseUrl(id) }));
  expect(answer.response.statusCode).toBe(200);
  const { event, jobs } = bot.drain();
  if (jobs.length > 0) expect((await (await bot.worker())(event)).batchItemFailures).toEqual([]);
  return { jobs, told: answersTo(bot.slack, id).map((c) => String(c.body.text ?? '')) };
}

describe('a channel connected from Slack', () => {
  it('every listener path sees it at once, and refuses it, naming nothing, as soon as it is disconnected', async () => {
    const never = await command('projects');
    expect(never.ack).toBe(ACCESS_MESSAGES.channel_not_bound);

    await bot.store.bindChannel(CHANNEL, 'bella', ADMIN);
    await bot.store.bindChannel(CHANNEL, 'nova', ADMIN);

    // Subcommands, through the dispatcher.
    expect((await command('projects')).ack).toContain('`bella`: Bella Pizza Phone Line');
    const stats = await command('stats bella 7d');
    expect(stats.jobs).toEqual([expect.objectContaining({ kind: 'stats', projectKey: 'bella' })]);
    expect(stats.answers.join('\n')).toContain('Bella Pizza Phone Line');
    const overview = await command('overview');
    expect(overview.ack).toContain('2 projects');
    expect(overview.answers.join('\n')).toContain('Nova Telecom Help');

    // A digest's drill-down button and an @mention in its thread.
    const digest = await posted(
      await bot.store.createSubscription(subscriptionSettings({ channel: CHANNEL, project: 'bella' }), userActor('U0ALICE')),
    );
    const costs = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:costs')!;
    expect((await click(costs, digest.ts)).jobs).toEqual([expect.objectContaining({ kind: 'drilldown', view: 'costs' })]);
    const threaded = () => bot.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.thread_ts === digest.ts);
    expect(threaded()).toHaveLength(1);
    await bot.event(
      mentionPayload({ eventId: 'Ev0MENTION1', text: '<@U0BOT> topics', ts: '1790000000.000900', threadTs: digest.ts, channel: CHANNEL }),
    );
    await (await bot.worker())(bot.drain().event);
    expect(threaded()).toHaveLength(2);

    // The agency overview of a runtime subscription, and its "Full stats" button; a link button is only acked.
    const agency = await posted(await bot.store.createSubscription(overviewSettings('all', { channel: CHANNEL }), userActor('U0ALICE')));
    expect(allText(agency.message)).toContain('2 projects');
    const full = overviewButtons(agency.message).find((b) => b.action_id === 'overview:project:nova')!;
    await click(full, agency.ts);
    const fullStats = bot.slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.thread_ts === agency.ts);
    expect(fullStats.map((c) => allText(c.body)).join('\n')).toContain('Nova Telecom Help');
    const link = await bot.click(
      blockActionsPayload({
        button: { action_id: 'link:dashboard', value: '' },
        messageTs: agency.ts,
        channel: CHANNEL,
        responseUrl: bot.slack.responseUrl('link'),
      }),
    );
    expect(link.response.statusCode).toBe(200);
    expect(bot.drain().jobs).toEqual([]);

    // Disconnected: every path refuses at once, as for a channel never set up.
    await bot.store.unbindChannel(CHANNEL, 'bella', ADMIN);
    await bot.store.unbindChannel(CHANNEL, 'nova', ADMIN);
    bot.slack.calls.length = 0;
    const refusals: string[] = [];
    for (const text of ['projects', 'stats bella', 'overview']) {
      const refused = await command(text);
      expect(refused.jobs).toEqual([]);
      refusals.push(refused.ack);
    }
    const clicked = await click(costs, digest.ts);
    expect(clicked.jobs).toEqual([]);
    refusals.push(...clicked.told);
    const overviewClick = await click(full, agency.ts);
    expect(overviewClick.jobs).toEqual([]);
    refusals.push(...overviewClick.told);
    // A mention reaches the worker, which checks again and answers the person alone.
    await bot.event(
      mentionPayload({ eventId: 'Ev0MENTION2', text: '<@U0BOT> costs', ts: '1790000000.000950', threadTs: digest.ts, channel: CHANNEL }),
    );
    await (await bot.worker())(bot.drain().event);
    const ephemeral = bot.slack.callsTo('chat.postEphemeral').map((c) => String(c.body.text ?? ''));
    refusals.push(...ephemeral);
    // Nothing was posted anywhere in the channel after the disconnect.
    expect(postsTo(bot.slack, CHANNEL)).toEqual([]);
    expect(refusals.length).toBeGreaterThanOrEqual(6);
    for (const refusal of refusals) {
      expect(refusal).toBe(ACCESS_MESSAGES.channel_not_bound);
      expect(refusal).not.toMatch(NAMES);
    }
  });
});
