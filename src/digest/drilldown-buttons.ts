/**
 * The drill-down buttons a digest (or an alert) carries: one per view, each with the reference the drill-down
 * worker decodes from clicks and from the thread's first message for @mentions, then "Open in ChatDash".
 */
import type { ActionsBlock, Button } from '@slack/types';
import type { DrilldownView } from '../insights/views.ts';
import type { Period } from '../periods/period.ts';
import { actions, button } from './blocks.ts';
import { dashboardLinkButton } from './dashboard-link.ts';
import { encodeDrilldownRef } from './drilldown-ref.ts';
import { drilldownActionId } from './drilldown-views.ts';
import type { CurrencyDisplay } from './format.ts';
import { VIEW_BUTTONS } from './wording.ts';

export interface DrilldownTarget {
  /** ChatDash project id. */
  project: string;
  period: Period;
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
  /** The project's ChatDash dashboard URL: an "Open in ChatDash" link button after the drill-downs (default none). */
  dashboardUrl?: string | undefined;
}

/**
 * The buttons for `views`, in that order, and the dashboard link; a view whose reference cannot fit a button value
 * is left out. None: undefined.
 */
export function drilldownButtons(views: readonly DrilldownView[], target: DrilldownTarget): ActionsBlock | undefined {
  const buttons: Button[] = [];
  for (const view of views) {
    let value: string;
    try {
      value = encodeDrilldownRef({
        v: 1,
        project: target.project,
        view,
        period: target.period,
        ...(target.locale ? { locale: target.locale } : {}),
        ...(target.currencyDisplay ? { currencyDisplay: target.currencyDisplay } : {}),
      });
    } catch {
      continue; // cannot be referenced within Slack's limits: no button rather than a broken one
    }
    buttons.push(button(VIEW_BUTTONS[view], drilldownActionId(view), value));
  }
  const link = dashboardLinkButton(target.dashboardUrl);
  if (link) buttons.push(link);
  return buttons.length > 0 ? actions(buttons) : undefined;
}
