/**
 * The names the subscription UI gives Slack and gets back: the modal's callback id and the action ids of its buttons
 * and menus. Constants only: the listeners are registered with them at start-up, while their code (and the schemas
 * of what comes back, `values.ts`) loads on first use.
 */

/** The subscribe/edit modal's `callback_id`. */
export const SUBSCRIPTION_FORM = 'subscription:form';

/** What a subscription's buttons do (list and App Home alike): `subscription:<op>`. */
export const SUBSCRIPTION_OPS = ['send_now', 'pause', 'resume', 'edit', 'delete'] as const;
export type SubscriptionOp = (typeof SUBSCRIPTION_OPS)[number];
export const SUBSCRIPTION_ACTION = /^subscription:/;
export const subscriptionActionId = (op: SubscriptionOp) => `subscription:${op}`;

/** The op an action id names, or undefined for one this version doesn't know. */
export function opOfActionId(actionId: string): SubscriptionOp | undefined {
  const op = actionId.slice('subscription:'.length);
  return SUBSCRIPTION_OPS.find((known) => known === op);
}

/** Elements inside the modal that rebuild it when changed (which project kind, which frequency): `form:<field>`. */
export const FORM_ACTION = /^form:/;

/** `/chatdash subscriptions`' "Next page" button (its value: the store's cursor). */
export const LIST_MORE_ACTION = 'list:more';
