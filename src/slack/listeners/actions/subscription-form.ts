/**
 * A change inside the subscribe/edit modal that reshapes it (`form:project`: one project, several or all; `form:frequency`:
 * daily, weekly, monthly or a cron): the modal is rebuilt from what it holds now and put back with `views.update`
 * (the same block ids keep what was typed; the view's hash makes an out-of-date update fail instead of undoing a
 * newer one). Light: no store, only the channel's bindings (what it may see), as on every ack path.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../log.ts';
import { checkChannelAccess } from '../../../store/channel-access.ts';
import { defaultFormValues, readFormState } from '../../subscriptions/form.ts';
import { FORM_ACTION, SUBSCRIPTION_FORM } from '../../subscriptions/ids.ts';
import { UI_MESSAGES } from '../../subscriptions/messages.ts';
import { noticeModal, subscriptionForm } from '../../subscriptions/modal.ts';
import { decodeFormMetadata } from '../../subscriptions/values.ts';
import { ACK_PATH_MS, withinMs } from '../../time-limit.ts';
import type { ListenerContext } from '../context.ts';

export { FORM_ACTION };

export type SubscriptionFormActionArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body'> & Pick<AllMiddlewareArgs, 'client'>;

export async function subscriptionFormChanged(ctx: ListenerContext, { ack, body, client }: SubscriptionFormActionArgs): Promise<void> {
  await ack();
  if (body.type !== 'block_actions' || !body.view || body.view.callback_id !== SUBSCRIPTION_FORM) return;
  const { view } = body;
  const meta = decodeFormMetadata(view.private_metadata);
  const teamId = body.team?.id ?? body.user.team_id;
  let next: ReturnType<typeof subscriptionForm>;
  if (!meta || !teamId || teamId !== meta.team) {
    next = noticeModal('ChatDash', UI_MESSAGES.staleForm);
  } else {
    const access = await checkChannelAccess(
      ctx.config,
      ctx.bindings,
      { teamId, channelId: meta.channel, userId: body.user.id, isDirectMessage: false },
      ctx.log,
    );
    if (!access.ok) {
      next = noticeModal('ChatDash', access.message);
    } else {
      next = subscriptionForm({
        mode: meta.edit ? 'edit' : 'create',
        channel: meta.channel,
        projects: access.projects,
        values: readFormState(view.state?.values, defaultFormValues({ timeZone: ctx.config.defaults.timeZone })),
        metadata: view.private_metadata,
        defaultLocale: ctx.config.defaults.locale,
      });
    }
  }
  try {
    await withinMs(client.views.update({ view_id: view.id, hash: view.hash, view: next }), ACK_PATH_MS.view, 'views.update');
  } catch (error) {
    // hash_conflict: a newer update is on its way (the person changed another menu meanwhile).
    ctx.log('info', 'subscribe.modal_update_failed', errorFields(error));
  }
}
