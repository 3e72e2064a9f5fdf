/** The "Open in ChatDash" link button of digests, stats answers and drill-downs, when the project has a dashboard URL. */
import type { Button } from '@slack/types';
import { dashboardUrlProblem } from '../config/dashboard-url.ts';
import { linkButton } from './blocks.ts';
import { SLACK_LIMITS } from './limits.ts';
import { DASHBOARD_LINK_ACTION_ID } from './link-action.ts';

export const DASHBOARD_LINK_TEXT = 'Open in ChatDash';

/**
 * The link button for `url`, or undefined without a URL or with one Slack would refuse or we would not show
 * (checked again here: a message must never be lost for a link).
 */
export function dashboardLinkButton(url: string | undefined): Button | undefined {
  if (url === undefined || url.length > SLACK_LIMITS.buttonUrl || dashboardUrlProblem(url) !== undefined) return undefined;
  return linkButton(DASHBOARD_LINK_TEXT, DASHBOARD_LINK_ACTION_ID, url);
}
