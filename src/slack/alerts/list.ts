/**
 * `/chatdash alerts`' answer: a channel's alerts, one row each with the buttons the person may use, within a message's
 * 50 blocks (a page of at most 15 rows, then "… and N more" and a "Next page" button when there are more). Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { StoredAlert } from '../../alerts/model.ts';
import type { Config } from '../../config/schema.ts';
import { actions, button, context, divider, section } from '../../digest/blocks.ts';
import { noun } from '../../digest/plural.ts';
import { type EphemeralMessage, moreText } from '../messages.ts';
import { ALERT_LIST_MORE_ACTION } from './ids.ts';
import { alertRow } from './rows.ts';

/** Rows per message: each a divider, a section and its buttons (45 blocks), with room for the title and footer. */
export const ALERT_LIST_ROWS = 15;

export const ALERT_LIST_FOOTER =
  '`/chatdash alert` adds one. An alert posts once when its condition starts to hold and once when it is back to normal; times are in each alert\u2019s own time zone.';

export interface ListedAlert {
  alert: StoredAlert;
  manage: boolean;
}

export interface AlertList {
  channel: string;
  /** This page's rows (more than ALERT_LIST_ROWS: the rest are counted). */
  rows: readonly ListedAlert[];
  now: Date;
  /** Where the next page starts (a "Next page" button). */
  cursor?: string | undefined;
  /** A later page. */
  continued?: boolean;
}

export function alertListMessage(list: AlertList, config: Pick<Config, 'projects' | 'defaults'>): EphemeralMessage {
  const shown = list.rows.slice(0, ALERT_LIST_ROWS);
  const hidden = list.rows.length - shown.length;
  const title = list.continued ? `*More alerts of <#${list.channel}>*` : `*Alerts of <#${list.channel}>*`;
  if (shown.length === 0) {
    return {
      response_type: 'ephemeral',
      text: `No alerts in <#${list.channel}> yet.`,
      blocks: [section(`${title}\nNone yet.`), context(['`/chatdash alert` sets one up: a post here when a number needs attention.'])],
    };
  }
  const blocks: KnownBlock[] = [section(title)];
  for (const row of shown) blocks.push(divider(), ...alertRow(row.alert, { config, manage: row.manage, now: list.now }));
  if (hidden > 0) blocks.push(context([moreText(hidden)]));
  if (list.cursor) blocks.push(actions([button('Next page', ALERT_LIST_MORE_ACTION, list.cursor)]));
  blocks.push(context([ALERT_LIST_FOOTER]));
  const count = shown.length + hidden;
  const more = list.cursor ? ', more on the next page' : '';
  return { response_type: 'ephemeral', text: `${count} ${noun(count, 'alert')} in <#${list.channel}>${more}.`, blocks };
}
