/**
 * An agency with 100 client bots: `/chatdash overview` through the real HTTP handler and worker stays within
 * Slack's limits (the Slack double validates it), and "List them" on "… and N more projects" posts the rest in the
 * overview's thread, once per click.
 */
import { describe, expect, it } from 'vitest';
import { agencyConfig } from '../../src/bench/overview-config.ts';
import { decodeMask, decodeOverviewRef } from '../../src/overview/ref.ts';
import { syntheticProjects } from '../../src/sandbox/synthetic.ts';
import { validateMessage } from '../../src/slack-double/validate.ts';
import { useBot } from '../support/bot.ts';
import { keyOf, overviewButtons, sectionTexts } from '../support/overview.ts';
import { blockActionsPayload } from '../support/payloads.ts';
import { answersTo } from '../support/slack-messages.ts';

const projects = syntheticProjects(100);
const bot = useBot({ config: agencyConfig(projects), sandbox: { projects } });

describe('an overview of 100 projects', () => {
  it('fits Slack, and the projects it leaves out are listed in the thread', async () => {
    const ack = await bot.command('overview', { channel_id: 'C0AGENCY', response_url: bot.slack.responseUrl('scale') });
    expect(ack.json?.text).toContain('overview of 100 projects');
    const worker = await bot.worker();
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const [answer] = answersTo(bot.slack, 'scale');
    expect(answer?.ok).toBe(true);
    expect(validateMessage(answer!.body)).toEqual({ ok: true });
    const blocks = answer!.body.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(bot.sandbox.requests).toHaveLength(200);

    const buttons = overviewButtons(answer!.body);
    expect(buttons.filter((b) => b.action_id.startsWith('overview:project:'))).toHaveLength(25);
    const texts = sectionTexts(answer!.body);
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
    bot.sandbox.requests.length = 0;
    const payload = blockActionsPayload({
      button: list,
      messageTs: '1732550000.000100',
      channel: 'C0AGENCY',
      responseUrl: bot.slack.responseUrl('list'),
    });
    await bot.click(payload);
    await bot.click(payload); // Slack retried the click
    expect((await worker(bot.drain().event)).batchItemFailures).toEqual([]);
    const replies = bot.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === '1732550000.000100');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.ok).toBe(true);
    const replyText = sectionTexts(replies[0]!.body).join('\n');
    expect(replyText).toContain(`*More projects* · ${hiddenCount} projects`);
    for (const key of listed) expect(replyText).toContain(`\`${key}\``);
    // Only the listed projects were asked for again.
    expect(new Set(bot.sandbox.requests.map((r) => r.projectId)).size).toBe(hiddenCount);
  });
});
