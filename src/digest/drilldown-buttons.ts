/**
 * The drill-down buttons a digest (or an alert) carries: one per view, each with the reference the drill-down
 * worker decodes from clicks and from the thread's first message for @mentions.
 */
import type { ActionsBlock, Button } from '@slack/types';
import type { DrilldownView } from '../insights/views.ts';
import type { Period } from '../periods/period.ts';
import { actions, button } from './blocks.ts';
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
}

/** The buttons for `views`, in that order; a view whose reference cannot fit a button value is left out. None: undefined. */
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
  return buttons.length > 0 ? actions(buttons) : undefined;
}
