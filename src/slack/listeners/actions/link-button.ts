/**
 * A click on a link button ("Open in ChatDash"): Slack opens the link itself but still sends block_actions, which
 * must be acked (an action nobody handles gets a 404, and Slack shows a warning icon). Ack, nothing else.
 */
import type { SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../context.ts';

/** The action ids of every link button (`DASHBOARD_LINK_ACTION_ID` in `src/digest/link-action.ts` is one). */
export const LINK_ACTION = /^link:/;

export type LinkButtonArgs = Pick<SlackActionMiddlewareArgs, 'ack'>;

export async function linkButtonClick(_ctx: ListenerContext, { ack }: LinkButtonArgs): Promise<void> {
  await ack();
}
