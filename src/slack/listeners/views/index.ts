/**
 * Modal submissions and closes (`view_submission`, `view_closed`). A modal's listener goes in `views/<name>.ts`,
 * exporting its `callback_id` and a named callback `(ctx, args)` that acks (with `response_action: 'errors'` for
 * inline errors); one entry in VIEW_LISTENERS registers it, importing its code on first use.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { ALERT_FORM } from '../../alerts/ids.ts';
import { SUBSCRIPTION_FORM } from '../../subscriptions/ids.ts';
import type { BoltApp, ListenerContext } from '../context.ts';
import { loadAlertUi } from '../load-alert-ui.ts';
import { loadSubscriptionUi } from '../load-subscription-ui.ts';

export type ViewListenerArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface ViewListener {
  /** The modal's `callback_id` (set when the view is opened). */
  callbackId: string | RegExp;
  listener: (ctx: ListenerContext, args: ViewListenerArgs) => Promise<void>;
}

/** Every modal's listener. Their code loads on their first submission (see `subscription-form.ts`), never on the cold start. */
export const VIEW_LISTENERS: readonly ViewListener[] = [
  {
    callbackId: SUBSCRIPTION_FORM,
    listener: async (ctx, args) => (await loadSubscriptionUi()).subscriptionFormSubmitted(ctx, args),
  },
  { callbackId: ALERT_FORM, listener: async (ctx, args) => (await loadAlertUi()).alertFormSubmitted(ctx, args) },
];

export function registerViews(app: BoltApp, ctx: ListenerContext, views: readonly ViewListener[] = VIEW_LISTENERS): void {
  for (const { callbackId, listener } of views) app.view(callbackId, (args) => listener(ctx, args));
}
