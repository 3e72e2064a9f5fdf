/** What every message-button click goes through: the ack, the thread, the access rules, the idempotency key. */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../../src/config/access.ts';
import { acceptButtonClick } from '../../../../src/slack/listeners/actions/button-click.ts';
import { STALE_BUTTON } from '../../../../src/slack/messages.ts';
import { buttonClick, listenerContext } from '../../../support/listeners.ts';
import { requester } from '../../../support/payloads.ts';

const BUTTON = { action_id: 'drilldown:topics', value: 'x'.repeat(2500) };

describe('acceptButtonClick', () => {
  it('acks and gives who clicked where, the value cut to Slack\u2019s 2,000 characters, and a key per message, action and user', async () => {
    const { ack, respond, args } = buttonClick(BUTTON);
    const click = await acceptButtonClick(listenerContext(), args);
    expect(ack.calls).toEqual([undefined]);
    expect(respond.calls).toEqual([]);
    expect(click).toMatchObject({
      requester: requester(),
      actionId: 'drilldown:topics',
      threadTs: '1732550000.000100',
      idempotencyKey: 'action:1732550000.000100:1732550001.000200:U0ALICE',
      replyTo: { responseUrl: 'https://hooks.slack.test/a/1' },
    });
    expect(click?.value).toHaveLength(2000);
    await click?.tell('hello');
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: 'hello' }]);
  });

  it('a click inside a thread answers in that thread', async () => {
    const { args } = buttonClick(BUTTON);
    (args.body as { message: Record<string, unknown> }).message.thread_ts = '1732549000.000001';
    expect((await acceptButtonClick(listenerContext(), args))?.threadTs).toBe('1732549000.000001');
  });

  it('a click with no message to answer in is a stale button; a DM of someone who is not an admin is refused', async () => {
    const stale = buttonClick(BUTTON);
    const body = stale.args.body as { message?: unknown; container: { message_ts?: string } };
    delete body.message;
    delete body.container.message_ts;
    expect(await acceptButtonClick(listenerContext(), stale.args)).toBeUndefined();
    expect(stale.respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON }]);

    const dm = buttonClick(BUTTON, { channel: 'D0ALICE' });
    expect(await acceptButtonClick(listenerContext(), dm.args)).toBeUndefined();
    expect(dm.respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: ACCESS_MESSAGES.dm_not_admin }]);
  });
});
