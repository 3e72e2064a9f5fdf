/**
 * "Next page" under a `/chatdash alerts` list (`alert-list:more`): the list message is replaced by the next page (its
 * value is a cursor on the channel's listing, zod-checked and bound to that channel: a refused one gets the first page).
 */

import type { Requester } from '../../../jobs/schema.ts';
import { alertChannelList } from '../../alerts/flows.ts';
import { ALERT_LIST_MORE_ACTION } from '../../alerts/ids.ts';
import { ALERT_UI_MESSAGES } from '../../alerts/messages.ts';
import { type EphemeralMessage, notice } from '../../messages.ts';
import type { ListenerContext } from '../context.ts';
import type { ButtonClickArgs } from './button-click.ts';
import { type ListPager, nextListPage } from './next-page.ts';

export { ALERT_LIST_MORE_ACTION };

/** The page of the requester's channel's alerts `cursor` names (the first without one). */
async function alertPage(ctx: ListenerContext, requester: Requester, cursor?: string): Promise<EphemeralMessage> {
  if (!ctx.alerts) return notice(ALERT_UI_MESSAGES.noStore);
  return alertChannelList(ctx, ctx.alerts, requester, { cursor });
}

/** The alerts' list, page by page. */
export const ALERT_PAGES: ListPager = { scope: 'alert', page: alertPage, messages: ALERT_UI_MESSAGES };

export const alertListMore = (ctx: ListenerContext, args: ButtonClickArgs): Promise<void> => nextListPage(ctx, args, ALERT_PAGES);
