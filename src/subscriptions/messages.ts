/**
 * What the subscriptions service says when it refuses or fails, one sentence each (safe mrkdwn). Their own module so
 * the listeners on the HTTP function's ack path can say the same without loading the service (croner, the
 * configuration schema, the period parser).
 */
export const SERVICE_MESSAGES = {
  dmSubscribe: 'Subscriptions post to a channel: run this in the channel that should get the digest.',
  dmConnect: 'Run this in the channel you want to connect.',
  notFound: 'That subscription no longer exists (someone may have just deleted it).',
  conflict: 'Someone changed this subscription while you were editing it. Close this and open it again to see their change.',
  invalid: 'Some of the settings need fixing.',
  unknownProject: 'There is no project by that name in the configuration.',
  configBinding:
    'This channel is connected to that project in the bot\u2019s configuration file, which can\u2019t be changed from Slack. Ask your ChatDash admin to change it there.',
  notConnected: 'This channel isn\u2019t connected to that project from Slack.',
  whichProject: 'Which project? Name the one to disconnect: `/chatdash disconnect <project>`.',
} as const;
