/**
 * "Next page" under a list message (`/chatdash subscriptions`, `/chatdash alerts`): the message is replaced, through
 * the click's response_url, by the page the button's value names (a cursor, checked by whoever reads it: a refused or
 * forged one gets the first page again). Each list names how it pages (`ListPager`); the click handling is this one.
 */

import type { Requester } from '../../../jobs/schema.ts';
import { errorFields } from '../../../log.ts';
import type { EphemeralMessage } from '../../messages.ts';
import { respondTo, type UiScope } from '../../ui-replies.ts';
import type { ListenerContext } from '../context.ts';
import { acceptButtonClick, type ButtonClickArgs } from './button-click.ts';

export interface ListPager {
  /** Logged as `<scope>.list_failed`, `<scope>.respond_failed`. */
  scope: UiScope;
  /** The list's page at `cursor` (undefined: the first); throws when it can't be read (a refused cursor included). */
  page(ctx: ListenerContext, requester: Requester, cursor?: string): Promise<EphemeralMessage>;
  /** What the clicker is told (safe mrkdwn): a button without a value or response_url; the store not answering. */
  messages: { staleButton: string; storeDown: string };
}

export async function nextListPage(ctx: ListenerContext, args: ButtonClickArgs, pager: ListPager): Promise<void> {
  const click = await acceptButtonClick(ctx, args);
  if (!click) return;
  const responseUrl = click.replyTo.responseUrl;
  if (!responseUrl || click.value === '') return click.tell(pager.messages.staleButton);
  let message: EphemeralMessage;
  try {
    message = await pager.page(ctx, click.requester, click.value);
  } catch (error) {
    ctx.log('warn', `${pager.scope}.list_failed`, errorFields(error));
    try {
      // A cursor refused (the list changed meanwhile, or it was forged): the first page again.
      message = await pager.page(ctx, click.requester);
    } catch (again) {
      ctx.log('error', `${pager.scope}.list_failed`, errorFields(again));
      return click.tell(pager.messages.storeDown);
    }
  }
  await respondTo(ctx, responseUrl, { ...message, replace_original: true }, pager.scope);
}
