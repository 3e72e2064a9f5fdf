/**
 * The Slack double's files: the external upload flow (getUploadURLExternal → POST bytes → completeUploadExternal),
 * processing time, scopes, and which image blocks a message may show: the same failure modes Slack has.
 */
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { doubleClient } from '../support/web-client.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let double: SlackDouble;
let client: WebClient;

beforeAll(async () => {
  double = await startSlackDouble({ channels: { C0GONE: 'channel_not_found' } });
  client = doubleClient(double);
});
afterAll(async () => {
  await double?.close();
});
beforeEach(() => {
  double.reset();
});

type UploadTarget = { upload_url: string; file_id: string };

/** files.getUploadURLExternal for `length` bytes. */
async function uploadTarget(c: WebClient, length = PNG.length, extra: Record<string, unknown> = {}): Promise<UploadTarget> {
  return (await c.apiCall('files.getUploadURLExternal', { filename: 'chart.png', length, ...extra })) as unknown as UploadTarget;
}

async function slackError(promise: Promise<unknown>): Promise<{ error: string; data: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebAPIPlatformError) return { error: error.data.error, data: error.data as unknown as Record<string, unknown> };
    throw error;
  }
  throw new Error('call did not fail');
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

describe('the external upload flow', () => {
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
    expect((await slackError(client.files.info({ file: id }))).error).toBe('missing_scope');
  });

  it('without files:write: missing_scope, naming the scope needed', async () => {
    double.setScopes(['chat:write', 'commands']);
    const { error, data } = await slackError(uploadTarget(client, 3));
    expect(error).toBe('missing_scope');
    expect(data).toMatchObject({ needed: 'files:write', provided: 'chat:write,commands' });
  });

  it('an upload URL failure and a length that does not match are HTTP errors; completing an unsent file fails', async () => {
    const target = await uploadTarget(client);
    double.fail('upload_url', { error: 'internal_error', httpStatus: 503 });
    expect((await fetch(target.upload_url, { method: 'POST', body: PNG })).status).toBe(503);
    expect((await fetch(target.upload_url, { method: 'POST', body: PNG.subarray(0, 4) })).status).toBe(400);
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: target.file_id }] }))).error).toBe(
      'file_upload_not_found',
    );
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: 'F0NOSUCHFILE' }] }))).error).toBe('file_not_found');
  });

  it('a channel the bot cannot post to fails the share', async () => {
    const target = await uploadTarget(client);
    await fetch(target.upload_url, { method: 'POST', body: PNG });
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: target.file_id }], channel_id: 'C0GONE' }))).error).toBe(
      'channel_not_found',
    );
  });
});

describe('image blocks that name a slack_file', () => {
  it('the bot’s own private upload shows in its messages once processed', async () => {
    const { id, complete } = await upload();
    const early = await slackError(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) }));
    expect(early.error).toBe('invalid_blocks');
    expect(early.data.errors).toEqual(['invalid slack file [json-pointer:/blocks/0/slack_file]']);
    await complete();
    await expect(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) })).resolves.toMatchObject({ ok: true });
  });

  it('a file shared to another channel is invalid here; an unknown id is invalid anywhere', async () => {
    const { id, complete } = await upload('C0OTHER');
    await complete();
    await expect(client.chat.postMessage({ channel: 'C0OTHER', ...imageMessage(id) })).resolves.toMatchObject({ ok: true });
    expect((await slackError(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage(id) }))).error).toBe('invalid_blocks');
    expect((await slackError(client.chat.postMessage({ channel: 'C0ACME', ...imageMessage('F0NOSUCHFILE') }))).error).toBe(
      'invalid_blocks',
    );
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

describe('validateMessage: image blocks', () => {
  const check = (block: Record<string, unknown>) => validateMessage({ text: 't', blocks: [{ type: 'image', ...block }] });

  it('accepts a slack_file by id with alt text and a title', () => {
    expect(check({ slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x', title: { type: 'plain_text', text: 'Chart' } })).toEqual({ ok: true });
    expect(check({ image_url: 'https://example.com/a.png', alt_text: 'x' })).toEqual({ ok: true });
  });

  it.each([
    ['no alt text', { slack_file: { id: 'F0123ABCDEF' } }, '/blocks/0/alt_text'],
    ['alt text over 2000', { slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x'.repeat(2001) }, '/blocks/0/alt_text'],
    ['both sources', { slack_file: { id: 'F0123ABCDEF' }, image_url: 'https://e.com/a.png', alt_text: 'x' }, '/blocks/0'],
    ['no source', { alt_text: 'x' }, '/blocks/0'],
    ['id and url', { slack_file: { id: 'F0123ABCDEF', url: 'https://e.com' }, alt_text: 'x' }, '/blocks/0/slack_file'],
    [
      'a permalink as id',
      { slack_file: { id: 'https://acme.slack.com/files/U1/F0123ABCDEF/a.png' }, alt_text: 'x' },
      '/blocks/0/slack_file/id',
    ],
    [
      'a mrkdwn title',
      { slack_file: { id: 'F0123ABCDEF' }, alt_text: 'x', title: { type: 'mrkdwn', text: '*t*' } },
      '/blocks/0/title/type',
    ],
  ])('rejects %s', (_name, block, pointer) => {
    const result = check(block);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe('invalid_blocks');
      expect(result.messages.join('\n')).toContain(`[json-pointer:${pointer}]`);
    }
  });
});
