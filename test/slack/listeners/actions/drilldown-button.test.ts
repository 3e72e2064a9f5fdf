/** A drill-down button click, handled by its listener alone: ack first, then one job, or one ephemeral answer. */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../../src/config/access.ts';
import { DRILLDOWN_ACTION, drilldownButton } from '../../../../src/slack/listeners/actions/drilldown-button.ts';
import { COULD_NOT_START, STALE_BUTTON } from '../../../../src/slack/messages.ts';
import { buttonClick, failingQueue, listenerContext } from '../../../support/listeners.ts';
import { requester } from '../../../support/payloads.ts';

const COSTS = { action_id: 'drilldown:costs', value: '{"v":1,"opaque":true}' };

const click = (options: Parameters<typeof buttonClick>[1] = {}) => buttonClick(COSTS, options);

describe('drilldownButton', () => {
  it('listens to every drilldown: action id', () => {
    expect(DRILLDOWN_ACTION.test('drilldown:topics')).toBe(true);
    expect(DRILLDOWN_ACTION.test('other:topics')).toBe(false);
  });

  it('acks, then queues one drill-down job keyed by message, action and user', async () => {
    const ctx = listenerContext();
    const { ack, respond, args } = click();
    await drilldownButton(ctx, args);
    expect(ack.calls).toEqual([undefined]);
    expect(respond.calls).toEqual([]);
    expect(ctx.jobs()).toEqual([
      {
        kind: 'drilldown',
        idempotencyKey: 'action:1732550000.000100:1732550001.000200:U0ALICE',
        requester: requester(),
        buttonValue: COSTS.value,
        view: 'costs',
        threadTs: '1732550000.000100',
        responseUrl: 'https://hooks.slack.test/a/1',
      },
    ]);
  });

  it('a click on an ephemeral message marks the job ephemeral', async () => {
    const ctx = listenerContext();
    await drilldownButton(ctx, click({ ephemeral: true }).args);
    expect(ctx.jobs()).toMatchObject([{ ephemeral: true }]);
  });

  it('a button it does not know gets the "older version" answer and no job', async () => {
    const ctx = listenerContext();
    const { ack, respond, args } = buttonClick({ action_id: 'drilldown:weather', value: 'x' });
    await drilldownButton(ctx, args);
    expect(ack.calls).toHaveLength(1);
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON }]);
    expect(ctx.jobs()).toEqual([]);
  });

  it('a click from a workspace that is not configured is refused at once', async () => {
    const ctx = listenerContext();
    const { respond, args } = click({ team: 'T0OTHER' });
    await drilldownButton(ctx, args);
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: ACCESS_MESSAGES.workspace }]);
    expect(ctx.jobs()).toEqual([]);
  });

  it('when the queue refuses the job, the clicker hears "try again" through respond', async () => {
    const ctx = listenerContext({ queue: failingQueue });
    const { respond, args } = click();
    await drilldownButton(ctx, args);
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_START }]);
    expect(ctx.logged.events('queue.send_failed')).toEqual([expect.objectContaining({ kind: 'drilldown' })]);
  });
});
