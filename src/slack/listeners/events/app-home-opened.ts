/**
 * `app_home_opened` on the Home tab: the person's App Home is published (`views.publish`) by the flows module,
 * loaded on first use: their subscriptions, and for admins every subscription and channel binding. The event also
 * fires for the Messages tab, which has nothing to publish.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../log.ts';
import { home } from '../../subscriptions/flows.ts';
import type { ListenerContext } from '../context.ts';

export type AppHomeOpenedArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'>, 'event' | 'body'> & Pick<AllMiddlewareArgs, 'client'>;

export async function appHomeOpened(ctx: ListenerContext, { event, body, client }: AppHomeOpenedArgs): Promise<void> {
  if (event.tab !== 'home' || !ctx.store) return;
  try {
    await home(ctx, client, ctx.store, { userId: event.user, teamId: body.team_id });
  } catch (error) {
    ctx.log('error', 'home.publish_failed', errorFields(error));
  }
}
