/**
 * A click on a digest's drill-down button (block_actions, `drilldown:<view>`): becomes one `drilldown` job; the
 * worker posts the reply in the digest's thread. The job's idempotency key (message, action, user) is stable across
 * Slack's retries and SQS redeliveries, so one click yields one reply.
 */
import { viewOfActionId } from '../../../digest/drilldown-views.ts';
import { STALE_BUTTON } from '../../messages.ts';
import type { ListenerContext } from '../context.ts';
import { enqueue } from '../enqueue.ts';
import { acceptButtonClick, type ButtonClickArgs } from './button-click.ts';

/** The action ids of every drill-down button. */
export const DRILLDOWN_ACTION = /^drilldown:/;

export type DrilldownButtonArgs = ButtonClickArgs;

export async function drilldownButton(ctx: ListenerContext, args: DrilldownButtonArgs): Promise<void> {
  const click = await acceptButtonClick(ctx, args);
  if (!click) return;
  const view = viewOfActionId(click.actionId);
  if (!view) {
    await click.tell(STALE_BUTTON);
    return;
  }
  await enqueue(
    ctx,
    {
      kind: 'drilldown',
      idempotencyKey: click.idempotencyKey,
      requester: click.requester,
      buttonValue: click.value,
      view,
      threadTs: click.threadTs,
      ...click.replyTo,
    },
    click.tell,
  );
}
