/** A link that opens a message in Slack's Block Kit Builder (for the demo and for debugging layouts). */
import type { SlackMessage } from './blocks.ts';

export function blockKitBuilderUrl(message: SlackMessage): string {
  return `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify({ blocks: message.blocks }))}`;
}
