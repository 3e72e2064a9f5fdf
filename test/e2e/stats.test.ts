/**
 * The worker on loopback: `/chatdash stats` jobs queued by the real HTTP handler, run against the ChatDash sandbox
 * with the real client, answered through response_url on the Slack double. Every failure ends in a clear message
 * to the person who asked, or in a batch item failure when a retry can help.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import type { Job, StatsJob } from '../../src/jobs/schema.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { everythingSeen, useBot } from '../support/bot.ts';
import { demoConfig as config } from '../support/config.ts';
import { sqsEvent } from '../support/payloads.ts';
import { leakedSecrets } from '../support/secrets.ts';
import { allText, answersTo as answersOf, buttonsOf } from '../support/slack-messages.ts';

const bot = useBot();

/** `/chatdash <text>` through the HTTP handler; returns the queued job's SQS event and the response_url id. */
async function ask(text: string, channel = 'C0ACME') {
  const id = `r-${Math.random().toString(36).slice(2)}`;
  const answer = await bot.command(text, { response_url: bot.slack.responseUrl(id), channel_id: channel });
  expect(answer.response.statusCode).toBe(200);
  const { event, jobs } = bot.drain();
  expect(jobs).toHaveLength(1);
  return { event, job: jobs[0] as StatsJob, id };
}

const answersTo = (id: string) => answersOf(bot.slack, id);

describe('stats jobs', () => {
  it('delivers the stats to the response_url, replacing the "working" message', async () => {
    const { event, id } = await ask('stats acme 30d');
    const worker = await bot.worker();
    const result = await worker(event);
    expect(result.batchItemFailures).toEqual([]);
    const answers = answersTo(id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ ok: true, body: { response_type: 'ephemeral', replace_original: true } });
    const text = allText(answers[0]!.body);
    expect(text).toContain('Acme Support Bot');
    expect(text).toMatch(/Last 30 days/);
    expect(buttonsOf(answers[0]!.body).map((b) => b.action_id)).toContain('drilldown:topics');
    // Two periods (this one and the one before), each asked of the sandbox with the real key.
    expect(bot.sandbox.requests.length).toBeGreaterThanOrEqual(2);
    expect(bot.sandbox.requests.every((r) => r.authorized && r.projectId === 'proj_demo_text')).toBe(true);
    expect(bot.slack.callsTo('users.info')).toHaveLength(1);
    expect(bot.entries()).toContainEqual(expect.objectContaining({ event: 'job.done', kind: 'stats', outcome: 'delivered' }));
  });

  it('answers a bad range with the range help', async () => {
    const { event, id, job } = await ask('stats acme 2026-13-01..x');
    expect(job.rangeText).toBe('2026-13-01..x');
    const worker = await bot.worker();
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const text = String(answersTo(id)[0]?.body.text);
    expect(text).toMatch(/^:calendar: /);
    expect(text).toContain('Ranges: `today`');
    expect(bot.sandbox.requests).toHaveLength(0);
  });

  it('ChatDash refusing the API key (401) → tells the asker an admin must update it', async () => {
    const { event, id } = await ask('stats acme 7d');
    const worker = await bot.worker({ deps: await bot.deps({}, { chatdashApiKey: 'cdk_wrong_key_0000' }) });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const text = String(answersTo(id)[0]?.body.text);
    expect(text).toContain('ChatDash didn\u2019t accept the bot\u2019s API key');
    expect(text).toContain('*Acme Support Bot*');
    expect(bot.sandbox.requests.some((r) => !r.authorized)).toBe(true);
    expect(everythingSeen(bot)).not.toContain('cdk_wrong_key_0000');
  });

  it('a project id ChatDash does not know (404) → tells the asker to have the id checked', async () => {
    const broken: Config = {
      ...config,
      projects: config.projects.map((p) => (p.key === 'acme' ? { ...p, id: 'proj_does_not_exist' } : p)),
    };
    const { event, id } = await ask('stats acme 7d');
    const worker = await bot.worker({ config: broken, deps: await bot.deps({ config: broken }) });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const text = String(answersTo(id)[0]?.body.text);
    expect(text).toContain('ChatDash doesn\u2019t know the project configured for *Acme Support Bot*');
    expect(text).not.toContain('proj_does_not_exist');
    expect(bot.sandbox.requests.every((r) => r.projectId === 'proj_does_not_exist')).toBe(true);
  });

  it('ChatDash failing with 500 every time → "isn\u2019t answering", after retries, within the budget', async () => {
    bot.sandbox.setFault({ type: 'server_error', status: 500 });
    const { event, id } = await ask('stats acme 7d');
    const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 1500 }) });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    const text = String(answersTo(id)[0]?.body.text);
    expect(text).toContain('ChatDash isn\u2019t answering right now');
    expect(text).toContain('*Acme Support Bot*');
    // It retried: more requests than the two first attempts (this period and the previous one), and within the
    // client's attempts for each (4): the budget bounds the call (how fast it answers is `npm run bench`'s business).
    expect(bot.sandbox.requests.length).toBeGreaterThan(2);
    expect(bot.sandbox.requests.length).toBeLessThanOrEqual(2 * 4);
  });

  it('ChatDash rate limiting beyond the deadline → "busy (rate limited)" without waiting it out', async () => {
    bot.sandbox.setFault({ type: 'rate_limit', retryAfterSeconds: 5 });
    const { event, id } = await ask('stats acme 7d');
    const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 1000 }) });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    expect(String(answersTo(id)[0]?.body.text)).toContain('ChatDash is busy (rate limited)');
    // One request per period and no retry: the 5 s Retry-After was not waited out (the deadline came first).
    expect(bot.sandbox.requests).toHaveLength(2);
  });

  it('ChatDash too slow for the budget → "took too long"', async () => {
    bot.sandbox.setFault({ type: 'slow', delayMs: 6000 });
    const { event, id } = await ask('stats acme 7d');
    const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 300 }) });
    expect((await worker(event)).batchItemFailures).toEqual([]);
    // The 6 s answer would have carried the stats: "took too long" means the 300 ms budget cut it.
    expect(String(answersTo(id)[0]?.body.text)).toContain('ChatDash took too long to answer for *Acme Support Bot*');
  });

  it('a response_url that fails is a batch item failure (retried), and the retry delivers', async () => {
    const { event, id } = await ask('stats acme 7d');
    bot.slack.fail('response_url', { error: 'internal_error', httpStatus: 500 });
    const worker = await bot.worker({ once: createMemoryOnceGuard() });
    const first = await worker(event);
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
    expect(bot.entries()).toContainEqual(
      expect.objectContaining({ event: 'job.failed', kind: 'stats', errorName: 'ResponseUrlError', level: 'warn' }),
    );
    // The log names the failure but never the URL (it lets anyone post into the conversation).
    expect(bot.lines.join('\n')).not.toContain(`/response/${id}`);

    const retry = await worker(event);
    expect(retry.batchItemFailures).toEqual([]);
    const answers = answersTo(id);
    expect(answers.map((a) => a.ok)).toEqual([false, true]);
    expect(allText(answers[1]!.body)).toContain('Acme Support Bot');
  });

  it('an invalid job body is a batch item failure, alone in its batch', async () => {
    const { job } = await ask('stats acme 7d');
    const worker = await bot.worker();
    const result = await worker(
      sqsEvent(
        { body: 'not json at all', id: 'bad-json' },
        { body: JSON.stringify({ kind: 'stats', projectKey: 'acme' }), id: 'bad-shape' },
        { body: JSON.stringify({ ...job, kind: 'launch_missiles' }), id: 'bad-kind' },
        { body: JSON.stringify(job), id: 'good' },
      ),
    );
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['bad-json', 'bad-kind', 'bad-shape']);
    expect(bot.slack.callsTo('response_url')).toHaveLength(1);
    expect(bot.entries().filter((l) => l.event === 'job.invalid')).toHaveLength(3);
  });

  it('no secret appears in any Slack message or log line across the failure paths', async () => {
    const worker = await bot.worker({ deps: await bot.deps({ chatdashBudgetMs: 800 }) });
    for (const fault of [undefined, { type: 'server_error' as const }, { type: 'malformed_json' as const }]) {
      bot.sandbox.setFault(fault);
      const { event } = await ask('stats acme 7d');
      await worker(event);
    }
    expect(bot.slack.callsTo('response_url')).toHaveLength(3);
    expect(bot.lines.length).toBeGreaterThan(5);
    expect(leakedSecrets(everythingSeen(bot))).toEqual([]);
  });
});

describe('the two queries of a period', () => {
  it('when one fails for good, the other stops retrying instead of running on in the background', async () => {
    const { fetchInsights } = await import('../../src/worker/analytics.ts');
    const { createChatDashClient } = await import('../../src/chatdash/client.ts');
    const { SANDBOX_API_KEY } = await import('../../src/sandbox/index.ts');
    const { parsePeriod } = await import('../../src/periods/parse.ts');
    const { DIGEST_METRICS } = await import('../../src/insights/metrics.ts');
    const parsed = parsePeriod('7d', { now: new Date('2026-11-20T12:00:00Z'), timeZone: 'UTC' });
    if (!parsed.ok) throw new Error(parsed.error);
    let calls = 0;
    // The current period's query gets a 401 (final); the previous period's gets 503s (retried with backoff).
    const fetchImpl: typeof fetch = async (_url, init) => {
      calls++;
      const body = JSON.parse(String(init?.body)) as { query: Array<{ filter: { startTime: string } }> };
      const isCurrent = body.query[0]!.filter.startTime === parsed.period.start;
      return new Response('{}', { status: isCurrent ? 401 : 503 });
    };
    const client = createChatDashClient({
      apiKey: SANDBOX_API_KEY,
      baseUrl: 'http://127.0.0.1:9/v1/public',
      fetch: fetchImpl,
      baseDelayMs: 200,
      maxAttempts: 6,
    });
    await expect(fetchInsights(client, 'proj_demo_text', parsed.period, DIGEST_METRICS, Date.now() + 10_000)).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    const settled = calls;
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).toBe(settled);
    expect(calls).toBeLessThanOrEqual(3);
  });
});

describe('drill-downs keep the digest\u2019s number formatting', () => {
  it('a German digest\u2019s button carries de-DE, and the thread reply uses it', async () => {
    const { renderDigest } = await import('../../src/digest/render-digest.ts');
    const { fetchInsights } = await import('../../src/worker/analytics.ts');
    const { decodeDrilldownRef } = await import('../../src/digest/drilldown-ref.ts');
    const { parsePeriod } = await import('../../src/periods/parse.ts');
    const { DIGEST_METRICS } = await import('../../src/insights/metrics.ts');
    const deps = await bot.deps();
    const parsed = parsePeriod('30d', { now: new Date(), timeZone: 'Europe/Berlin' });
    if (!parsed.ok) throw new Error(parsed.error);
    const insights = await fetchInsights(deps.chatdash, 'proj_demo_text', parsed.period, DIGEST_METRICS, Date.now() + 10_000);
    const digest = renderDigest(insights, {
      project: { id: 'proj_demo_text', name: 'Acme Support Bot' },
      locale: 'de-DE',
      currencyDisplay: 'code',
      buttons: true,
    });
    const topics = buttonsOf(digest as unknown as Record<string, unknown>).find((b) => b.action_id === 'drilldown:topics')!;
    const ref = decodeDrilldownRef(topics.value)!;
    expect(ref).toMatchObject({ locale: 'de-DE', currencyDisplay: 'code' });

    const job: Job = {
      kind: 'drilldown',
      idempotencyKey: 'action:de',
      requester: { teamId: 'T0DEMO', channelId: 'C0ACME', userId: 'U0ALICE', isDirectMessage: false },
      buttonValue: topics.value,
      view: 'topics',
      threadTs: '1732550000.000100',
    };
    const worker = await bot.worker({ deps });
    expect((await worker(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    const reply = bot.slack.callsTo('chat.postMessage').at(-1)!;
    const text = allText(reply.body);
    expect(text).toMatch(/\d\.\d{3}/); // 5.500, German thousands
    expect(text).not.toMatch(/\d,\d{3}\b/);
  });
});

describe('the configured range cap', () => {
  it('a /chatdash stats range longer than defaults.maxRangeDays gets a message that says why', async () => {
    const capped: Config = { ...config, defaults: { ...config.defaults, maxRangeDays: 31 } };
    const job: StatsJob = {
      kind: 'stats',
      idempotencyKey: 'stats:cap',
      requester: { teamId: 'T0DEMO', channelId: 'C0ACME', userId: 'U0ALICE', isDirectMessage: false },
      projectKey: 'acme',
      rangeText: '60d',
      responseUrl: bot.slack.responseUrl('cap'),
      requestedAt: new Date().toISOString(),
    };
    const worker = await bot.worker({ deps: { ...(await bot.deps()), config: capped } });
    expect((await worker(sqsEvent(JSON.stringify(job)))).batchItemFailures).toEqual([]);
    const answer = bot.slack.callsTo('response_url').at(-1)!;
    expect(String(answer.body.text)).toMatch(/60 days; the longest range is 31 days/);
    expect(bot.sandbox.requests).toHaveLength(0);
  });
});
