/**
 * `/chatdash overview` end to end on the demo configuration: signed slash commands into the real HTTP handler, the
 * real worker on the queued job, the ChatDash sandbox (with the demo fault breaking the concierge bot) and the
 * Slack double, which validates every message as Slack would.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createDeadLetterHandler } from '../../src/deadletter/handler.ts';
import type { OverviewJob } from '../../src/jobs/schema.ts';
import { DEMO_FAULTS } from '../../src/sandbox/index.ts';
import { OVERVIEW_PROJECT_NOT_HERE } from '../../src/slack/messages.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { overviewButtons, sectionTexts } from '../support/overview.ts';
import { blockActionsPayload, requester, sqsEvent } from '../support/payloads.ts';
import { leakedSecrets } from '../support/secrets.ts';
import { allText, answersTo } from '../support/slack-messages.ts';

const bot = useBot();
beforeEach(() => {
  // After the bot's own reset: the demo's broken concierge bot.
  for (const { projectId, fault } of DEMO_FAULTS) bot.sandbox.setFault(fault, projectId);
});

/** `/chatdash <text>` from a channel through the HTTP handler, then the worker; returns the ack, the job and the answers. */
async function overview(text: string, extra: { channel_id?: string; channel_name?: string; user_id?: string } = {}) {
  const id = `ov-${Math.random().toString(36).slice(2)}`;
  const ack = await bot.command(text, {
    response_url: bot.slack.responseUrl(id),
    channel_id: 'C0AGENCY',
    channel_name: 'agency',
    ...extra,
  });
  expect(ack.response.statusCode).toBe(200);
  const { event, jobs } = bot.drain();
  const result = jobs.length > 0 ? await (await bot.worker())(event) : undefined;
  const answers = answersTo(bot.slack, id);
  return { ack: ack.json, jobs: jobs as OverviewJob[], result, answers };
}

describe('/chatdash overview from the demo agency channel', () => {
  it('answers one ranked message: the unhealthy project first, then the training gap, the failing one keeps its row, the quiet one at the end', async () => {
    const { ack, jobs, result, answers } = await overview('overview');
    expect(ack?.text).toBe(':hourglass_flowing_sand: Getting the overview of 7 projects for the last 7 days\u2026');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'overview', request: { part: 'command', rangeText: '' }, requester: { channelId: 'C0AGENCY' } });
    expect(result?.batchItemFailures).toEqual([]);

    expect(answers).toHaveLength(1);
    const answer = answers[0]!;
    expect(answer.ok).toBe(true); // the Slack double validated it (blocks, lengths, buttons)
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const rows = sectionTexts(answer.body);
    // Nova's understood rate falls day after day: more urgent than Acme's new training gap (both need attention).
    expect(rows[0]).toMatch(/^:red_circle: \*Nova Telecom Help\*\n/);
    expect(rows[0]).toMatch(/:warning: \*(Understood rate fell|Cost per conversation rose)/);
    expect(rows[1]).toMatch(
      /^:red_circle: \*Acme Support Bot\*\n[\s\S]*:warning: \*New misunderstood message:\* \u201chow do I use my loyalty points\?\u201d/,
    );
    expect(rows[2]).toBe(':white_circle: *Echo Hotel Concierge*\nno data: ChatDash isn\u2019t answering (server error)');
    expect(rows.at(-1)).toBe(':zzz: *1 quiet*: Quiet Bot');
    for (const name of ['Bella Pizza Phone Line', 'Cara Clinic Assistant', 'Maya Shop Assistant']) {
      expect(
        rows.some((r) => r.startsWith(`:large_green_circle: *${name}*`)),
        name,
      ).toBe(true);
    }
    expect(String(answer.body.text)).toContain('Needs attention: Nova Telecom Help, Acme Support Bot');
    // Two periods per project, the broken one retried by the client; every request with the real key.
    expect(new Set(bot.sandbox.requests.map((r) => r.projectId)).size).toBe(7);
    expect(bot.sandbox.requests.every((r) => r.authorized)).toBe(true);
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });

  it('`/chatdash stats all 30d` is the same overview over 30 days', async () => {
    const { jobs, answers } = await overview('stats all 30d');
    expect(jobs[0]?.request).toMatchObject({ part: 'command', rangeText: '30d' });
    expect(answers[0]?.ok).toBe(true);
    expect(allText(answers[0]?.body)).toContain('*Last 30 days*');
    expect(sectionTexts(answers[0]?.body)[0]).toMatch(/^:red_circle: \*Nova Telecom Help\*/);
  });

  it('"Full stats" on a row answers that project\u2019s digest to the clicker; "List them" lists the quiet projects', async () => {
    const { answers } = await overview('overview');
    const buttons = overviewButtons(answers[0]?.body);
    const nova = buttons.find((b) => b.action_id === 'overview:project:nova')!;
    const clickUrl = bot.slack.responseUrl('click-nova');
    const click = await bot.click(
      blockActionsPayload({ button: nova, messageTs: '1732550000.000100', channel: 'C0AGENCY', responseUrl: clickUrl, ephemeral: true }),
    );
    expect(click.response.statusCode).toBe(200);
    const { event, jobs } = bot.drain();
    expect(jobs).toEqual([
      expect.objectContaining({ kind: 'overview', request: expect.objectContaining({ part: 'click', ephemeral: true }) }),
    ]);
    const worker = await bot.worker();
    // SQS delivers the click twice: one reply.
    expect((await worker(event)).batchItemFailures).toEqual([]);
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const replies = answersTo(bot.slack, 'click-nova');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ ok: true, body: { response_type: 'ephemeral', replace_original: false } });
    expect(allText(replies[0]!.body)).toContain('Nova Telecom Help');
    expect(allText(replies[0]!.body)).toContain('What changed');

    const quiet = buttons.find((b) => b.action_id === 'overview:list:quiet')!;
    await bot.click(
      blockActionsPayload({
        button: quiet,
        messageTs: '1732550000.000100',
        channel: 'C0AGENCY',
        responseUrl: bot.slack.responseUrl('click-quiet'),
        ephemeral: true,
        actionTs: '1732550009.000900',
      }),
    );
    await worker(bot.drain().event);
    const [list] = answersTo(bot.slack, 'click-quiet');
    expect(list?.ok).toBe(true);
    expect(allText(list?.body)).toContain('*Quiet projects*');
    expect(allText(list?.body)).toContain('*Quiet Bot* `quiet`: no conversations');
  });

  it('a button value that is not ours, or a project the channel may not see, gets a polite answer and nothing else', async () => {
    const { answers } = await overview('overview');
    const nova = overviewButtons(answers[0]?.body).find((b) => b.action_id === 'overview:project:nova')!;
    const forged = { ...nova, value: '{"v":1,"o":"p","project":"proj_demo_text"' };
    await bot.click(
      blockActionsPayload({ button: forged, messageTs: '1.1', channel: 'C0AGENCY', responseUrl: bot.slack.responseUrl('forged') }),
    );
    // The same (valid) buttons clicked from the acme channel, where nova and the quiet projects are not bound.
    await bot.click(
      blockActionsPayload({ button: nova, messageTs: '1.2', channel: 'C0ACME', responseUrl: bot.slack.responseUrl('elsewhere') }),
    );
    const quiet = overviewButtons(answers[0]?.body).find((b) => b.action_id === 'overview:list:quiet')!;
    await bot.click(
      blockActionsPayload({ button: quiet, messageTs: '1.3', channel: 'C0ACME', responseUrl: bot.slack.responseUrl('list-elsewhere') }),
    );
    await (await bot.worker())(bot.drain().event);
    const text = (id: string) => String(answersTo(bot.slack, id)[0]?.body.text);
    expect(text('forged')).toContain('from an older version of this message');
    // The click named no project: not "no project by that name", and no project named.
    expect(text('elsewhere')).toBe(OVERVIEW_PROJECT_NOT_HERE);
    expect(text('elsewhere')).not.toMatch(/nova|acme|by that name/i);
    expect(text('list-elsewhere')).toBe(OVERVIEW_PROJECT_NOT_HERE);
    expect(bot.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('who may ask for an overview', () => {
  it('an admin\u2019s DM: every project', async () => {
    const { ack, answers } = await overview('overview', { channel_id: 'D0ADMIN', channel_name: 'directmessage', user_id: 'U0ADMIN' });
    expect(ack?.text).toContain('overview of 7 projects');
    expect(answers[0]?.ok).toBe(true);
  });

  it('a channel bound to one project: that one; other workspaces, unbound channels and non-admin DMs: the usual refusals', async () => {
    const acme = await overview('overview', { channel_id: 'C0ACME' });
    expect(acme.ack?.text).toContain('overview of 1 project for');
    expect(sectionTexts(acme.answers[0]?.body)).toHaveLength(1);

    const unbound = await overview('overview', { channel_id: 'C0RANDOM' });
    expect(unbound.ack?.text).toBe(
      'Sorry, this channel isn\u2019t set up for ChatDash yet. Ask your ChatDash admin to connect it to a project.',
    );
    expect(unbound.jobs).toEqual([]);
    const dm = await overview('stats all', { channel_id: 'D0ANN', channel_name: 'directmessage', user_id: 'U0ANN' });
    expect(dm.ack?.text).toContain('answers direct messages from its admins only');
    expect(dm.jobs).toEqual([]);
    const stranger = await bot.command('overview', { team_id: 'T0OTHER', channel_id: 'C0AGENCY' });
    expect(stranger.json?.text).toContain('isn\u2019t set up for this Slack workspace');
    expect(bot.drain().jobs).toEqual([]);
  });

  it('a range that can\u2019t be read gets the range help from the worker, and ChatDash is not asked', async () => {
    const { jobs, answers } = await overview('overview 2026-13-01..x');
    expect(jobs).toHaveLength(1);
    expect(String(answers[0]?.body.text)).toMatch(/^:calendar: .*\nRanges: `today`/s);
    expect(bot.sandbox.requests).toEqual([]);
  });

  it('words that are not a range get the usage text, and no job', async () => {
    const { ack, jobs } = await overview('overview acme');
    expect(JSON.stringify(ack)).toContain('I didn\u2019t understand \u201cacme\u201d');
    expect(jobs).toEqual([]);
    const help = await bot.command('help');
    expect(JSON.stringify(help.json)).toContain('/chatdash overview [range]');
  });
});

describe('when ChatDash is slow or the job dies', () => {
  it('projects unanswered when the budget ends show "still loading", the rest stands, and nothing times out', async () => {
    bot.sandbox.setFault({ type: 'slow', delayMs: 120_000 }, 'proj_demo_text');
    bot.sandbox.setFault({ type: 'slow', delayMs: 120_000 }, 'proj_demo_voice');
    const id = 'ov-slow';
    await bot.command('overview', { response_url: bot.slack.responseUrl(id), channel_id: 'C0AGENCY' });
    const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 4_000 }) });
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const [answer] = answersTo(bot.slack, id);
    expect(answer?.ok).toBe(true);
    const text = allText(answer?.body);
    expect(text).toContain('… 2 projects still loading (Acme Support Bot, Bella Pizza Phone Line), try again in a minute');
    expect(sectionTexts(answer?.body)[0]).toMatch(/^:red_circle: \*Nova Telecom Help\*/);
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'job.done', kind: 'overview', outcome: 'partial' }));
    bot.sandbox.setFault(undefined, 'proj_demo_text');
    bot.sandbox.setFault(undefined, 'proj_demo_voice');
  });

  it('an overview job that failed every try: the dead-letter function apologises to the asker', async () => {
    const job: OverviewJob = {
      kind: 'overview',
      idempotencyKey: 'overview:dead',
      requester: requester({ channelId: 'C0AGENCY' }),
      request: { part: 'command', rangeText: '', responseUrl: bot.slack.responseUrl('dead'), requestedAt: new Date().toISOString() },
    };
    const handler = createDeadLetterHandler({ config: bot.config, deps: await bot.deps(), log: bot.log });
    expect(await handler(sqsEvent(job))).toEqual({ batchItemFailures: [] });
    const [apology] = answersTo(bot.slack, 'dead');
    expect(String(apology?.body.text)).toContain('I tried several times and couldn\u2019t finish this');
  });
});
