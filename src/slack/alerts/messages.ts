/**
 * What the alerts UI says when it can't do what was asked (safe mrkdwn), shared by the light listeners on the ack path
 * and the flows they load.
 */
export const ALERT_UI_MESSAGES = {
  noStore: 'Sorry, alerts can\u2019t be managed from Slack here: the bot has no state store set up. Ask your ChatDash admin.',
  storeDown: ':warning: Sorry, I couldn\u2019t reach my storage just now, so nothing was changed. Please try again in a minute.',
  modalFailed: 'Sorry, Slack didn\u2019t let me open the form in time. Please try again.',
  staleForm: 'This form is from an older version of the bot, so I can\u2019t save it. Close it and run `/chatdash alert` again.',
  staleButton: 'Sorry, that button is from an older version of this list. Run `/chatdash alerts` again.',
  notFound: 'That alert no longer exists: someone deleted it meanwhile.',
  conflict: 'Someone changed this alert meanwhile, so I didn\u2019t save over their change. Run `/chatdash alerts` and try again.',
  dmAlert: 'Alerts post in a channel: run `/chatdash alert` in the channel that should hear about it.',
  dmList: 'In a channel, `/chatdash alerts` lists its alerts. Every alert you made is on my App Home tab (admins see them all there).',
  noProjects: 'This channel can\u2019t see any project, so there is nothing to watch here. An admin can `/chatdash connect <project>` it.',
} as const;
