/**
 * An agency with 100 client bots: `/chatdash overview` through the real HTTP handler and worker stays within
 * Slack's limits (the Slack double validates it), and "List them" on "… and N more projects" posts the rest in the
 * overview's thread, once per click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyConfig } from '../../src/bench/overview-config.ts';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { createLog } from '../../src/log.ts';
import { decodeMask, decodeOverviewRef } from '../../src/overview/ref.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { syntheticProjects } from '../../src/sandbox/synthetic.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { interactionEvent, SIGNING_SECRET, slashCommandEvent } from '../../src/slack-double/requests.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { buildDeps, createWorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { blockActionsPayload } from '../slack/harness.ts';
import { keyOf, overviewButtons, sectionTexts } from '../support/overview.ts';

const projects = syntheticProjects(100);
const config = agencyConfig(projects);
const secrets = async () => ({ slackSigningSecret: SIGNING_SECRET, slackBotToken: 'xoxb-test-token', chatdashApiKey: 'cdk_scale_key' });
let sandbox: Sandbox;
let slack: SlackDouble;

beforeAll(async () => {
  sandbox = await startSandbox({ projects, apiKey: 'cdk_scale_key' });
  slack = await startSlackDouble({ users: { U0ALICE: { tz: 'Europe/Paris' } } });
});
afterAll(async () => {
  await slack?.close();
  await sandbox?.close();
});

describe('an overview of 100 projects', () => {
  it('fits Slack, and the projects it leaves out are listed in the thread', async () => {
    const env = { SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url };
    const log = createLog({ quiet: true });
    const queue = createLocalQueue();
    const http = createHttpHandler({ config, env, queue, secrets, log });
    const worker = createWorkerHandler({
      config,
      env,
      deps: await buildDeps(config, env, secrets, log),
      once: createMemoryOnceGuard(),
      log,
    });

    const ack = await http(slashCommandEvent({ text: 'overview', channel_id: 'C0AGENCY', response_url: slack.responseUrl('scale') }));
    expect(JSON.parse(ack.body).text).toContain('overview of 100 projects');
    expect((await worker(queue.drain())).batchItemFailures).toEqual([]);
    const answer = slack.callsTo('response_url').find((c) => c.body.__responseUrlId === 'scale')!;
    expect(answer.ok).toBe(true);
    expect(validateMessage(answer.body)).toEqual({ ok: true });
    const blocks = answer.body.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(sandbox.requests).toHaveLength(200);

    const buttons = overviewButtons(answer.body);
    expect(buttons.filter((b) => b.action_id.startsWith('overview:project:'))).toHaveLength(25);
    const texts = sectionTexts(answer.body);
    const more = texts.find((t) => t.startsWith('*… and '));
    expect(more).toMatch(/^\*… and (\d+) more projects\*/);
    const hiddenCount = Number(/… and (\d+) more/.exec(more!)![1]);
    expect(texts.at(-1)).toMatch(/^:zzz: \*10 quiet\*: /);
    expect(25 + hiddenCount + 10).toBe(100);

    // "List them" on "… and N more projects", clicked on an overview posted in the channel: a thread reply.
    const list = buttons.find((b) => b.action_id === 'overview:list:more')!;
    const ref = decodeOverviewRef(list.value);
    if (ref?.o !== 'l') throw new Error('expected a list reference');
    const listed = decodeMask(projects.map(keyOf), ref.mask);
    expect(listed).toHaveLength(hiddenCount);
    sandbox.requests.length = 0;
    const payload = blockActionsPayload({
      button: list,
      messageTs: '1732550000.000100',
      channel: 'C0AGENCY',
      responseUrl: slack.responseUrl('list'),
    });
    await http(interactionEvent(payload));
    await http(interactionEvent(payload)); // Slack retried the click
    expect((await worker(queue.drain())).batchItemFailures).toEqual([]);
    const replies = slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === '1732550000.000100');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.ok).toBe(true);
    const replyText = sectionTexts(replies[0]!.body).join('\n');
    expect(replyText).toContain(`*More projects* · ${hiddenCount} projects`);
    for (const key of listed) expect(replyText).toContain(`\`${key}\``);
    // Only the listed projects were asked for again.
    expect(new Set(sandbox.requests.map((r) => r.projectId)).size).toBe(hiddenCount);
  });
});
