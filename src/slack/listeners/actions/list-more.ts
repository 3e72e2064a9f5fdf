/**
 * "Next page" under a `/chatdash subscriptions` list (`list:more`): the list message is replaced by the next page
 * (its value is the store's cursor, checked there: a refused one starts again from the first page).
 */
import { errorFields } from '../../../log.ts';
import { listPage } from '../../subscriptions/flows.ts';
import { LIST_MORE_ACTION } from '../../subscriptions/ids.ts';
import { UI_MESSAGES } from '../../subscriptions/messages.ts';
import type { ListenerContext } from '../context.ts';
import { acceptButtonClick, type ButtonClickArgs } from './button-click.ts';

export { LIST_MORE_ACTION };

export type ListMoreArgs = ButtonClickArgs;

export async function listMore(ctx: ListenerContext, args: ListMoreArgs): Promise<void> {
  const click = await acceptButtonClick(ctx, args);
  if (!click) return;
  const responseUrl = click.replyTo.responseUrl;
  if (!responseUrl || click.value === '') {
    await click.tell(UI_MESSAGES.staleButton);
    return;
  }
  try {
    await listPage(ctx, click.requester, click.value, responseUrl);
  } catch (error) {
    ctx.log('error', 'subscription.list_failed', errorFields(error));
    await click.tell(UI_MESSAGES.storeDown);
  }
}
