/** An overview button click ("Full stats", "List them"), handled by its listener alone: ack first, then one job, or one answer. */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../../src/config/access.ts';
import { listActionId, projectActionId } from '../../../../src/overview/action-ids.ts';
import { DRILLDOWN_ACTION } from '../../../../src/slack/listeners/actions/drilldown-button.ts';
import { LINK_ACTION } from '../../../../src/slack/listeners/actions/link-button.ts';
import { OVERVIEW_ACTION, overviewButton } from '../../../../src/slack/listeners/actions/overview-button.ts';
import { COULD_NOT_START } from '../../../../src/slack/messages.ts';
import { buttonClick, failingQueue, listenerContext } from '../../../support/listeners.ts';
import { requester } from '../../../support/payloads.ts';

const FULL_STATS = { action_id: projectActionId('nova'), value: '{"v":1,"o":"p","opaque":true}' };
const LIST_QUIET = { action_id: listActionId('quiet'), value: '{"v":1,"o":"l","opaque":true}' };

describe('overviewButton', () => {
  it('listens to both overview buttons, and to nothing another listener takes', () => {
    for (const id of [projectActionId('nova'), listActionId('more'), listActionId('quiet')]) {
      expect(OVERVIEW_ACTION.test(id), id).toBe(true);
      expect(DRILLDOWN_ACTION.test(id) || LINK_ACTION.test(id), id).toBe(false);
    }
    expect(OVERVIEW_ACTION.test('drilldown:topics')).toBe(false);
  });

  it.each([
    ['Full stats', FULL_STATS],
    ['List them', LIST_QUIET],
  ])('%s: acks, then queues one overview click job keyed by message, action and user, the value untouched', async (_, button) => {
    const ctx = listenerContext();
    const { ack, respond, args } = buttonClick(button, { channel: 'C0AGENCY' });
    await overviewButton(ctx, args);
    expect(ack.calls).toEqual([undefined]);
    expect(respond.calls).toEqual([]);
    expect(ctx.jobs()).toEqual([
      {
        kind: 'overview',
        idempotencyKey: 'action:1732550000.000100:1732550001.000200:U0ALICE',
        requester: requester({ channelId: 'C0AGENCY' }),
        request: { part: 'click', buttonValue: button.value, threadTs: '1732550000.000100', responseUrl: 'https://hooks.slack.test/a/1' },
      },
    ]);
  });

  it('a click on an ephemeral overview (the /chatdash overview answer) marks the job ephemeral', async () => {
    const ctx = listenerContext();
    await overviewButton(ctx, buttonClick(FULL_STATS, { ephemeral: true }).args);
    expect(ctx.jobs()).toMatchObject([{ request: { part: 'click', ephemeral: true } }]);
  });

  it('a click from a workspace that is not configured is refused at once, with no job', async () => {
    const ctx = listenerContext();
    const { respond, args } = buttonClick(FULL_STATS, { team: 'T0OTHER' });
    await overviewButton(ctx, args);
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: ACCESS_MESSAGES.workspace }]);
    expect(ctx.jobs()).toEqual([]);
  });

  it('when the queue refuses the job, the clicker hears "try again" through respond, and it is logged', async () => {
    const ctx = listenerContext({ queue: failingQueue });
    const { respond, args } = buttonClick(LIST_QUIET);
    await overviewButton(ctx, args);
    expect(respond.calls).toEqual([{ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_START }]);
    expect(ctx.logged.events('queue.send_failed')).toEqual([expect.objectContaining({ kind: 'overview' })]);
  });
});
