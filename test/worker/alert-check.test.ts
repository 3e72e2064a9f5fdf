/**
 * The `alert_check` job on the real worker (tick → queue → worker, Slack double, ChatDash sandbox, in-memory alert
 * stores) where a channel's bindings can't be read just then: the job checks the alerts it can, then fails, so SQS
 * retries it for the same window; the retry checks the others, once, and posts nothing twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BindingsReader } from '../../src/store/store.ts';
import { userActor } from '../../src/store/store.ts';
import { ALERT_CHANNEL, type AlertBed, SHOP, startAlertBed, UNDERSTOOD_BELOW_85 } from '../support/alerts.ts';
import { postsTo } from '../support/slack-messages.ts';

const at = (iso: string) => new Date(iso);
const understoodBelow85 = UNDERSTOOD_BELOW_85;

let bed: AlertBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

/** The windows each alert applied, from the worker's `alert.state` lines. */
const appliedWindows = (b: AlertBed, id: string) =>
  b
    .entries()
    .filter((l) => l.event === 'alert.state' && l.alertId === id)
    .map((l) => (l.window as { end: string }).end);

describe('alert_check when a channel’s bindings cannot be read', () => {
  it('checks the other alerts, fails the job, and its retry checks the window once for the rest, posting once', async () => {
    bed = await startAlertBed({ start: at('2026-11-17T09:00:00Z') });
    const b = bed;
    await b.bot.store.bindChannel('C0NEWSHOP', 'shop', userActor('U0ADMIN'));
    await b.create({ ...understoodBelow85, channelId: 'C0NEWSHOP' }, 'runtime-bound');
    await b.create(understoodBelow85, 'configured');
    await b.runUntil(at('2026-11-17T10:30:00Z'), 20);
    expect(appliedWindows(b, 'runtime-bound')).toContain('2026-11-17T09:00:00.000Z');

    // From 10:00 the shop misses 40 %: the 10:00–11:00 window fires both alerts.
    b.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    const unreadable = { now: true };
    const store = b.bot.store;
    const flaky: BindingsReader = {
      bindingsOf: async (channel) => {
        if (unreadable.now) throw new Error('DynamoDB Query failed: ProvisionedThroughputExceededException');
        return store.bindingsOf(channel);
      },
    };
    const deps = { ...(await b.bot.deps({ alerts: b.alerts, now: () => b.clock.now })), store: { ...store, ...flaky } };
    const worker = await b.bot.worker({ deps, once: b.alerts.once });

    b.clock.now = at('2026-11-17T11:20:00Z');
    await b.schedule({ time: b.clock.now.toISOString() });
    const delivery = b.queue.drain();
    expect(delivery.Records).toHaveLength(1);
    const first = await worker(delivery);

    // The job fails (SQS retries it, then dead-letters it: the admins hear of it) after checking what it could.
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: delivery.Records[0]!.messageId }]);
    expect(b.entries().filter((l) => l.event === 'job.failed')).toEqual([
      expect.objectContaining({ kind: 'alert_check', errorMessage: expect.stringContaining('1 of 2 alerts were not checked') }),
    ]);
    expect(appliedWindows(b, 'configured')).toContain('2026-11-17T11:00:00.000Z');
    expect(appliedWindows(b, 'runtime-bound')).not.toContain('2026-11-17T11:00:00.000Z');
    expect((await b.alerts.store.get('runtime-bound'))?.definition.paused).toBe(false);
    expect(postsTo(b.bot.slack, ALERT_CHANNEL)).toHaveLength(1);
    expect(postsTo(b.bot.slack, 'C0NEWSHOP')).toEqual([]);

    // The retry, with the table readable again: the window is checked once for each alert, each fire posted once.
    unreadable.now = false;
    const retry = await worker({ Records: delivery.Records });
    expect(retry.batchItemFailures).toEqual([]);
    expect(appliedWindows(b, 'runtime-bound').filter((end) => end === '2026-11-17T11:00:00.000Z')).toHaveLength(1);
    expect(appliedWindows(b, 'configured').filter((end) => end === '2026-11-17T11:00:00.000Z')).toHaveLength(1);
    expect(postsTo(b.bot.slack, 'C0NEWSHOP')).toHaveLength(1);
    expect(postsTo(b.bot.slack, ALERT_CHANNEL)).toHaveLength(1);
    expect((await b.alerts.store.get('runtime-bound'))?.state).toMatchObject({ status: 'firing', pending: [] });
  });
});
