/**
 * Action ids of link buttons ("Open in ChatDash"). Slack opens a url button's link itself but still sends the app a
 * block_actions payload, which must be acked (an unmatched action would get a 404 and a warning icon in Slack).
 * Dependency-free: the HTTP function's listener matches them on the ack path.
 */
export const DASHBOARD_LINK_ACTION_ID = 'link:open_chatdash';

/** Every link button's action id starts with `link:`. */
export const LINK_ACTION = /^link:/;
