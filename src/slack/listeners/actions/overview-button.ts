/**
 * A click on an agency overview's button (block_actions, `overview:…`): "Full stats" on a project's row
 * (`overview:project:<key>`) or "List them" under the rows or the quiet line (`overview:list:<which>`). Either
 * becomes one `overview` click job; the worker decodes the button's value, checks that this channel may see what
 * it names, and answers in the overview's thread (or to the clicker alone, for an ephemeral overview).
 */
import { OVERVIEW_ACTION } from '../../../overview/action-ids.ts';
import type { ListenerContext } from '../context.ts';
import { enqueue } from '../enqueue.ts';
import { acceptButtonClick, type ButtonClickArgs } from './button-click.ts';

export { OVERVIEW_ACTION };

export type OverviewButtonArgs = ButtonClickArgs;

export async function overviewButton(ctx: ListenerContext, args: OverviewButtonArgs): Promise<void> {
  const click = await acceptButtonClick(ctx, args);
  if (!click) return;
  await enqueue(
    ctx,
    {
      kind: 'overview',
      idempotencyKey: click.idempotencyKey,
      requester: click.requester,
      request: { part: 'click', buttonValue: click.value, threadTs: click.threadTs, ...click.replyTo },
    },
    click.tell,
  );
}
