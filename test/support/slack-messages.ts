/** Reading what was sent to Slack: every text of a message, its buttons and link buttons, the posts to a channel. */
import type { SlackCall, SlackDouble } from '../../src/slack-double/server.ts';

/** All mrkdwn/plain text of a message (its `text` and every text in its blocks). */
export function allText(message: Record<string, unknown> | undefined): string {
  if (!message) return '';
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key === 'text' || typeof v === 'object') walk(v);
    }
  };
  walk(message.text);
  walk(message.blocks);
  return out.join('\n');
}

/** The buttons of a rendered message's actions blocks. */
export function buttonsOf(message: Record<string, unknown> | undefined): Array<{ action_id: string; value: string; block_id?: string }> {
  const blocks = (message?.blocks ?? []) as Array<{
    type?: string;
    block_id?: string;
    elements?: Array<{ action_id?: string; value?: string }>;
  }>;
  return blocks.flatMap((b) =>
    b.type === 'actions'
      ? (b.elements ?? [])
          .filter((e) => typeof e.action_id === 'string' && typeof e.value === 'string')
          .map((e) => ({ action_id: e.action_id!, value: e.value!, ...(b.block_id ? { block_id: b.block_id } : {}) }))
      : [],
  );
}

/** The link (url) buttons of a message's actions blocks, as sent ("Open in ChatDash"). */
export function linkButtonsOf(
  message: Record<string, unknown> | undefined,
): Array<{ type?: string; text?: unknown; action_id?: string; url: string }> {
  const blocks = (message?.blocks ?? []) as Array<{ type?: string; elements?: Array<{ action_id?: string; url?: string }> }>;
  return blocks.flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []).filter((e): e is { action_id?: string; url: string } => typeof e.url === 'string') : [],
  );
}

/** Successful chat.postMessage calls to a channel. */
export function postsTo(slack: SlackDouble, channel: string): SlackCall[] {
  return slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.channel === channel);
}

/** Text of every message posted to a channel (alerts are text-only). */
export function textsIn(slack: SlackDouble, channel: string): string[] {
  return postsTo(slack, channel).map((c) => String(c.body.text ?? ''));
}

/** The messages sent to a response_url the double handed out with this id. */
export function answersTo(slack: SlackDouble, responseUrlId: string): SlackCall[] {
  return slack.callsTo('response_url').filter((c) => c.body.__responseUrlId === responseUrlId);
}
