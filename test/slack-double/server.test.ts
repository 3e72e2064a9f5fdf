/**
 * The Slack Web API double: Web API basics, Block Kit validation, failures and rate limits, response_url,
 * conversations.replies, and files (the external upload flow, processing time, scopes, and which image blocks a
 * message may show), and views (modals opened with a trigger once within 3 s, updated by hash, Home tabs published):
 * the same failure modes Slack has.
 */
import { WebAPIPlatformError, WebAPIRateLimitedError, type WebClient, WebClientEvent, type WebClientOptions } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { startSlackDouble } from '../../src/slack-double/server.ts';
import { doubleClient, useSlackDouble } from '../support/slack-double.ts';

const TOKEN = 'xoxb-test-token';

const double = useSlackDouble({
  users: { U0TOKYO: { tz: 'Asia/Tokyo' } },
  channels: { C0GONE: 'channel_not_found', C0OUT: 'not_in_channel', C0OLD: 'is_archived' },
});
let client: WebClient;

const makeClient = (token = TOKEN, extra: WebClientOptions = {}): WebClient => doubleClient(double, token, extra);

/** Slack's error code and answer of a rejected WebClient call. */
async function slackFailure(promise: Promise<unknown>): Promise<{ error: string; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return { error: error.data.error, data: error.data as unknown as Record<string, unknown> };
    throw error;
  }
  throw new Error('call did not fail');
}

/** The Slack error code of a rejected WebClient call. */
async function slackError(promise: Promise<unknown>): Promise<string> {
  return (await slackFailure(promise)).error;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

beforeAll(() => {
  client = makeClient();
});

describe('Slack double: Web API basics', () => {
  it('binds to loopback and answers auth.test with the right token', async () => {
    expect(double.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const result = await client.auth.test();
    expect(result.ok).toBe(true);
    expect(result.team_id).toBe('T0DEMO');
    expect(double.callsTo('auth.test')).toHaveLength(1);
  });

  it('refuses a wrong token with invalid_auth and never records the token', async () => {
    const bad = makeClient('xoxb-wrong');
    expect(await slackError(bad.chat.postMessage({ channel: 'C0ACME', text: 'hi' }))).toBe('invalid_auth');
    const [call] = double.callsTo('chat.postMessage');
    expect(call).toMatchObject({ ok: false, error: 'invalid_auth' });
    expect(JSON.stringify(double.calls)).not.toContain('xoxb');
  });

  it('accepts the token in the body field too (JSON body)', async () => {
    const response = await fetch(`${double.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: TOKEN, channel: 'C0ACME', text: 'json body', blocks: [section('hello')] }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    expect(json.ok).toBe(true);
    const [call] = double.callsTo('chat.postMessage');
    expect(call?.body.blocks).toEqual([section('hello')]);
    expect(call?.body.token).toBeUndefined();
  });

  it('answers not_authed without any token and unknown_method for methods it does not know', async () => {
    const noToken = await fetch(`${double.apiUrl}auth.test`, { method: 'POST' });
    expect(await noToken.json()).toEqual({ ok: false, error: 'not_authed' });
    expect(await slackError(client.apiCall('chat.fly', { channel: 'C0ACME' }))).toBe('unknown_method');
  });

  it('posts messages with unique, increasing ts and decodes form-encoded blocks', async () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'Weekly' } }, section('*42* conversations')];
    const first = await client.chat.postMessage({ channel: 'C0ACME', text: 'fallback', blocks });
    const second = await client.chat.postMessage({ channel: 'C0ACME', text: 'again' });
    expect(first.channel).toBe('C0ACME');
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = double.callsTo('chat.postMessage');
    expect(call?.body.blocks).toEqual(blocks);
    expect(call?.body.text).toBe('fallback');
    expect(call?.ok).toBe(true);
  });

  it('updates a posted message and refuses to update one that does not exist', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0ACME', text: 'Working…' });
    const updated = await client.chat.update({ channel: 'C0ACME', ts: posted.ts as string, text: 'Done' });
    expect(updated.ok).toBe(true);
    expect(updated.ts).toBe(posted.ts);
    expect(await slackError(client.chat.update({ channel: 'C0ACME', ts: '1.000001', text: 'x' }))).toBe('message_not_found');
  });

  it('posts ephemeral messages', async () => {
    const result = await client.chat.postEphemeral({ channel: 'C0ACME', user: 'U0ANN', text: 'only you' });
    expect(result.ok).toBe(true);
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(double.callsTo('chat.postEphemeral')[0]?.body.user).toBe('U0ANN');
  });

  it('reports user time zones, defaulting to Europe/Paris', async () => {
    const tokyo = await client.users.info({ user: 'U0TOKYO' });
    expect(tokyo.user?.tz).toBe('Asia/Tokyo');
    expect(tokyo.user?.tz_offset).toBe(9 * 3600);
    const other = await client.users.info({ user: 'U0ANYONE' });
    expect(other.user?.tz).toBe('Europe/Paris');
  });

  it('describes conversations according to their state', async () => {
    const ok = await client.conversations.info({ channel: 'C0ACME' });
    expect(ok.channel).toMatchObject({ id: 'C0ACME', is_member: true, is_archived: false });
    const archived = await client.conversations.info({ channel: 'C0OLD' });
    expect(archived.channel?.is_archived).toBe(true);
    expect(await slackError(client.conversations.info({ channel: 'C0GONE' }))).toBe('channel_not_found');
  });

  it('answers channel errors as Slack does', async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C0GONE', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.chat.postMessage({ channel: 'C0OUT', text: 'x' }))).toBe('not_in_channel');
    expect(await slackError(client.chat.postMessage({ channel: 'C0OLD', text: 'x' }))).toBe('is_archived');
    double.setChannel('C0ACME', 'not_in_channel');
    expect(await slackError(client.chat.postMessage({ channel: 'C0ACME', text: 'x' }))).toBe('not_in_channel');
    double.reset();
    expect((await client.chat.postMessage({ channel: 'C0ACME', text: 'back' })).ok).toBe(true);
  });
});

describe('Slack double: message validation', () => {
  const post = (args: Record<string, unknown>) =>
    slackError(client.chat.postMessage({ channel: 'C0ACME', ...args } as Parameters<WebClient['chat']['postMessage']>[0]));

  it('requires text or blocks', async () => {
    expect(await post({})).toBe('no_text');
    expect(await post({ text: '' })).toBe('no_text');
  });

  it('refuses text over 40,000 characters', async () => {
    expect(await post({ text: 'x'.repeat(40_001) })).toBe('msg_too_long');
  });

  it('refuses more than 50 blocks but accepts exactly 50', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => section(`block ${i}`));
    expect(await post({ text: 't', blocks: many(51) })).toBe('invalid_blocks');
    expect((await client.chat.postMessage({ channel: 'C0ACME', text: 't', blocks: many(50) })).ok).toBe(true);
  });

  it('enforces header, section and field text limits', async () => {
    const header = (text: string) => [{ type: 'header', text: { type: 'plain_text', text } }];
    expect(await post({ text: 't', blocks: header('h'.repeat(151)) })).toBe('invalid_blocks');
    expect((await client.chat.postMessage({ channel: 'C0ACME', text: 't', blocks: header('h'.repeat(150)) })).ok).toBe(true);
    expect(await post({ text: 't', blocks: [section('s'.repeat(3001))] })).toBe('invalid_blocks');
    const fields = (n: number, len = 5) => [
      { type: 'section', fields: Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'f'.repeat(len) })) },
    ];
    expect(await post({ text: 't', blocks: fields(11) })).toBe('invalid_blocks');
    expect(await post({ text: 't', blocks: fields(2, 2001) })).toBe('invalid_blocks');
    expect((await client.chat.postMessage({ channel: 'C0ACME', text: 't', blocks: fields(10, 2000) })).ok).toBe(true);
  });

  it('enforces button value and actions element limits', async () => {
    const button = (value: string, i = 0) => ({
      type: 'button' as const,
      action_id: `a${i}`,
      text: { type: 'plain_text' as const, text: 'Go' },
      value,
    });
    expect(await post({ text: 't', blocks: [{ type: 'actions', elements: [button('v'.repeat(2001))] }] })).toBe('invalid_blocks');
    const elements = (n: number) => Array.from({ length: n }, (_, i) => button('v', i));
    expect(await post({ text: 't', blocks: [{ type: 'actions', elements: elements(26) }] })).toBe('invalid_blocks');
    const ok = await client.chat.postMessage({
      channel: 'C0ACME',
      text: 't',
      blocks: [{ type: 'actions', elements: elements(25) }],
    });
    expect(ok.ok).toBe(true);
  });

  it('explains invalid blocks in response_metadata like Slack', async () => {
    try {
      await client.chat.postMessage({ channel: 'C0ACME', text: 't', blocks: [section('s'.repeat(3001))] });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(WebAPIPlatformError);
      const messages = (error as WebAPIPlatformError).data.response_metadata?.messages ?? [];
      expect(messages.join('\n')).toContain('/blocks/0/text/text');
    }
    expect(double.callsTo('chat.postMessage')[0]).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });
});

describe('Slack double: failures and rate limits', () => {
  it('injects a failure for the next N calls only', async () => {
    double.fail('chat.postMessage', { error: 'fatal_error', times: 2 });
    expect(await slackError(client.chat.postMessage({ channel: 'C0ACME', text: '1' }))).toBe('fatal_error');
    expect(await slackError(client.chat.postMessage({ channel: 'C0ACME', text: '2' }))).toBe('fatal_error');
    expect((await client.chat.postMessage({ channel: 'C0ACME', text: '3' })).ok).toBe(true);
    expect(double.callsTo('chat.postMessage').map((c) => c.ok)).toEqual([false, false, true]);
  });

  it('answers ratelimited with HTTP 429 and Retry-After', async () => {
    double.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 7 });
    const raw = await fetch(`${double.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel: 'C0ACME', text: 'x' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(double.callsTo('chat.postMessage')[0]).toMatchObject({ ok: false, error: 'ratelimited' });
  });

  it('surfaces 429 to a WebClient that rejects rate-limited calls', async () => {
    const strict = makeClient(TOKEN, { rejectRateLimitedCalls: true });
    double.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 3 });
    const error = await strict.chat.postMessage({ channel: 'C0ACME', text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(3);
  });

  it('lets a WebClient with retries wait out Retry-After and succeed', async () => {
    const patient = makeClient(TOKEN, { retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } });
    double.fail('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 1, times: 1 });
    // The client says when it is told to wait, and how long: what the double's answer asked for.
    const waits: number[] = [];
    patient.on(WebClientEvent.RATE_LIMITED, (retryAfter: number) => waits.push(retryAfter));
    const result = await patient.chat.postMessage({ channel: 'C0ACME', text: 'eventually' });
    expect(result.ok).toBe(true);
    expect(waits).toEqual([1]);
    const attempts = double.callsTo('chat.postMessage');
    expect(attempts.map((c) => c.error ?? 'ok')).toEqual(['ratelimited', 'ok']);
  });

  it('limits messages per channel, not globally', async () => {
    double.rateLimitPerChannel(1);
    const strict = makeClient(TOKEN, { rejectRateLimitedCalls: true });
    expect((await strict.chat.postMessage({ channel: 'C0ACME', text: '1' })).ok).toBe(true);
    const second = await strict.chat.postMessage({ channel: 'C0ACME', text: '2' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(WebAPIRateLimitedError);
    expect((second as WebAPIRateLimitedError).retryAfter).toBe(1);
    expect((await strict.chat.postMessage({ channel: 'C0BELLA', text: 'other channel' })).ok).toBe(true);
    double.rateLimitPerChannel(undefined);
    expect((await strict.chat.postMessage({ channel: 'C0ACME', text: '3' })).ok).toBe(true);
  });
});

describe('Slack double: response_url and waitFor', () => {
  it('records response_url POSTs with their id', async () => {
    const url = double.responseUrl('cmd-1');
    expect(url.startsWith('http://127.0.0.1:')).toBe(true);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: true, text: 'Here are your stats' }),
    });
    expect(response.status).toBe(200);
    const [call] = double.callsTo('response_url');
    expect(call?.body).toMatchObject({ __responseUrlId: 'cmd-1', text: 'Here are your stats', replace_original: true });
    expect(call?.ok).toBe(true);
  });

  it('gives each generated response_url its own id and validates the message', async () => {
    const a = double.responseUrl();
    const b = double.responseUrl();
    expect(a).not.toBe(b);
    const bad = await fetch(a, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(double.callsTo('response_url')[0]).toMatchObject({ ok: false, error: 'no_text' });
  });

  it('allows a response_url five uses, like Slack', async () => {
    const url = double.responseUrl('five');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"x"}' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(double.callsTo('response_url').at(-1)?.error).toBe('used_url');
  });

  it('waitFor resolves when a matching call arrives and rejects on timeout', async () => {
    const waiting = double.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.ok), 2000);
    setTimeout(() => void client.chat.postMessage({ channel: 'C0ACME', text: 'later' }), 50);
    await expect(waiting).resolves.toBeUndefined();
    await expect(double.waitFor((calls) => calls.length > 100, 50)).rejects.toThrow(/timed out/);
  });
});

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

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

type UploadTarget = { upload_url: string; file_id: string };

/** files.getUploadURLExternal for `length` bytes. */
async function uploadTarget(c: WebClient, length = PNG.length, extra: Record<string, unknown> = {}): Promise<UploadTarget> {
  return (await c.apiCall('files.getUploadURLExternal', { filename: 'chart.png', length, ...extra })) as unknown as UploadTarget;
}

/** Upload `PNG`; complete it (privately unless `channel` is given); returns the file id and the first answer. */
async function upload(channel?: string) {
  const target = await uploadTarget(client, PNG.length, { alt_txt: 'A chart' });
  expect(target.file_id).toMatch(/^F[A-Z0-9]{8,}$/);
  const posted = await fetch(target.upload_url, { method: 'POST', body: PNG });
  expect(posted.status).toBe(200);
  const complete = () =>
    client.files.completeUploadExternal({ files: [{ id: target.file_id, title: 'Chart' }], ...(channel ? { channel_id: channel } : {}) });
  const first = (await complete()) as unknown as { files: Array<{ filetype: string; channels: string[] }> };
  return { id: target.file_id, first, complete };
}

const imageMessage = (id: string) => ({ text: 'chart', blocks: [{ type: 'image', slack_file: { id }, alt_text: 'A chart' }] });

describe('Slack double: the external upload flow', () => {
  it('keeps the bytes, and a fresh file is processing until the next poll', async () => {
    const { id, first, complete } = await upload();
    expect(first.files[0]!.filetype).toBe('');
    const second = (await complete()) as unknown as { files: Array<{ filetype: string; channels: string[] }> };
    expect(second.files[0]).toMatchObject({ filetype: 'png', channels: [] });
    expect(double.files()).toEqual([
      expect.objectContaining({ id, filename: 'chart.png', altText: 'A chart', title: 'Chart', completed: true }),
    ]);
    expect(double.files()[0]!.bytes).toEqual(PNG);
    expect(double.callsTo('upload_url')).toEqual([expect.objectContaining({ ok: true, body: { file_id: id, bytes: PNG.length } })]);
  });

  it('files.info reports the same processing state (and needs files:read)', async () => {
    const { id } = await upload();
    expect(((await client.files.info({ file: id })) as unknown as { file: { filetype: string } }).file.filetype).toBe('png');
    double.setScopes(['chat:write', 'files:write']);
    expect(await slackError(client.files.info({ file: id }))).toBe('missing_scope');
  });

  it('without files:write: missing_scope, naming the scope needed', async () => {
    double.setScopes(['chat:write', 'commands']);
    const { error, data } = await slackFailure(uploadTarget(client, 3));
    expect(error).toBe('missing_scope');
    expect(data).toMatchObject({ needed: 'files:write', provided: 'chat:write,commands' });
  });

  it('an upload URL failure and a length that does not match are HTTP errors; completing an unsent file fails', async () => {
    const target = await uploadTarget(client);
    double.fail('upload_url', { error: 'internal_error', httpStatus: 503 });
    expect((await fetch(target.upload_url, { method: 'POST', body: PNG })).status).toBe(503);
    expect((await fetch(target.upload_url, { method: 'POST', body: PNG.subarray(0, 4) })).status).toBe(400);
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id: target.file_id }] }))).toBe('file_upload_not_found');
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCHFILE' }] }))).toBe('file_not_found');
  });

  it('a channel the bot cannot post to fails the share', async () => {
    const target = await uploadTarget(client);
    await fetch(target.upload_url, { method: 'POST', body: PNG });
    expect(await slackError(client.files.completeUploadExternal({ files: [{ id: target.file_id }], channel_id: 'C0GONE' }))).toBe(
      'channel_not_found',
    );
  });
});

describe('Slack double: image blocks that name a slack_file', () => {
  it('the bot’s own private upload shows in its messages once processed', async () => {
    const { id, complete } = await upload();
    const early = await slackFailure(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) }));
    expect(early.error).toBe('invalid_blocks');
    expect(early.data.errors).toEqual(['invalid slack file [json-pointer:/blocks/0/slack_file]']);
    await complete();
    await expect(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) })).resolves.toMatchObject({ ok: true });
  });

  it('a file shared to another channel is invalid here; an unknown id is invalid anywhere', async () => {
    const { id, complete } = await upload('C0OTHER');
    await complete();
    await expect(client.chat.postMessage({ channel: 'C0OTHER', ...imageMessage(id) })).resolves.toMatchObject({ ok: true });
    expect(await slackError(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) }))).toBe('invalid_blocks');
    expect(await slackError(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage('F0NOSUCHFILE') }))).toBe('invalid_blocks');
  });

  it('response_url messages: the private upload shows unless the double is told Slack refuses it there', async () => {
    const { id, complete } = await upload();
    await complete();
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(imageMessage(id)) });
    expect((await post(double.responseUrl('ok'))).status).toBe(200);
    const strict = await startSlackDouble({ ephemeralPrivateFiles: 'reject' });
    try {
      const strictClient = doubleClient(strict);
      const t = await uploadTarget(strictClient);
      await fetch(t.upload_url, { method: 'POST', body: PNG });
      await strictClient.files.completeUploadExternal({ files: [{ id: t.file_id }] });
      await strictClient.files.completeUploadExternal({ files: [{ id: t.file_id }] });
      const refused = await fetch(strict.responseUrl('r'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(imageMessage(t.file_id)),
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    } finally {
      await strict.close();
    }
  });
});

describe('views: modals and the App Home', () => {
  const modal = { type: 'modal', title: { type: 'plain_text', text: 'Subscribe' }, blocks: [section('hello')] };
  const home = { type: 'home', blocks: [section('home')] };

  it('views.open takes a trigger once, within 3 s of its issue, and returns the view with its id and hash', async () => {
    const trigger = double.issueTrigger();
    const opened = await client.views.open({ trigger_id: trigger, view: modal as never });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), hash: expect.any(String), type: 'modal', state: { values: {} } });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: modal as never }))).toBe('exchanged_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: double.issueTrigger(3001), view: modal as never }))).toBe('expired_trigger_id');
    expect(await slackError(client.views.open({ trigger_id: '', view: modal as never }))).toBe('invalid_trigger_id');
    expect(double.views()).toHaveLength(1);
  });

  it('checks views as Slack does: a 25-character title, a modal with inputs and no submit, 101 blocks', async () => {
    const long = { ...modal, title: { type: 'plain_text', text: 'x'.repeat(25) } };
    const failure = await slackFailure(client.views.open({ trigger_id: double.issueTrigger(), view: long as never }));
    expect(failure.error).toBe('invalid_arguments');
    expect(JSON.stringify(failure.data)).toContain('/view/title/text');
    const input = {
      type: 'input',
      block_id: 'b',
      label: { type: 'plain_text', text: 'L' },
      element: { type: 'plain_text_input', action_id: 'a' },
    };
    expect(await slackError(client.views.open({ trigger_id: double.issueTrigger(), view: { ...modal, blocks: [input] } as never }))).toBe(
      'invalid_arguments',
    );
    const many = { ...home, blocks: Array.from({ length: 101 }, () => section('x')) };
    expect(await slackError(client.views.publish({ user_id: 'U0ALICE', view: many as never }))).toBe('invalid_arguments');
  });

  it('views.update needs a known view and, when given, its current hash', async () => {
    const opened = await client.views.open({ trigger_id: double.issueTrigger(), view: modal as never });
    const id = opened.view!.id!;
    const updated = await client.views.update({
      view_id: id,
      hash: opened.view!.hash!,
      view: { ...modal, blocks: [section('new')] } as never,
    });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(await slackError(client.views.update({ view_id: id, hash: opened.view!.hash!, view: modal as never }))).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V0NOPE', view: modal as never }))).toBe('not_found');
    expect(double.views()[0]?.view.blocks).toEqual([section('new')]);
  });

  it('views.publish keeps each user’s Home; with the Home tab off, not_enabled', async () => {
    await client.views.publish({ user_id: 'U0ALICE', view: home as never });
    expect(double.home('U0ALICE')?.view).toEqual(home);
    const off = await startSlackDouble({ homeTabEnabled: false });
    try {
      const offClient = doubleClient(off, TOKEN);
      expect(await slackError(offClient.views.publish({ user_id: 'U0ALICE', view: home as never }))).toBe('not_enabled');
    } finally {
      await off.close();
    }
  });
});
