/** A link button click ("Open in ChatDash"), handled by its listener alone: acked, and nothing else happens. */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_LINK_ACTION_ID } from '../../../../src/digest/link-action.ts';
import { DRILLDOWN_ACTION } from '../../../../src/slack/listeners/actions/drilldown-button.ts';
import { LINK_ACTION, type LinkButtonArgs, linkButtonClick } from '../../../../src/slack/listeners/actions/link-button.ts';
import { listenerContext, recorder } from '../../../support/listeners.ts';

describe('linkButtonClick', () => {
  it('listens to every link: action id, the dashboard link\u2019s included, and to no drill-down', () => {
    expect(LINK_ACTION.test(DASHBOARD_LINK_ACTION_ID)).toBe(true);
    expect(DRILLDOWN_ACTION.test(DASHBOARD_LINK_ACTION_ID)).toBe(false);
    expect(LINK_ACTION.test('drilldown:topics')).toBe(false);
  });

  it('acks once; no job, no log line', async () => {
    const ctx = listenerContext();
    const ack = recorder();
    await linkButtonClick(ctx, { ack } as unknown as LinkButtonArgs);
    expect(ack.calls).toEqual([undefined]);
    expect(ctx.jobs()).toEqual([]);
    expect(ctx.logged.lines).toEqual([]);
  });
});
