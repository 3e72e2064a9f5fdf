/**
 * Block constructors that enforce Slack's limits themselves: callers pass text that is already safe
 * (escaped), and anything too long is cut without breaking an escape or a character.
 */
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, ImageBlock, KnownBlock, SectionBlock } from '@slack/types';
import { SLACK_LIMITS } from './limits.ts';
import { truncateEscaped } from './mrkdwn.ts';

export interface SlackMessage {
  /** Plain-language fallback for notifications and screen readers (escaped). */
  text: string;
  blocks: KnownBlock[];
}

export function header(safeText: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncateEscaped(safeText, SLACK_LIMITS.headerText), emoji: true } };
}

export function section(safeMrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(safeMrkdwn, SLACK_LIMITS.sectionText) } };
}

export function fields(safeMrkdwnFields: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: safeMrkdwnFields
      .slice(0, SLACK_LIMITS.sectionFields)
      .map((f) => ({ type: 'mrkdwn' as const, text: truncateEscaped(f, SLACK_LIMITS.sectionFieldText) })),
  };
}

export function context(safeMrkdwnTexts: readonly string[]): ContextBlock {
  return {
    type: 'context',
    elements: safeMrkdwnTexts
      .slice(0, SLACK_LIMITS.contextElements)
      .map((t) => ({ type: 'mrkdwn' as const, text: truncateEscaped(t, SLACK_LIMITS.contextText) })),
  };
}

/** A chart already uploaded to Slack (see src/worker/charts.ts). */
export interface ImageRef {
  /** Slack file id (`F…`). */
  fileId: string;
  /** Safe (escaped) text stating what the image shows. */
  altText: string;
  /** Our own words, shown above the image. */
  title: string;
}

export function slackFileImage(ref: ImageRef): ImageBlock {
  return {
    type: 'image',
    slack_file: { id: ref.fileId },
    alt_text: truncateEscaped(ref.altText, SLACK_LIMITS.imageAltText),
    title: { type: 'plain_text', text: truncateEscaped(ref.title, SLACK_LIMITS.imageTitle) },
  };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

function buttonBase(safeText: string, actionId: string): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncateEscaped(safeText, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, SLACK_LIMITS.actionId),
  };
}

export function button(safeText: string, actionId: string, value: string): Button {
  return { ...buttonBase(safeText, actionId), value };
}

/** A button that opens `url` in the browser. The caller checks the URL (https, length); the action id is still needed. */
export function linkButton(safeText: string, actionId: string, url: string): Button {
  return { ...buttonBase(safeText, actionId), url };
}

export function actions(elements: readonly Button[]): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, SLACK_LIMITS.actionsElements) };
}

/** Keep at most `max` blocks: the last block (footer) is preserved when cutting. */
export function capBlocks(blocks: KnownBlock[], max: number = SLACK_LIMITS.blocksPerMessage): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const last = blocks[blocks.length - 1] as KnownBlock;
  return [...blocks.slice(0, max - 1), last];
}

/** A text-only message (a notice, refusal or failure): `safeMrkdwn` cut to Slack's limit, escapes kept whole. */
export function textMessage(safeMrkdwn: string): Pick<SlackMessage, 'text'> {
  return { text: truncateEscaped(safeMrkdwn, SLACK_LIMITS.fallbackText) };
}
