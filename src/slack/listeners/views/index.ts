/**
 * Modal submissions and closes (`view_submission`, `view_closed`). None yet. A modal's listener goes in
 * `views/<name>.ts`, exporting its `callback_id` and a named callback `(ctx, args)` that acks (with
 * `response_action: 'errors'` for inline errors); one entry in VIEW_LISTENERS registers it.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { BoltApp, ListenerContext } from '../context.ts';

export type ViewListenerArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface ViewListener {
  /** The modal's `callback_id` (set when the view is opened). */
  callbackId: string | RegExp;
  listener: (ctx: ListenerContext, args: ViewListenerArgs) => Promise<void>;
}

/** Every modal's listener, e.g. `{ callbackId: SUBSCRIBE_VIEW, listener: subscribeSubmitted }`. */
export const VIEW_LISTENERS: readonly ViewListener[] = [];

export function registerViews(app: BoltApp, ctx: ListenerContext, views: readonly ViewListener[] = VIEW_LISTENERS): void {
  for (const { callbackId, listener } of views) app.view(callbackId, (args) => listener(ctx, args));
}
