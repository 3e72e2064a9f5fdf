/**
 * `/chatdash subscriptions`' answer: a channel's subscriptions (from the configuration and made from Slack), one row
 * each with the buttons the person may use, within a message's 50 blocks (at most 15 rows, then a "Next page" button
 * when the store has more). Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { Config } from '../../config/schema.ts';
import { actions, button, context, divider, section } from '../../digest/blocks.ts';
import { noun } from '../../digest/plural.ts';
import { type EphemeralMessage, moreText } from '../../slack/messages.ts';
import type { Subscription } from '../../subscriptions/model.ts';
import { LIST_MORE_ACTION } from './ids.ts';
import { type RowButtons, subscriptionRow } from './rows.ts';

/** Rows per message: each is a divider, a section and its buttons (45 blocks), with room for the title and footer. */
export const LIST_ROWS = 15;

export interface ListedSubscription {
  subscription: Subscription;
  buttons: RowButtons;
}

export interface ChannelList {
  channel: string;
  rows: readonly ListedSubscription[];
  /** Where the store's next page starts (a "Next page" button), when there may be more. */
  cursor?: string | undefined;
  /** A later page (no configuration rows on it). */
  continued?: boolean;
}

export const LIST_FOOTER =
  '`/chatdash subscribe` adds one. Times are in each subscription\u2019s own time zone. Those _from configuration_ are changed in the bot\u2019s configuration file.';

export function channelListMessage(list: ChannelList, config: Pick<Config, 'projects' | 'defaults'>): EphemeralMessage {
  const shown = list.rows.slice(0, LIST_ROWS);
  const hidden = list.rows.length - shown.length;
  const title = list.continued ? `*More subscriptions of <#${list.channel}>*` : `*Subscriptions of <#${list.channel}>*`;
  if (shown.length === 0) {
    return {
      response_type: 'ephemeral',
      text: `No subscriptions in <#${list.channel}> yet.`,
      blocks: [
        section(`${title}\nNone yet.`),
        context(['`/chatdash subscribe` sets one up: a digest posted here on the schedule you choose.']),
      ],
    };
  }
  const blocks: KnownBlock[] = [section(title)];
  for (const row of shown) blocks.push(divider(), ...subscriptionRow(row.subscription, { config, buttons: row.buttons }));
  if (hidden > 0) blocks.push(context([moreText(hidden)]));
  if (list.cursor) blocks.push(actions([button('Next page', LIST_MORE_ACTION, list.cursor)]));
  blocks.push(context([LIST_FOOTER]));
  const count = shown.length + hidden;
  return {
    response_type: 'ephemeral',
    text: `${count}${list.cursor ? '+' : ''} ${noun(count, 'subscription')} in <#${list.channel}>.`,
    blocks,
  };
}
