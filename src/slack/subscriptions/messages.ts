/**
 * What the subscription UI says when it can't do what was asked (safe mrkdwn), shared by the light listeners on the
 * ack path and the flows they load. The service's own refusals are in `src/subscriptions/messages.ts`.
 */
export const UI_MESSAGES = {
  noStore: 'Sorry, subscriptions can\u2019t be managed from Slack here: the bot has no state store set up. Ask your ChatDash admin.',
  storeDown: ':warning: Sorry, I couldn\u2019t reach my storage just now, so nothing was changed. Please try again in a minute.',
  modalFailed: 'Sorry, Slack didn\u2019t let me open the form in time. Please try again.',
  staleForm: 'This form is from an older version of the bot, so I can\u2019t save it. Close it and run `/chatdash subscribe` again.',
  staleButton: 'Sorry, that button is from an older version of this list. Run `/chatdash subscriptions` again.',
  dmList:
    'In a channel, `/chatdash subscriptions` lists its subscriptions. Every subscription you made is on my App Home tab (admins see them all there).',
} as const;

/**
 * The channel couldn't be told about a change (`why`: safe mrkdwn, e.g. "I'm not a member of …"); `posting`: the
 * subscription still posts there (not deleted), so its digests are stuck too.
 */
export function notAnnounced(channel: string, why: string, posting = true): string {
  const stuck = posting ? ' Until I can post there, its digests can\u2019t be delivered either.' : '';
  return `I couldn\u2019t tell <#${channel}> about it: ${why}${stuck}`;
}
