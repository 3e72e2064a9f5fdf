/**
 * Block Kit actions (buttons, menus). One module per listener, `actions/<name>.ts`, exporting its action-id
 * constraint and a named callback `(ctx, args)`; one line here registers it. The subscription and alert UIs' listeners are
 * registered with their constraints (light constants) and import their code on their first click, so none of it
 * loads on the HTTP function's cold start.
 */
import { ALERT_ACTION, ALERT_FORM_ACTION, ALERT_LIST_MORE_ACTION } from '../../alerts/ids.ts';
import { HOME_MORE_ACTION } from '../../home/page.ts';
import { FORM_ACTION, LIST_MORE_ACTION, SUBSCRIPTION_ACTION } from '../../subscriptions/ids.ts';
import type { BoltApp, ListenerContext } from '../context.ts';
import { loadAlertUi } from '../load-alert-ui.ts';
import { loadSubscriptionUi } from '../load-subscription-ui.ts';
import { DRILLDOWN_ACTION, drilldownButton } from './drilldown-button.ts';
import { LINK_ACTION, linkButtonClick } from './link-button.ts';
import { OVERVIEW_ACTION, overviewButton } from './overview-button.ts';

export function registerActions(app: BoltApp, ctx: ListenerContext): void {
  app.action(DRILLDOWN_ACTION, (args) => drilldownButton(ctx, args));
  app.action(LINK_ACTION, (args) => linkButtonClick(ctx, args));
  app.action(OVERVIEW_ACTION, (args) => overviewButton(ctx, args));
  app.action(SUBSCRIPTION_ACTION, async (args) => (await loadSubscriptionUi()).subscriptionButton(ctx, args));
  app.action(LIST_MORE_ACTION, async (args) => (await loadSubscriptionUi()).listMore(ctx, args));
  app.action(HOME_MORE_ACTION, async (args) => (await loadSubscriptionUi()).homeMore(ctx, args));
  app.action(ALERT_ACTION, async (args) => (await loadAlertUi()).alertButton(ctx, args));
  app.action(ALERT_LIST_MORE_ACTION, async (args) => (await loadAlertUi()).alertListMore(ctx, args));
  app.action(ALERT_FORM_ACTION, async (args) => (await loadAlertUi()).alertFormChanged(ctx, args));
  app.action(FORM_ACTION, async (args) => (await loadSubscriptionUi()).subscriptionFormChanged(ctx, args));
}
