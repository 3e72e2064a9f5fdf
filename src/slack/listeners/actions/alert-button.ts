/**
 * A click on an alert's button (`alert:<op>`), in a `/chatdash alerts` list or on the App Home: **Mute 24 h** /
 * **Unmute**, **Pause** / **Resume**, **Delete** and **Edit** (which opens the modal: 3 s from the click) are done by
 * the alerts flows, loaded on first use, which check that this person may (owner or admin) and answer a refusal to
 * them alone. **Add recommended alerts** (on a connect or subscribe confirmation) creates the recommended alerts the
 * channel doesn't have yet, and says so to the clicker.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { textMessage } from '../../../digest/blocks.ts';
import { errorFields } from '../../../log.ts';
import { type AlertClick, addRecommended, manageAlertClick } from '../../alerts/flows.ts';
import { ALERT_ACTION, alertOpOfActionId } from '../../alerts/ids.ts';
import { ALERT_UI_MESSAGES } from '../../alerts/messages.ts';
import { decodeAlertButton, decodeRecommend } from '../../alerts/values.ts';
import { home, respondTo } from '../../ui-replies.ts';
import type { ListenerContext } from '../context.ts';
import { acceptButtonClick } from './button-click.ts';

export { ALERT_ACTION };

export type AlertButtonArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body' | 'action' | 'respond'> & Pick<AllMiddlewareArgs, 'client'>;

export async function alertButton(ctx: ListenerContext, args: AlertButtonArgs): Promise<void> {
  const { body, action, client } = args;
  const actionId = 'action_id' in action ? action.action_id : '';
  const raw = action.type === 'button' ? (action.value ?? '') : '';
  const op = alertOpOfActionId(actionId);
  const triggerId = 'trigger_id' in body ? String(body.trigger_id) : '';
  let where: AlertClick['where'];
  let teamId: string | undefined;
  let tell: (text: string) => Promise<void>;
  if (body.type === 'block_actions' && body.container?.type === 'view') {
    // From the App Home: no channel.
    await args.ack();
    teamId = body.team?.id ?? body.user.team_id;
    if (!teamId || action.type !== 'button') return;
    const who = { userId: body.user.id, teamId };
    where = { kind: 'home' };
    tell = async (text) => {
      if (ctx.store) await home(ctx, client, ctx.store, who, { notice: `:warning: ${text}` });
    };
  } else {
    const accepted = await acceptButtonClick(ctx, args);
    if (!accepted) return;
    teamId = accepted.requester.teamId;
    where = { kind: 'list', channel: accepted.requester.channelId, responseUrl: accepted.replyTo.responseUrl };
    tell = accepted.tell;
  }
  const userId = body.user.id;
  try {
    if (op === 'recommend') {
      const value = decodeRecommend(raw);
      if (!value) return await tell(ALERT_UI_MESSAGES.staleButton);
      const said = await addRecommended(ctx, client, { value, userId, teamId });
      if (where.kind === 'list' && where.responseUrl) {
        await respondTo(ctx, where.responseUrl, { response_type: 'ephemeral', replace_original: false, ...textMessage(said) }, 'alert');
      } else await tell(said);
      return;
    }
    const value = decodeAlertButton(raw);
    if (!op || !value) return await tell(ALERT_UI_MESSAGES.staleButton);
    await manageAlertClick(ctx, client, { op, value, userId, teamId, triggerId, where });
  } catch (error) {
    ctx.log('error', 'alert.click_failed', errorFields(error));
    await tell(ALERT_UI_MESSAGES.storeDown).catch(() => undefined);
  }
}
