/**
 * Intents and the "Open in ChatDash" link end to end: the worker posts the acme digest (its project has a
 * dashboardUrl in the demo configuration), signed clicks and @mentions go through the real HTTP handler, the jobs
 * through the real worker, and the Slack double (which checks Block Kit like Slack) receives the replies.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_LINK_ACTION_ID } from '../../src/digest/link-action.ts';
import { DRILLDOWN_METRICS } from '../../src/insights/metrics.ts';
import type { DrilldownJob } from '../../src/jobs/schema.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig } from '../support/config.ts';
import { postDigest, threadReplies } from '../support/digest-thread.ts';
import { blockActionsPayload, mentionPayload } from '../support/payloads.ts';
import { leakedSecrets } from '../support/secrets.ts';
import { allText, answersTo, buttonsOf, linkButtonsOf } from '../support/slack-messages.ts';

const bot = useBot();
const ACME_URL = demoConfig.projects.find((p) => p.key === 'acme')?.dashboardUrl;

describe('intents drill-down', () => {
  it('the digest\u2019s Intents button: one job, one valid threaded reply listing the intents', async () => {
    const digest = await postDigest(bot);
    const intents = buttonsOf(digest.message).find((b) => b.action_id === 'drilldown:intents');
    expect(intents).toBeDefined();

    const answer = await bot.click(
      blockActionsPayload({ button: intents!, messageTs: digest.ts, responseUrl: bot.slack.responseUrl('c1') }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(bot.sandbox.requests).toHaveLength(0); // nothing slow on the ack path
    const { event, jobs } = bot.drain();
    expect(jobs).toMatchObject([{ kind: 'drilldown', view: 'intents', threadTs: digest.ts }]);

    const worker = await bot.worker({ once: createMemoryOnceGuard() });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const replies = threadReplies(bot, digest.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.ok).toBe(true);
    const text = allText(replies[0]!.body);
    expect(text).toContain('Intents: Acme Support Bot');
    // ChatDash returns its top intents without a total: their sum, and shares of it, are said to be of the listed ones.
    expect(text).toMatch(/[\d,]+ messages matched the listed intents · understood rate [\d.]+%/);
    expect(text).toContain('Percentages are of the listed intents only');
    expect(text).toMatch(/1\. order\.status — [\d,]+ \([\d.]+%\)/);
    expect(text).toContain('account.passwordˍreset'); // `_` neutralised, as for every untrusted label
    // Only what the view needs was asked of ChatDash, for the digest's period.
    const body = bot.sandbox.requests[0]?.body as { query: Array<{ metrics: string[] }> };
    expect(body.query[0]?.metrics).toEqual([...DRILLDOWN_METRICS.intents]);
    // The reply links back to ChatDash too.
    expect(linkButtonsOf(replies[0]!.body).map((l) => l.url)).toEqual([ACME_URL]);
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });

  it('@ChatDash intents in the digest\u2019s thread: read from the thread root, one reply', async () => {
    const digest = await postDigest(bot);
    const mention = mentionPayload({
      eventId: 'Ev0INTENTS1',
      text: '<@U0BOT> which intents matched?',
      ts: '1732552000.000100',
      threadTs: digest.ts,
    });
    expect((await bot.event(mention)).response.statusCode).toBe(200);
    const { event, jobs } = bot.drain();
    expect(jobs).toMatchObject([{ kind: 'drilldown', view: 'intents', threadTs: digest.ts, inThread: true }]);
    expect((jobs[0] as DrilldownJob).buttonValue).toBeUndefined();

    const worker = await bot.worker();
    expect((await worker(event)).batchItemFailures).toEqual([]);
    expect(bot.slack.callsTo('conversations.replies')[0]?.body).toMatchObject({ channel: 'C0ACME', ts: digest.ts });
    const replies = threadReplies(bot, digest.ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.ok).toBe(true);
    expect(allText(replies[0]!.body)).toContain('Intents: Acme Support Bot');
    expect(allText(replies[0]!.body)).toMatch(/order\.status — [\d,]+/);
  });

  it('a mention with no known word lists `intents` among the views', async () => {
    const digest = await postDigest(bot);
    await bot.event(mentionPayload({ eventId: 'Ev0INTENTS2', text: '<@U0BOT> hello', ts: '1732552000.000200', threadTs: digest.ts }));
    const worker = await bot.worker();
    await worker(bot.drain().event);
    expect(String(threadReplies(bot, digest.ts)[0]?.body.text)).toContain('`intents`');
  });
});

describe('Open in ChatDash', () => {
  it('the posted digest carries the project\u2019s dashboard link, accepted by Slack', async () => {
    expect(ACME_URL).toMatch(/^https:\/\//);
    const digest = await postDigest(bot);
    expect(linkButtonsOf(digest.message)).toEqual([
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open in ChatDash', emoji: true },
        action_id: DASHBOARD_LINK_ACTION_ID,
        url: ACME_URL,
      },
    ]);
  });

  it('the /chatdash stats answer carries it; a project without a URL gets none', async () => {
    await bot.command('stats acme 30d', { response_url: bot.slack.responseUrl('acme') });
    await bot.command('stats bella 30d', { channel_id: 'C0BELLA', response_url: bot.slack.responseUrl('bella') });
    const worker = await bot.worker();
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const [acme] = answersTo(bot.slack, 'acme');
    const [bella] = answersTo(bot.slack, 'bella');
    expect(acme?.ok).toBe(true);
    expect(linkButtonsOf(acme?.body).map((l) => l.url)).toEqual([ACME_URL]);
    expect(bella?.ok).toBe(true);
    expect(allText(bella?.body)).toContain('Bella Pizza Phone Line');
    expect(linkButtonsOf(bella?.body)).toEqual([]);
  });

  it('a click on the link is acked with 200 and nothing else: no job, no reply, no warning or 404', async () => {
    const digest = await postDigest(bot);
    const link = linkButtonsOf(digest.message)[0]!;
    // Slack sends the url button's block_actions without a value.
    const payload = blockActionsPayload({
      button: { action_id: link.action_id!, value: '' },
      messageTs: digest.ts,
      responseUrl: bot.slack.responseUrl('link'),
    }) as { actions: Array<Record<string, unknown>> };
    delete payload.actions[0]!.value;
    payload.actions[0]!.url = link.url;
    const answer = await bot.click(payload);
    expect(answer.response.statusCode).toBe(200);
    expect(bot.queue.size).toBe(0);
    expect(bot.slack.calls).toEqual([]);
    expect(bot.entries().filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
    expect(bot.lines.join('\n')).not.toContain('No request handler matched');

    // Without that listener Bolt would answer an action nobody handles with a 404 (Slack then shows a warning icon).
    const unknown = await bot.click(
      blockActionsPayload({ button: { action_id: 'other:thing', value: 'x' }, messageTs: digest.ts, responseUrl: bot.slack.responseUrl() }),
    );
    expect(unknown.response.statusCode).toBe(404);
  });
});
