/** An @mention, handled by its listener alone: one job keyed by Slack's event_id, or an ephemeral "try again". */
import { describe, expect, it } from 'vitest';
import { type AppMentionArgs, appMention } from '../../../../src/slack/listeners/events/app-mention.ts';
import { COULD_NOT_START } from '../../../../src/slack/messages.ts';
import { failingQueue, fakeClient, listenerContext } from '../../../support/listeners.ts';
import { mentionPayload, requester } from '../../../support/payloads.ts';

function mention(options: Partial<Parameters<typeof mentionPayload>[0]> = {}) {
  const body = mentionPayload({ eventId: 'Ev0M1', text: '<@U0BOT> costs please', ts: '1732551000.000100', ...options });
  const { client, calls } = fakeClient();
  return { calls, args: { event: body.event, body, client } as unknown as AppMentionArgs };
}

describe('appMention', () => {
  it('in a thread: one drill-down job for the thread, keyed by the event id', async () => {
    const ctx = listenerContext();
    const { calls, args } = mention({ threadTs: '1732550000.000001' });
    await appMention(ctx, args);
    expect(ctx.jobs()).toEqual([
      {
        kind: 'drilldown',
        idempotencyKey: 'event:Ev0M1',
        requester: requester(),
        view: 'costs',
        threadTs: '1732550000.000001',
        inThread: true,
      },
    ]);
    expect(calls).toEqual([]);
  });

  it('reads the view from the words, intents included', async () => {
    const ctx = listenerContext();
    await appMention(ctx, mention({ text: '<@U0BOT> which intents matched?', threadTs: '1732550000.000001' }).args);
    expect(ctx.jobs()).toEqual([expect.objectContaining({ view: 'intents', threadTs: '1732550000.000001', inThread: true })]);
  });

  it('outside a thread, or asking for nothing it knows: a job all the same (the worker answers with a how-to)', async () => {
    const ctx = listenerContext();
    await appMention(ctx, mention({ text: '<@U0BOT> hello' }).args);
    expect(ctx.jobs()).toEqual([expect.objectContaining({ threadTs: '1732551000.000100', inThread: false })]);
  });

  it('when the queue refuses the job: an ephemeral "try again" in the thread', async () => {
    const ctx = listenerContext({ queue: failingQueue });
    const { calls, args } = mention({ threadTs: '1732550000.000001' });
    await appMention(ctx, args);
    expect(calls).toEqual([
      {
        method: 'chat.postEphemeral',
        args: { channel: 'C0ACME', user: 'U0ALICE', thread_ts: '1732550000.000001', text: COULD_NOT_START },
      },
    ]);
  });

  it('an event without a user is ignored', async () => {
    const ctx = listenerContext();
    await appMention(ctx, mention({ user: '' }).args);
    expect(ctx.jobs()).toEqual([]);
  });
});
