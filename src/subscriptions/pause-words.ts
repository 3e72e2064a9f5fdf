/** Why the worker paused a subscription, in words: the owner's DM, the admins' alert and the lists all say it the same way. */
import type { SystemPauseReason } from '../store/store.ts';

export const PAUSE_WORDS: Record<SystemPauseReason, string> = {
  bot_removed: 'I was removed from the channel',
  channel_archived: 'the channel was archived',
  channel_not_found: 'I can\u2019t find the channel any more',
  channel_unbound: 'the channel is no longer connected to the project',
};
