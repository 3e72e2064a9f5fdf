/** Why the worker paused an alert, in words: the owner's DM, the admins' message and the App Home all say it the same way. */
import { PAUSE_WORDS } from '../subscriptions/pause-words.ts';
import type { AlertPauseReason } from './model.ts';

export const ALERT_PAUSE_WORDS: Record<AlertPauseReason, string> = {
  ...PAUSE_WORDS,
  project_removed: 'its project is no longer in the bot\u2019s configuration',
};
