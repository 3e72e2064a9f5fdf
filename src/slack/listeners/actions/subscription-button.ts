/**
 * A click on a subscription's button (`subscription:<op>`), in a `/chatdash subscriptions` list or on the App Home.
 * **Send now** becomes one `send_now` job (keyed by the click, so Slack's retries post once; the worker re-checks who
 * may, and says how it went through the click's response_url, or a DM from the App Home). **Pause**, **Resume**,
 * **Delete** and **Edit** (which opens the modal: 3 s from the click) are done by the flows module, loaded on first
 * use, which checks again that this person may (owner or admin) and answers a refusal to them alone.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Requester } from '../../../jobs/schema.ts';
import { errorFields } from '../../../log.ts';
import { HOME_CHANNEL_ID } from '../../home/page.ts';
import { home, manageClick } from '../../subscriptions/flows.ts';
import { opOfActionId, SUBSCRIPTION_ACTION, type SubscriptionOp } from '../../subscriptions/ids.ts';
import { UI_MESSAGES } from '../../subscriptions/messages.ts';
import { type ButtonValue, decodeButtonValue } from '../../subscriptions/values.ts';
import type { ListenerContext } from '../context.ts';
import { enqueue } from '../enqueue.ts';
import { acceptButtonClick } from './button-click.ts';

export { SUBSCRIPTION_ACTION };

export type SubscriptionButtonArgs = Pick<SlackActionMiddlewareArgs, 'ack' | 'body' | 'action' | 'respond'> &
  Pick<AllMiddlewareArgs, 'client'>;

/** A click, wherever it was: who, the op and its subscription, and how to answer. */
interface Click {
  requester: Requester;
  idempotencyKey: string;
  op: SubscriptionOp | undefined;
  value: ButtonValue | undefined;
  triggerId: string;
  where: { kind: 'list'; channel: string; responseUrl?: string | undefined } | { kind: 'home' };
  tell(text: string): Promise<void>;
}

export async function subscriptionButton(ctx: ListenerContext, args: SubscriptionButtonArgs): Promise<void> {
  const click = await readClick(ctx, args);
  if (!click) return;
  if (!click.op || !click.value) {
    await click.tell(UI_MESSAGES.staleButton);
    return;
  }
  if (click.op === 'send_now') {
    await enqueue(
      ctx,
      {
        kind: 'send_now',
        idempotencyKey: click.idempotencyKey,
        subscription: click.value.id,
        source: click.value.s,
        requester: click.requester,
        requestedAt: ctx.now().toISOString(),
        ...(click.where.kind === 'list' && click.where.responseUrl ? { responseUrl: click.where.responseUrl } : {}),
      },
      click.tell,
    );
    return;
  }
  try {
    await manageClick(ctx, args.client, {
      op: click.op,
      value: click.value,
      userId: click.requester.userId,
      teamId: click.requester.teamId,
      triggerId: click.triggerId,
      where: click.where,
    });
  } catch (error) {
    ctx.log('error', 'subscription.click_failed', errorFields(error));
    await click.tell(UI_MESSAGES.storeDown).catch(() => undefined);
  }
}

/** Acks, then reads the click: from a message in a channel (access rules applied), or from the App Home. */
async function readClick(ctx: ListenerContext, args: SubscriptionButtonArgs): Promise<Click | undefined> {
  const { body, action } = args;
  const actionId = 'action_id' in action ? action.action_id : '';
  const value = decodeButtonValue(action.type === 'button' ? (action.value ?? '') : '');
  const triggerId = 'trigger_id' in body ? String(body.trigger_id) : '';
  const op = opOfActionId(actionId);
  if (body.type === 'block_actions' && body.container?.type === 'view') {
    await args.ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!teamId || action.type !== 'button') return undefined;
    // From the App Home: no channel (Send now there is for owners and admins, who are the only ones shown its button).
    const requester: Requester = { teamId, channelId: HOME_CHANNEL_ID, userId: body.user.id, isDirectMessage: true };
    const tell = async (text: string) => {
      if (ctx.store) await home(ctx, args.client, ctx.store, { userId: body.user.id, teamId }, { notice: `:warning: ${text}` });
    };
    const viewId = body.view?.id ?? 'home';
    const idempotencyKey = `action:${viewId}:${body.actions[0]?.action_ts ?? ''}:${body.user.id}`;
    return { requester, idempotencyKey, op, value, triggerId, where: { kind: 'home' }, tell };
  }
  const accepted = await acceptButtonClick(ctx, args);
  if (!accepted) return undefined;
  return {
    requester: accepted.requester,
    idempotencyKey: accepted.idempotencyKey,
    op,
    value,
    triggerId,
    where: { kind: 'list', channel: accepted.requester.channelId, responseUrl: accepted.replyTo.responseUrl },
    tell: accepted.tell,
  };
}
