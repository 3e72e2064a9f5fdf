/** uploadChartFile against the Slack double: the happy path, processing time, and each way it fails. */
import type { WebClient } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartUploadError, uploadChartFile } from '../../src/worker/chart-upload.ts';
import { doubleClient, useSlackDouble } from '../support/slack-double.ts';

const file = {
  filename: 'chart.png',
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  title: 'Daily conversations',
  altText: 'A chart',
};
const fast = { pollDelaysMs: [1, 1, 1], sleep: async () => {} };

const double = useSlackDouble();
let client: WebClient;

beforeAll(() => {
  client = doubleClient(double);
});

async function failure(promise: Promise<unknown>): Promise<ChartUploadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartUploadError) return error;
    throw error;
  }
  throw new Error('upload did not fail');
}

describe('uploadChartFile', () => {
  it('uploads privately and returns the id once Slack has processed the file', async () => {
    double.setFileProcessingPolls(2);
    const id = await uploadChartFile(client, file, fast);
    const [uploaded] = double.files();
    expect(uploaded).toMatchObject({ id, filename: 'chart.png', title: 'Daily conversations', altText: 'A chart', channels: [], polls: 3 });
    expect([...uploaded!.bytes!]).toEqual([...file.png]);
    expect(double.callsTo('files.completeUploadExternal')).toHaveLength(3);
    // No channel: the file stays private to the bot, nothing is posted with it.
    for (const call of double.callsTo('files.completeUploadExternal')) expect(call.body).not.toHaveProperty('channel_id');
  });

  it('gives up after its bounded polls when the file is never processed', async () => {
    double.setFileProcessingPolls(Number.POSITIVE_INFINITY);
    const slept: number[] = [];
    const error = await failure(uploadChartFile(client, file, { pollDelaysMs: [5, 10, 20], sleep: async (ms) => void slept.push(ms) }));
    expect(error.reason).toBe('not_ready');
    expect(slept).toEqual([5, 10, 20]);
    expect(double.callsTo('files.completeUploadExternal')).toHaveLength(4);
  });

  it('without files:write: missing_scope, before any bytes are sent', async () => {
    double.setScopes(['chat:write']);
    const error = await failure(uploadChartFile(client, file, fast));
    expect(error).toMatchObject({ reason: 'missing_scope', detail: 'missing_scope' });
    expect(double.callsTo('upload_url')).toEqual([]);
  });

  it('an upload URL answering 500 is upload_failed, and the file is never completed', async () => {
    double.fail('upload_url', { error: 'internal_error', httpStatus: 500 });
    const error = await failure(uploadChartFile(client, file, fast));
    expect(error).toMatchObject({ reason: 'upload_failed', detail: 'HTTP 500' });
    expect(double.callsTo('files.completeUploadExternal')).toEqual([]);
  });

  it('an upload URL that does not answer in time is upload_failed', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failure(uploadChartFile(client, file, { ...fast, fetch: hanging, uploadTimeoutMs: 20 }));
    expect(error).toMatchObject({ reason: 'upload_failed', detail: 'TimeoutError' });
  });

  it('Slack refusing completeUploadExternal is slack_error with its code', async () => {
    double.fail('files.completeUploadExternal', { error: 'internal_error' });
    expect(await failure(uploadChartFile(client, file, fast))).toMatchObject({ reason: 'slack_error', detail: 'internal_error' });
  });
});
