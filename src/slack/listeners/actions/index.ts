/**
 * Block Kit actions (buttons, menus). One module per listener, `actions/<name>.ts`, exporting its action-id
 * constraint and a named callback `(ctx, args)`; one line here registers it.
 */
import type { BoltApp, ListenerContext } from '../context.ts';
import { DRILLDOWN_ACTION, drilldownButton } from './drilldown-button.ts';
import { LINK_ACTION, linkButtonClick } from './link-button.ts';
import { OVERVIEW_ACTION, overviewButton } from './overview-button.ts';

export function registerActions(app: BoltApp, ctx: ListenerContext): void {
  app.action(DRILLDOWN_ACTION, (args) => drilldownButton(ctx, args));
  app.action(LINK_ACTION, (args) => linkButtonClick(ctx, args));
  app.action(OVERVIEW_ACTION, (args) => overviewButton(ctx, args));
}
