/**
 * Charts end to end: real jobs through the real worker (ChatDash sandbox → insights → ECharts + resvg PNG →
 * Slack's upload flow on the double → image block), and every way a chart can fail still delivers the message
 * with its text sparkline.
 */
import { describe, expect, it } from 'vitest';
import type { SlackCall } from '../../src/slack-double/server.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import type { WorkerDeps } from '../../src/worker/deps.ts';
import { useBot } from '../support/bot.ts';
import { postDigest, threadReplies } from '../support/digest-thread.ts';
import { overviewButtons } from '../support/overview.ts';
import { blockActionsPayload, digestJob, sqsEvent } from '../support/payloads.ts';
import { decodePng } from '../support/png.ts';
import { allText, answersTo, buttonsOf, postsTo } from '../support/slack-messages.ts';

const bot = useBot();

/** Real deps, with polls short enough for a test (the double processes a file on its second poll). */
const deps = (overrides: Partial<WorkerDeps> = {}) => bot.deps({ charts: { pollDelaysMs: [5, 5, 5] }, ...overrides });

type Block = { type: string; slack_file?: { id: string }; alt_text?: string; title?: { text: string }; text?: { text: string } };
const blocksOf = (body: Record<string, unknown> | undefined) => (body?.blocks ?? []) as Block[];
const images = (body: Record<string, unknown> | undefined) => blocksOf(body).filter((b) => b.type === 'image');
const hasSparkline = (body: Record<string, unknown> | undefined) => /\*Daily conversations\*\n[▁▂▃▄▅▆▇█]+/.test(allText(body));
const logs = () => bot.entries();

/** `/chatdash stats acme 30d` through the HTTP handler, then the worker; returns the response_url answers. */
async function stats(workerDeps?: WorkerDeps): Promise<SlackCall[]> {
  const id = `r-${Math.random().toString(36).slice(2)}`;
  await bot.command('stats acme 30d', { response_url: bot.slack.responseUrl(id), channel_id: 'C0ACME' });
  const worker = await bot.worker({ deps: workerDeps ?? (await deps()) });
  expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
  return answersTo(bot.slack, id);
}

async function digest(workerDeps?: WorkerDeps): Promise<SlackCall[]> {
  const worker = await bot.worker({ deps: workerDeps ?? (await deps()) });
  expect((await worker(sqsEvent(digestJob('acme-weekly', new Date().toISOString(), 'manual')))).batchItemFailures).toEqual([]);
  return postsTo(bot.slack, 'C0ACME');
}

/** The uploaded file behind an image block, decoded. */
function pngOf(block: Block) {
  const file = bot.slack.files().find((f) => f.id === block.slack_file?.id);
  expect(file?.bytes).toBeDefined();
  return { file: file!, png: decodePng(file!.bytes!) };
}

describe('charts delivered', () => {
  it('a stats answer shows daily conversations as an uploaded PNG instead of the sparkline, with alt text stating the numbers', async () => {
    const answers = await stats();
    expect(answers).toHaveLength(1);
    const body = answers[0]!.body;
    expect(answers[0]!.ok).toBe(true);
    expect(validateMessage(body)).toEqual({ ok: true });
    const [image] = images(body);
    expect(image).toMatchObject({ title: { text: 'Daily conversations' } });
    expect(image!.alt_text).toMatch(
      /^Line chart of daily conversations, .+: [\d,]+ in all .*This period: .+; .+\. The period before, day by day: [\d, ]+\.$/,
    );
    const { file, png } = pngOf(image!);
    expect([png.width, png.height]).toEqual([1200, 600]);
    // Private to the bot (no channel share, nothing posted with it), processed before it was shown.
    expect(file).toMatchObject({ channels: [], completed: true, filename: 'chatdash-conversations.png' });
    expect(hasSparkline(body)).toBe(false);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.delivered', job: 'stats', chart: 'conversations' }));
  });

  it('a scheduled digest posts its chart in the channel, the rest of the digest intact', async () => {
    const [posted] = await digest();
    expect(images(posted!.body)).toHaveLength(1);
    expect(validateMessage(posted!.body)).toEqual({ ok: true });
    expect(buttonsOf(posted!.body).map((b) => b.action_id)).toContain('drilldown:costs');
    expect(pngOf(images(posted!.body)[0]!).png.width).toBe(1200);
  });

  it.each([
    ['costs', 'Cost per day', 'chatdash-cost.png'],
    ['topics', 'Top topics', 'chatdash-topics.png'],
  ])('the %s drill-down in the digest’s thread shows %s', async (view, title, filename) => {
    const posted = await postDigest(bot);
    const button = buttonsOf(posted.message).find((b) => b.action_id === `drilldown:${view}`)!;
    await bot.click(blockActionsPayload({ button, messageTs: posted.ts, responseUrl: bot.slack.responseUrl() }));
    const worker = await bot.worker({ deps: await deps() });
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const [reply] = threadReplies(bot, posted.ts);
    expect(reply?.ok).toBe(true);
    expect(validateMessage(reply!.body)).toEqual({ ok: true });
    const [image] = images(reply!.body);
    expect(image).toMatchObject({ title: { text: title } });
    expect(pngOf(image!).file.filename).toBe(filename);
  });

  it('other drill-downs draw nothing and never load the renderer’s upload path', async () => {
    const posted = await postDigest(bot);
    const before = bot.slack.files().length;
    const button = buttonsOf(posted.message).find((b) => b.action_id === 'drilldown:countries')!;
    await bot.click(blockActionsPayload({ button, messageTs: posted.ts, responseUrl: bot.slack.responseUrl() }));
    const worker = await bot.worker({ deps: await deps() });
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    expect(threadReplies(bot, posted.ts).map((c) => c.ok)).toEqual([true]);
    expect(bot.slack.files()).toHaveLength(before);
  });

  it('the agency overview draws no chart; its "Full stats" reply in the thread is the project’s digest with its chart', async () => {
    const worker = await bot.worker({ deps: await deps() });
    expect((await worker(sqsEvent(digestJob('agency-weekly', new Date().toISOString(), 'manual')))).batchItemFailures).toEqual([]);
    const [overview] = postsTo(bot.slack, 'C0AGENCY');
    expect(overview?.body.thread_ts).toBeUndefined();
    expect(images(overview!.body)).toEqual([]);
    expect(bot.slack.files()).toEqual([]);

    const acme = overviewButtons(overview!.body).find((b) => b.action_id === 'overview:project:acme')!;
    const ts = String(logs().find((l) => l.event === 'digest.posted')?.ts);
    await bot.click(blockActionsPayload({ button: acme, messageTs: ts, channel: 'C0AGENCY', responseUrl: bot.slack.responseUrl() }));
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const [reply] = threadReplies(bot, ts);
    expect(reply?.ok).toBe(true);
    expect(allText(reply!.body)).toContain('Acme Support Bot');
    const [image] = images(reply!.body);
    expect(image).toMatchObject({ title: { text: 'Daily conversations' } });
    expect(pngOf(image!).file.channels).toEqual([]);
    expect(hasSparkline(reply!.body)).toBe(false);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.delivered', job: 'overview', part: 'full_stats' }));
  });

  it('CHARTS=off: no upload at all, the sparkline as before', async () => {
    const answers = await stats(await deps({ charts: { enabled: false } }));
    expect(bot.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(images(answers[0]!.body)).toEqual([]);
    expect(hasSparkline(answers[0]!.body)).toBe(true);
  });
});

describe('a chart that fails never costs the message', () => {
  it('no files:write scope: the text answer goes out, the reason is logged, and later jobs skip the upload', async () => {
    bot.slack.setScopes(['commands', 'chat:write', 'users:read']);
    const workerDeps = await deps();
    const answers = await stats(workerDeps);
    expect(answers).toHaveLength(1);
    expect(images(answers[0]!.body)).toEqual([]);
    expect(hasSparkline(answers[0]!.body)).toBe(true);
    expect(logs()).toContainEqual(
      expect.objectContaining({ event: 'chart.failed', level: 'warn', reason: 'missing_scope', fallback: 'text sparkline' }),
    );
    await stats(workerDeps);
    expect(bot.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.skipped', reason: 'missing_scope' }));
  });

  it('Slack rate limiting uploads: the digest goes out at once as text, and charts pause for the Retry-After', async () => {
    bot.slack.fail('files.getUploadURLExternal', { error: 'ratelimited', retryAfterSeconds: 30, times: 5 });
    const workerDeps = await deps();
    const [posted] = await digest(workerDeps);
    // Asked once, not retried after the 30 s Retry-After: the client for uploads fails fast.
    expect(bot.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(images(posted!.body)).toEqual([]);
    expect(hasSparkline(posted!.body)).toBe(true);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.failed', reason: 'rate_limited', detail: 'retry after 30 s' }));
    await digest(workerDeps);
    expect(bot.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.skipped', reason: 'rate_limited' }));
  });

  it('the upload URL failing: the digest is posted with its sparkline', async () => {
    bot.slack.fail('upload_url', { error: 'internal_error', httpStatus: 500 });
    const [posted] = await digest();
    expect(images(posted!.body)).toEqual([]);
    expect(hasSparkline(posted!.body)).toBe(true);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.failed', reason: 'upload_failed', detail: 'HTTP 500' }));
  });

  it('Slack never finishing the file: after bounded polls, the digest goes out with its sparkline', async () => {
    bot.slack.setFileProcessingPolls(Number.POSITIVE_INFINITY);
    const [posted] = await digest();
    expect(images(posted!.body)).toEqual([]);
    expect(hasSparkline(posted!.body)).toBe(true);
    expect(bot.slack.callsTo('files.completeUploadExternal')).toHaveLength(4);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.failed', reason: 'not_ready' }));
  });

  it('chat.postMessage refusing the image (invalid slack file): the digest is posted again without it', async () => {
    bot.slack.fail('chat.postMessage', { error: 'invalid_blocks' });
    const [posted] = await digest();
    expect(images(posted!.body)).toEqual([]);
    expect(hasSparkline(posted!.body)).toBe(true);
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => !c.ok)).toHaveLength(1);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.rejected', error: 'invalid_blocks' }));
  });

  it('a response_url refusing the image (the viewer can’t see the file): the stats answer is sent again as text', async () => {
    bot.slack.fail('response_url', { error: 'invalid_blocks', httpStatus: 400 });
    const answers = await stats();
    expect(answers.map((a) => a.ok)).toEqual([false, true]);
    expect(images(answers[1]!.body)).toEqual([]);
    expect(hasSparkline(answers[1]!.body)).toBe(true);
    expect(answers[1]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
  });

  it('the renderer failing: the answer goes out with its sparkline, nothing uploaded', async () => {
    const answers = await stats(
      await deps({
        charts: {
          render: async () => {
            throw new Error('wasm trap');
          },
        },
      }),
    );
    expect(hasSparkline(answers[0]!.body)).toBe(true);
    expect(bot.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(logs()).toContainEqual(expect.objectContaining({ event: 'chart.failed', reason: 'render_failed', errorMessage: 'wasm trap' }));
  });
});
