/**
 * "Next page" under a section of the App Home (`home:more`): the Home is published again with that section at the
 * page the button names (a store cursor, checked there).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../log.ts';
import { HOME_MORE_ACTION } from '../../home/page.ts';
import { decodeHomePage } from '../../home/page-value.ts';
import { home } from '../../subscriptions/flows.ts';
import type { ListenerContext } from '../context.ts';

export { HOME_MORE_ACTION };

export type HomeMoreArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body' | 'action'> & Pick<AllMiddlewareArgs, 'client'>;

export async function homeMore(ctx: ListenerContext, { ack, body, action, client }: HomeMoreArgs): Promise<void> {
  await ack();
  if (body.type !== 'block_actions' || action.type !== 'button' || !ctx.store) return;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!teamId) return;
  const page = decodeHomePage(action.value ?? '');
  try {
    await home(ctx, client, ctx.store, { userId: body.user.id, teamId }, page ? { pages: { [page.section]: page.cursor } } : {});
  } catch (error) {
    ctx.log('error', 'home.publish_failed', errorFields(error));
  }
}
