/**
 * The alert modal submitted (`view_submission`, callback `alert:form`): the alerts flows (loaded on first use) check
 * and save it. The ack carries the outcome: nothing (the modal closes), `response_action: errors` keyed by the input
 * blocks (what to fix, inline), or `update` with a short view saying why it can't be saved (not yours, deleted or
 * changed meanwhile). Then, after the ack, the channel is told and the list or App Home the person came from is
 * refreshed.
 */

import { errorFields } from '../../../log.ts';
import { type AlertFormOutcome, submitAlertForm } from '../../alerts/flows.ts';
import { ALERT_FORM } from '../../alerts/ids.ts';
import { ALERT_UI_MESSAGES } from '../../alerts/messages.ts';
import { noticeModal } from '../../subscriptions/modal.ts';
import type { ListenerContext } from '../context.ts';
import type { ViewListenerArgs } from './index.ts';

export { ALERT_FORM };

export type AlertFormArgs = Pick<ViewListenerArgs, 'ack' | 'body' | 'view' | 'client'>;

export async function alertFormSubmitted(ctx: ListenerContext, { ack, body, view, client }: AlertFormArgs): Promise<void> {
  let outcome: AlertFormOutcome;
  try {
    outcome = await submitAlertForm(ctx, client, {
      teamId: body.team?.id ?? body.user.team_id,
      userId: body.user.id,
      view: { private_metadata: view.private_metadata, state: view.state, blocks: view.blocks },
    });
  } catch (error) {
    ctx.log('error', 'alert.submit_failed', errorFields(error));
    outcome = { ack: { response_action: 'update', view: noticeModal('Not saved', ALERT_UI_MESSAGES.storeDown) } };
  }
  await ack(outcome.ack);
  if (outcome.after) {
    await outcome.after().catch((error: unknown) => ctx.log('error', 'alert.after_save_failed', errorFields(error)));
  }
}
