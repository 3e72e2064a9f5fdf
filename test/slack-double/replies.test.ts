import { type Logger, LogLevel, WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

let double: SlackDouble;
let client: WebClient;

beforeAll(async () => {
  double = await startSlackDouble({ channels: { C0GONE: 'channel_not_found' } });
  client = new WebClient('xoxb-test-token', { slackApiUrl: double.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
});
afterAll(async () => {
  await double.close();
});
beforeEach(() => {
  double.reset();
});

async function slackError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return error.data.error;
    throw error;
  }
  throw new Error('call did not fail');
}

const actions = {
  type: 'actions',
  elements: [{ type: 'button', action_id: 'drilldown:topics', text: { type: 'plain_text', text: 'Topics' }, value: '{"v":1}' }],
};

describe('Slack double: conversations.replies', () => {
  it('returns the root message of a thread with its blocks, then the replies in order', async () => {
    const root = await client.chat.postMessage({ channel: 'C0ACME', text: 'digest', blocks: [actions] as never });
    const other = await client.chat.postMessage({ channel: 'C0ACME', text: 'unrelated' });
    const r1 = await client.chat.postMessage({ channel: 'C0ACME', thread_ts: root.ts!, text: 'first reply' });
    const r2 = await client.chat.postMessage({ channel: 'C0ACME', thread_ts: root.ts!, text: 'second reply' });
    await client.chat.postMessage({ channel: 'C0OTHER', thread_ts: root.ts!, text: 'same ts, other channel' });

    const all = await client.conversations.replies({ channel: 'C0ACME', ts: root.ts! });
    expect(all.messages?.map((m) => m.ts)).toEqual([root.ts, r1.ts, r2.ts]);
    expect(all.messages?.map((m) => m.text)).toEqual(['digest', 'first reply', 'second reply']);
    expect(all.messages?.[0]?.blocks).toEqual([actions]);
    expect(all.messages?.[0]).toMatchObject({ thread_ts: root.ts, reply_count: 2 });
    expect(all.messages?.[1]).toMatchObject({ thread_ts: root.ts });
    expect(all.messages?.map((m) => m.ts)).not.toContain(other.ts);
    expect(all.has_more).toBe(false);

    // What the worker asks for: the root alone.
    const first = await client.conversations.replies({ channel: 'C0ACME', ts: root.ts!, limit: 1, inclusive: true });
    expect(first.messages).toHaveLength(1);
    expect(first.messages?.[0]).toMatchObject({ ts: root.ts, text: 'digest', blocks: [actions] });
    expect(first.has_more).toBe(true);
  });

  it('returns a reply alone when asked for a reply ts, like Slack', async () => {
    const root = await client.chat.postMessage({ channel: 'C0ACME', text: 'root' });
    const reply = await client.chat.postMessage({ channel: 'C0ACME', thread_ts: root.ts!, text: 'reply' });
    const result = await client.conversations.replies({ channel: 'C0ACME', ts: reply.ts! });
    expect(result.messages?.map((m) => m.text)).toEqual(['reply']);
  });

  it('answers thread_not_found for an unknown ts or channel, and channel errors as Slack does', async () => {
    const root = await client.chat.postMessage({ channel: 'C0ACME', text: 'root' });
    expect(await slackError(client.conversations.replies({ channel: 'C0ACME', ts: '1.000001' }))).toBe('thread_not_found');
    expect(await slackError(client.conversations.replies({ channel: 'C0BELLA', ts: root.ts! }))).toBe('thread_not_found');
    expect(await slackError(client.conversations.replies({ channel: 'C0GONE', ts: root.ts! }))).toBe('channel_not_found');
    expect(double.callsTo('conversations.replies').map((c) => c.error)).toEqual([
      'thread_not_found',
      'thread_not_found',
      'channel_not_found',
    ]);
  });

  it('forgets stored messages on reset', async () => {
    const root = await client.chat.postMessage({ channel: 'C0ACME', text: 'root' });
    double.reset();
    expect(await slackError(client.conversations.replies({ channel: 'C0ACME', ts: root.ts! }))).toBe('thread_not_found');
  });
});
