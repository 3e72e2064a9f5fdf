/**
 * Alerts end to end: the real tick (claim due alerts, one job per project and window), the real worker handler on
 * the queued SQS messages, the ChatDash sandbox (hourly rhythm, injected incidents and faults) and the Slack double.
 * Time is simulated: the worker and the sandbox share the bed's clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alertCheckJobs } from '../../src/alerts/jobs.ts';
import type { AlertInput } from '../../src/alerts/lifecycle.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { Fault } from '../../src/sandbox/index.ts';
import type { SlackCall } from '../../src/slack-double/server.ts';
import { ALERT_CHANNEL, type AlertBed, SHOP, startAlertBed } from '../support/alerts.ts';
import { blockActionsPayload, mentionPayload } from '../support/payloads.ts';
import { buttonsOf } from '../support/slack-messages.ts';

const at = (iso: string) => new Date(iso);
const text = (call: SlackCall | undefined) => String(call?.body.text ?? '');
const blocksText = (call: SlackCall | undefined) => JSON.stringify(call?.body.blocks ?? []);
const roots = (bed: AlertBed) => bed.posts().filter((p) => p.body.thread_ts === undefined);
const replies = (bed: AlertBed) => bed.posts().filter((p) => p.body.thread_ts !== undefined);

const understoodBelow85: Pick<AlertInput, 'metric' | 'condition'> = {
  metric: { kind: 'understood_rate' },
  condition: { kind: 'threshold', direction: 'below', value: 0.85 },
};
const understoodUnusual: Pick<AlertInput, 'metric' | 'condition'> = {
  metric: { kind: 'understood_rate' },
  condition: { kind: 'unusual', direction: 'below' },
};

let bed: AlertBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

describe('a threshold alert', () => {
  it('fires once, stays quiet while firing, and says "back to normal" in its thread', async () => {
    bed = await startAlertBed({ start: at('2026-11-16T06:00:00Z') });
    const alert = await bed.create(understoodBelow85, 'threshold');
    // Tuesday 11:00–16:00 in Paris the bot misses 35 % of messages.
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', until: '2026-11-17T15:00:00Z', missRate: 0.35 });
    await bed.runUntil(at('2026-11-17T18:00:00Z'), 10);

    expect(roots(bed)).toHaveLength(1);
    expect(replies(bed)).toHaveLength(1);
    const [fire] = roots(bed);
    const [back] = replies(bed);
    expect(text(fire)).toMatch(/^Maya Shop Assistant: understood rate below 85%: \d+% between 11:00 and 12:00 on Tue, Nov 17/);
    expect(blocksText(fire)).toContain('below your threshold of *85%*');
    expect(blocksText(fire)).toContain('*Likely driver:* the misunderstood message “checkout keeps failing?? \\"payment declined\\"”');
    const [fireTs] = bed.postedTs('fire');
    expect(back?.body.thread_ts).toBe(fireTs);
    const thread = await bed.thread(fireTs!);
    expect(thread.map((m) => m.text)).toEqual([text(fire), text(back)]);
    expect(text(back)).toBe('Maya Shop Assistant: understood rate below 85% is back to normal (it lasted 5 h).');
    expect(blocksText(back)).toContain('*Understood rate below 85%* is back to normal since 16:00 on Tue, Nov 17');

    const stored = await bed.alerts.store.get(alert.definition.id);
    expect(stored?.state).toMatchObject({ status: 'ok', pending: [] });
    expect(stored?.state.incident).toBeUndefined();
  });

  it('reminds once a day in the thread while an incident lasts', async () => {
    bed = await startAlertBed({ start: at('2026-11-16T08:00:00Z') });
    await bed.create(understoodBelow85, 'long');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-16T09:00:00Z', missRate: 0.4 });
    await bed.runUntil(at('2026-11-18T12:00:00Z'), 20);
    expect(roots(bed)).toHaveLength(1);
    const reminders = replies(bed);
    expect(reminders.length).toBe(2);
    for (const r of reminders) {
      expect(text(r)).toContain('still below 85% since 10:00 on Mon, Nov 16');
      expect(r.body.thread_ts).toBe(bed.postedTs('fire')[0]);
    }
  });
});

describe('an "unusual" alert', () => {
  it("stays quiet through a normal week of the sandbox's rhythm, and fires on an injected jump", async () => {
    bed = await startAlertBed({ start: at('2026-11-02T00:00:00Z') });
    const watch: Array<Pick<AlertInput, 'metric' | 'condition'> & Partial<AlertInput>> = [
      understoodUnusual,
      { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } },
      { metric: { kind: 'cost_per_conversation' }, condition: { kind: 'unusual', direction: 'either' } },
      { metric: { kind: 'total_cost' }, condition: { kind: 'unusual', direction: 'either' } },
      { metric: { kind: 'tokens' }, condition: { kind: 'unusual', direction: 'either' } },
      {
        metric: { kind: 'topic', item: { id: 'shop_returns', label: 'Returns & exchanges' } },
        condition: { kind: 'unusual', direction: 'either' },
      },
      { metric: { kind: 'misunderstood_message', item: { label: 'human please' } }, condition: { kind: 'unusual', direction: 'above' } },
      { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' }, frequency: 'daily' },
      { metric: { kind: 'understood_rate' }, condition: { kind: 'unusual', direction: 'below' }, frequency: 'daily' },
    ];
    for (const [i, w] of watch.entries()) await bed.create(w, `unusual-${i}`);

    // A normal week (each hour compared with the same hour of the 4 weeks before): nothing to say.
    await bed.runUntil(at('2026-11-09T00:30:00Z'), 15);
    expect(bed.posts()).toEqual([]);
    const judged = bed.entries().filter((l) => l.event === 'alert.state' && l.outcome === 'ok').length;
    expect(judged).toBeGreaterThan(7 * 24 * 5); // most checks had enough data to judge, and judged "usual"

    // Monday 11:00–14:00 in Paris the bot starts missing a third of the messages.
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-09T10:00:00Z', until: '2026-11-09T13:00:00Z', missRate: 0.33 });
    await bed.runUntil(at('2026-11-09T17:00:00Z'), 15);
    const fired = roots(bed);
    expect(fired).toHaveLength(1);
    // Two unusual hours in a row: the check of 12:00–13:00 fires, for an incident since 11:00.
    expect(text(fired[0])).toMatch(
      /^Maya Shop Assistant: understood rate unusually low: [\d.]+% between 12:00 and 13:00 on Mon, Nov 9 \(usually 9\d\.\d%\)\.$/,
    );
    expect(blocksText(fired[0])).toContain('*Since*\\n11:00 on Mon, Nov 9');
    expect(blocksText(fired[0])).toContain(
      '“Unusual” = outside the typical range of the same hour on the same weekday over the last 4 weeks',
    );
    expect(replies(bed).map(text)).toEqual(['Maya Shop Assistant: understood rate unusually low is back to normal (it lasted 3 h).']);
  });
});

describe('exactly once', () => {
  it('duplicate ticks and SQS redeliveries of a check post once', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    const a = await bed.create(understoodBelow85, 'dup-a');
    const b = await bed.create({ ...understoodBelow85, condition: { kind: 'threshold', direction: 'below', value: 0.9 } }, 'dup-b');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    const tick = at('2026-11-17T11:20:00Z');
    bed.clock.now = tick;
    // Two overlapping ticks that both saw the alerts due: the same job twice, with the same idempotency key.
    const [job] = alertCheckJobs([a, b], tick);
    const [twin] = alertCheckJobs([b, a], tick);
    expect(twin?.idempotencyKey).toBe(job?.idempotencyKey);
    const body = JSON.stringify(job);
    // Delivered twice in one batch (two messages), then redelivered twice more (SQS at least once).
    const first = await bed.worker({ Records: [sqsRecord(body, 'm1'), sqsRecord(JSON.stringify(twin), 'm2')] });
    const again = await bed.worker({ Records: [sqsRecord(body, 'm1', 2), sqsRecord(body, 'm3')] });
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    // A third job for a different set of the same alerts (an alert added between ticks) is harmless too.
    const [third] = alertCheckJobs([a], tick);
    await bed.worker({ Records: [sqsRecord(JSON.stringify(third), 'm4')] });
    expect(roots(bed)).toHaveLength(2);
    expect(new Set(roots(bed).map((p) => text(p).split(':')[1]))).toEqual(
      new Set([' understood rate below 85%', ' understood rate below 90%']),
    );
    // And the real tick does not queue them again for that window.
    expect((await bed.tick(at('2026-11-17T11:25:00Z'))).jobs).toEqual([]);
  });

  it('a post Slack refuses for a while is retried by the redelivery, once', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    await bed.create(understoodBelow85, 'retry');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    // Slack's fatal_error (HTTP 200, ok: false) is not retried by the Web API client: the job fails, SQS redelivers.
    bed.bot.slack.fail('chat.postMessage', { error: 'fatal_error' });
    const { jobs, result } = await bed.tick(at('2026-11-17T11:20:00Z'));
    expect(result.batchItemFailures).toHaveLength(1);
    expect(bed.posts()).toEqual([]);
    const queued = await bed.alerts.store.get('retry');
    expect(queued?.state).toMatchObject({ status: 'firing', pending: [{ kind: 'fire' }] });
    bed.bot.slack.reset();
    const redelivered = await bed.worker({ Records: [sqsRecord(JSON.stringify(jobs[0]), result.batchItemFailures[0]!.itemIdentifier, 2)] });
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(roots(bed)).toHaveLength(1);
    expect((await bed.alerts.store.get('retry'))?.state).toMatchObject({ pending: [], incident: { threadTs: bed.postedTs('fire')[0] } });
  });
});

describe('missing or partial ChatDash data', () => {
  const faults: Fault[] = [
    { type: 'missing_fields', fields: ['understoodMessages'] },
    { type: 'wrong_shape', fields: ['understoodMessages', 'topMisunderstoodMessages'] },
    { type: 'malformed_json' },
    { type: 'server_error', status: 503 },
    { type: 'rate_limit', retryAfterSeconds: 120 },
  ];

  it('never fires a false alert and never crashes, and a firing alert does not "recover" without data', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T08:00:00Z') });
    await bed.create(understoodBelow85, 'faulty-threshold');
    await bed.create(understoodUnusual, 'faulty-unusual');
    // The data would breach: only the faults keep the alerts from seeing it.
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T09:00:00Z', until: '2026-11-17T20:00:00Z', missRate: 0.4 });
    let hour = Date.parse('2026-11-17T10:20:00Z');
    for (const fault of faults) {
      bed.bot.sandbox.setFault(fault, SHOP);
      const { result } = await bed.tick(new Date(hour));
      expect(result.batchItemFailures).toEqual([]);
      hour += 3_600_000;
    }
    expect(bed.posts()).toEqual([]);
    const reasons = bed
      .entries()
      .filter((l) => l.event === 'alert.state')
      .map((l) => l.reason);
    expect(new Set(reasons)).toEqual(new Set(['metric_unavailable', 'chatdash_failed']));

    // Data comes back: both fire once (the unusual one after two unusual hours).
    bed.bot.sandbox.setFault(undefined, SHOP);
    await bed.runUntil(new Date(hour + 2 * 3_600_000), 20);
    expect(roots(bed)).toHaveLength(2);

    // The incident ends at 20:00, but ChatDash answers without the numbers: no "back to normal" on missing data.
    bed.bot.sandbox.setFault({ type: 'missing_fields', fields: ['understoodMessages'] }, SHOP);
    await bed.runUntil(at('2026-11-17T23:30:00Z'), 20);
    expect(replies(bed)).toEqual([]);
    expect((await bed.alerts.store.get('faulty-threshold'))?.state).toMatchObject({
      status: 'firing',
      last: { outcome: 'unknown', reason: 'metric_unavailable' },
    });

    bed.bot.sandbox.setFault(undefined, SHOP);
    await bed.runUntil(at('2026-11-18T09:30:00Z'), 20);
    expect(replies(bed).map(text)).toEqual([
      expect.stringContaining('understood rate below 85% is back to normal'),
      expect.stringContaining('understood rate unusually low is back to normal'),
    ]);
  });
});

describe('batching', () => {
  it('N alerts on a project cost one ChatDash query per check once the past weeks are kept', async () => {
    bed = await startAlertBed({ start: at('2026-11-10T11:00:00Z') });
    const kinds: Array<Pick<AlertInput, 'metric' | 'condition'>> = [
      understoodBelow85,
      understoodUnusual,
      { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } },
      { metric: { kind: 'cost_per_conversation' }, condition: { kind: 'threshold', direction: 'above', value: 0.5 } },
      { metric: { kind: 'tokens', model: 'gpt-4o-mini' }, condition: { kind: 'unusual', direction: 'above' } },
      { metric: { kind: 'topic', item: { label: 'Size guide' } }, condition: { kind: 'threshold', direction: 'above', value: 500 } },
    ];
    for (const [i, k] of kinds.entries()) await bed.create(k, `batch-${i}`);
    const requests = () => bed!.bot.sandbox.requests.length;

    const first = await bed.tick(at('2026-11-10T12:20:00Z'));
    expect(first.jobs).toHaveLength(1);
    expect(requests()).toBe(5); // the hour, and the same hour of the 4 weeks before (first check only)
    const metrics = (bed.bot.sandbox.requests[0]!.body as { query: Array<{ metrics: string[] }> }).query[0]?.metrics;
    expect(metrics).toEqual(expect.arrayContaining(['understoodMessages', 'conversations', 'totalCost', 'tokens', 'topTopics']));

    // A week later the same hour's check finds the past weeks in the store: one query for all six alerts.
    bed.clock.now = at('2026-11-17T12:00:00Z');
    for (const k of kinds.keys()) {
      const s = (await bed.alerts.store.get(`batch-${k}`))!;
      await bed.alerts.store.saveState(`batch-${k}`, s.state.version, { ...s.state, nextCheckAt: '2026-11-17T12:00:00.000Z' });
    }
    const before = requests();
    const later = await bed.tick(at('2026-11-17T12:20:00Z'));
    expect(later.jobs).toHaveLength(1);
    expect(later.jobs[0]?.alertIds).toHaveLength(6);
    expect(requests() - before).toBe(1);
    expect(
      bed
        .entries()
        .filter(
          (l) => l.event === 'alert.state' && Date.parse(String((l.window as { end: string }).end)) === Date.parse('2026-11-17T12:00:00Z'),
        ),
    ).toHaveLength(6);
  });
});

describe('drill-downs in the alert thread', () => {
  it('a button on the alert, or "@ChatDash misunderstood" (or `intents`) in its thread, answers in the thread', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    await bed.create(understoodBelow85, 'drill');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    await bed.tick(at('2026-11-17T11:20:00Z'));
    const [fireTs] = bed.postedTs('fire');
    expect(fireTs).toBeDefined();

    // The real HTTP handler, signed as Slack signs, queues drill-down jobs; the real worker answers them, on the real
    // clock (ChatDash budgets are counted from it), like any later Lambda invocation. Each answer is a thread reply.
    const answered = async (request: Promise<{ response: { statusCode: number } }>) => {
      expect((await request).response.statusCode).toBe(200);
      await (await bed!.bot.worker())(bed!.bot.drain().event);
      const reply = replies(bed!).at(-1);
      expect(reply?.body.thread_ts).toBe(fireTs);
      return blocksText(reply);
    };
    let asked = 0;
    const mention = (text: string) =>
      bed!.bot.event(
        mentionPayload({
          eventId: `Ev-alert-${++asked}`,
          text,
          ts: `1795635999.00010${asked}`,
          threadTs: fireTs!,
          channel: ALERT_CHANNEL,
        }),
      );

    const misunderstood = await answered(mention('<@U0BOT> what was misunderstood?'));
    expect(misunderstood).toContain('checkout keeps failing');
    expect(misunderstood).toContain('Maya Shop Assistant');

    const buttons = buttonsOf(roots(bed)[0]?.body);
    const click = (view: string) =>
      blockActionsPayload({
        button: buttons.find((e) => e.action_id === `drilldown:${view}`)!,
        messageTs: fireTs!,
        channel: ALERT_CHANNEL,
        responseUrl: bed!.bot.slack.responseUrl(),
        actionTs: `1795636000.00010${++asked}`,
      });
    const topics = await answered(bed.bot.click(click('topics')));
    expect(topics).toContain('Track my parcel');
    // The window once, the date with its year, as a digest's drill-down says its period.
    expect(topics).toContain('"*Tue 11:00–12:00* · Nov 17, 2026 · Europe/Paris"');

    // The intents view too (an understood-rate alert offers it), by button or "@ChatDash intents" in the thread.
    expect(await answered(bed.bot.click(click('intents')))).toContain('order.track');
    expect(await answered(mention('<@U0BOT> intents'))).toContain('order.track');
  });
});

describe('quiet hours', () => {
  it('hold posts back: an incident inside them is never posted, one running past them is posted when they end', async () => {
    bed = await startAlertBed({ start: at('2026-11-16T20:00:00Z') });
    await bed.create({ ...understoodBelow85, quietHours: { start: '22:00', end: '08:00' } }, 'quiet');
    // 01:00–03:00 Paris: inside the quiet hours, with enough volume to judge on this busy night.
    bed.bot.sandbox.setIncident(SHOP, {
      from: '2026-11-17T00:00:00Z',
      until: '2026-11-17T02:00:00Z',
      missRate: 0.5,
      conversationsFactor: 10,
    });
    await bed.runUntil(at('2026-11-17T05:30:00Z'), 20);
    expect(bed.posts()).toEqual([]);
    expect(bed.entries().some((l) => l.event === 'alert.state' && (l.events as string[]).includes('dropped'))).toBe(true);

    // 06:00–10:00 Paris: starts while quiet, posted at the first check after 08:00, "since 06:00".
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T05:00:00Z', until: '2026-11-17T09:00:00Z', missRate: 0.5 });
    await bed.runUntil(at('2026-11-17T12:30:00Z'), 20);
    expect(roots(bed)).toHaveLength(1);
    expect(blocksText(roots(bed)[0])).toContain('*Since*\\n06:00 on Tue, Nov 17');
    const postedAt = bed.entries().find((l) => l.event === 'alert.posted' && l.kind === 'fire')?.time;
    expect(postedAt).toBeDefined();
    expect(replies(bed).map(text)).toEqual(['Maya Shop Assistant: understood rate below 85% is back to normal (it lasted 4 h).']);
  });
});
