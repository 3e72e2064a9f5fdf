/**
 * The metric or condition menu inside the alert modal changed (`alert-form:metric`, `alert-form:condition`:
 * `dispatch_action` selects): the alerts flows (loaded on first use, with the rest of the alerts UI) rebuild the modal
 * in that shape and put it back with `views.update` and the view's hash. Acked first: the update is a Web API call of
 * its own.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../log.ts';
import { reshapeAlertForm } from '../../alerts/flows.ts';
import { ALERT_FORM, ALERT_FORM_ACTION } from '../../alerts/ids.ts';
import type { ListenerContext } from '../context.ts';

export { ALERT_FORM_ACTION };

export type AlertFormActionArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body'> & Pick<AllMiddlewareArgs, 'client'>;

export async function alertFormChanged(ctx: ListenerContext, { ack, body, client }: AlertFormActionArgs): Promise<void> {
  await ack();
  if (body.type !== 'block_actions' || !body.view || body.view.callback_id !== ALERT_FORM) return;
  const { view } = body;
  try {
    await reshapeAlertForm(ctx, client, {
      teamId: body.team?.id ?? body.user.team_id,
      userId: body.user.id,
      view: { id: view.id, hash: view.hash, private_metadata: view.private_metadata, state: view.state },
    });
  } catch (error) {
    // The modal stays as it was: the submission still checks everything, whatever shape it shows.
    ctx.log('error', 'alert.reshape_failed', errorFields(error));
  }
}
