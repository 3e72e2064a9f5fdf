/**
 * The App Home's names: the "Next page" buttons' action id, and the channel id its clicks are recorded with.
 * Constants only, for registering listeners at start-up (the value's schema is `page-value.ts`).
 */

export const HOME_MORE_ACTION = 'home:more';

/**
 * The channel id a click on the App Home is recorded with (its jobs and checks need one): no channel. The worker's
 * Send-now check then allows only the owner and admins, the only people shown its button there.
 */
export const HOME_CHANNEL_ID = 'HOME';
