/**
 * The "Add recommended alerts" button a connect or subscribe confirmation carries (its click is the alerts UI's,
 * `alert:recommend`), and the message blocks that put it under a confirmation's text. Pure and light.
 */
import type { ActionsBlock, KnownBlock } from '@slack/types';
import { actions, button, section } from '../../digest/blocks.ts';
import { alertActionId } from './ids.ts';
import { encodeRecommend } from './values.ts';

export const RECOMMEND_BUTTON_TEXT = 'Add recommended alerts';

export function recommendButton(channel: string, project: string): ActionsBlock {
  return actions([button(RECOMMEND_BUTTON_TEXT, alertActionId('recommend'), encodeRecommend({ channel, project }))]);
}

/** `safeMrkdwn` as a section, with the button under it. */
export function withRecommendButton(safeMrkdwn: string, channel: string, project: string): KnownBlock[] {
  return [section(safeMrkdwn), recommendButton(channel, project)];
}
