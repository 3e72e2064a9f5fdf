/**
 * The names the alerts UI gives Slack and gets back: the alert modal's callback id and the action ids of its buttons
 * and of its menus that reshape it.
 * Constants only: the listeners are registered with them at start-up, while their code loads on first use.
 */

/** The alert modal's `callback_id` (create and edit). */
export const ALERT_FORM = 'alert:form';

/**
 * Menus inside the alert modal that reshape it (`alert-form:<field>`; not `alert:`, which names an alert's buttons):
 * choosing what to watch rebuilds the modal with that metric's fields, choosing the condition with its own (the value
 * for above / below, what "unusually…" means otherwise; see shape.ts).
 */
export const ALERT_FORM_ACTION = /^alert-form:/;
export const ALERT_METRIC_ACTION = 'alert-form:metric';
export const ALERT_CONDITION_ACTION = 'alert-form:condition';

/** "Next page" under a `/chatdash alerts` list (not `alert:`: it names no alert). */
export const ALERT_LIST_MORE_ACTION = 'alert-list:more';

/**
 * What an alert's buttons do (list and App Home alike), `alert:<op>`; `recommend` is the "Add recommended alerts"
 * button of a connect or subscribe confirmation.
 */
export const ALERT_OPS = ['mute', 'unmute', 'pause', 'resume', 'edit', 'delete', 'recommend'] as const;
export type AlertOp = (typeof ALERT_OPS)[number];
export const ALERT_ACTION = /^alert:/;
export const alertActionId = (op: AlertOp) => `alert:${op}`;

/** The op an action id names, or undefined for one this version doesn't know. */
export function alertOpOfActionId(actionId: string): AlertOp | undefined {
  const op = actionId.slice('alert:'.length);
  return ALERT_OPS.find((known) => known === op);
}
