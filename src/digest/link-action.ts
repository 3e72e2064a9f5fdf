/**
 * Action ids of link buttons ("Open in ChatDash"). Slack opens a url button's link itself but still sends the app a
 * block_actions payload, which must be acked: every link button's action id starts with `link:`, which
 * `src/slack/listeners/actions/link-button.ts` acks on the ack path (so this module stays dependency-free).
 */
export const DASHBOARD_LINK_ACTION_ID = 'link:open_chatdash';
