/**
 * The subscribe/edit modal submitted (`view_submission`, callback `subscription:form`): the flows module (loaded on
 * first use) checks and saves it through the subscriptions service. The ack carries the outcome: nothing (the modal
 * closes), `response_action: errors` keyed by the input blocks (what to fix, inline), or `update` with a short view
 * saying why it can't be saved (not yours any more, deleted or changed meanwhile). Then, after the ack, the channel is
 * told and the list or App Home the person came from is refreshed.
 */
import { errorFields } from '../../../log.ts';
import { type FormOutcome, submitForm } from '../../subscriptions/flows.ts';
import { SUBSCRIPTION_FORM } from '../../subscriptions/ids.ts';
import { UI_MESSAGES } from '../../subscriptions/messages.ts';
import { noticeModal } from '../../subscriptions/modal.ts';
import type { ListenerContext } from '../context.ts';
import type { ViewListenerArgs } from './index.ts';

export { SUBSCRIPTION_FORM };

export type SubscriptionFormArgs = Pick<ViewListenerArgs, 'ack' | 'body' | 'view' | 'client'>;

export async function subscriptionFormSubmitted(ctx: ListenerContext, { ack, body, view, client }: SubscriptionFormArgs): Promise<void> {
  let outcome: FormOutcome;
  try {
    outcome = await submitForm(ctx, client, {
      teamId: body.team?.id ?? body.user.team_id,
      userId: body.user.id,
      view: { private_metadata: view.private_metadata, state: view.state },
    });
  } catch (error) {
    ctx.log('error', 'subscription.submit_failed', errorFields(error));
    outcome = { ack: { response_action: 'update', view: noticeModal('Not saved', UI_MESSAGES.storeDown) } };
  }
  await ack(outcome.ack);
  if (outcome.after) {
    await outcome.after().catch((error: unknown) => ctx.log('error', 'subscription.after_save_failed', errorFields(error)));
  }
}
