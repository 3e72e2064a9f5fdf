/** A digest the real worker posted, for scenarios in its thread: clicks on its buttons, @mentions, the replies. */
import { expect } from 'vitest';
import type { SlackCall } from '../../src/slack-double/server.ts';
import type { Bot } from './bot.ts';
import { digestJob, sqsEvent } from './payloads.ts';
import { postsTo } from './slack-messages.ts';

export interface PostedDigest {
  ts: string;
  /** The message Slack received (and accepted: the double checks Block Kit as Slack does). */
  message: Record<string, unknown>;
}

/**
 * The worker posts the acme weekly digest to C0ACME; returns its ts and message. Then forgets what was seen so far
 * (Slack calls, log lines, ChatDash requests) but keeps the channel's history: mentions read the digest from it.
 */
export async function postDigest(bot: Bot): Promise<PostedDigest> {
  const worker = await bot.worker();
  const result = await worker(sqsEvent(digestJob('acme-weekly', new Date().toISOString(), 'manual')));
  expect(result.batchItemFailures).toEqual([]);
  const posts = postsTo(bot.slack, 'C0ACME');
  expect(posts).toHaveLength(1);
  const posted = bot.entries().find((l) => l.event === 'digest.posted') as { ts?: string } | undefined;
  expect(posted?.ts).toMatch(/^\d+\.\d{6}$/);
  const message = posts[0]!.body;
  bot.slack.calls.length = 0;
  bot.lines.length = 0;
  bot.sandbox.requests.length = 0;
  return { ts: posted!.ts!, message };
}

/** Every chat.postMessage in the thread of `ts` (whether Slack accepted it or not). */
export function threadReplies(bot: Bot, ts: string): SlackCall[] {
  return bot.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);
}
