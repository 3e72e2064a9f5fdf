/**
 * "Next page" under a `/chatdash subscriptions` list (`list:more`): the list message is replaced by the next page
 * (its value is the store's cursor, checked there: a refused one starts again from the first page).
 */

import { notice } from '../../messages.ts';
import { channelList } from '../../subscriptions/flows.ts';
import { LIST_MORE_ACTION } from '../../subscriptions/ids.ts';
import { UI_MESSAGES } from '../../subscriptions/messages.ts';
import type { ListenerContext } from '../context.ts';
import type { ButtonClickArgs } from './button-click.ts';
import { type ListPager, nextListPage } from './next-page.ts';

export { LIST_MORE_ACTION };

export type ListMoreArgs = ButtonClickArgs;

/** The subscriptions' list, page by page. */
export const SUBSCRIPTION_PAGES: ListPager = {
  scope: 'subscription',
  page: async (ctx, requester, cursor) =>
    ctx.store ? channelList(ctx, ctx.store, requester, cursor ? { cursor } : {}) : notice(UI_MESSAGES.noStore),
  messages: UI_MESSAGES,
};

export const listMore = (ctx: ListenerContext, args: ListMoreArgs): Promise<void> => nextListPage(ctx, args, SUBSCRIPTION_PAGES);
