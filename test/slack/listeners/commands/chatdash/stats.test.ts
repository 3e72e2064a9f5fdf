/** `/chatdash stats` alone: which project, which range, the job it queues, and every answer when it can't. */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../../../../src/config/schema.ts';
import { stats } from '../../../../../src/slack/listeners/commands/chatdash/stats.ts';
import { COULD_NOT_START } from '../../../../../src/slack/messages.ts';
import { demoConfig } from '../../../../support/config.ts';
import { FIXED_NOW, failingQueue, listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

const projects = (...keys: string[]): ProjectConfig[] => demoConfig.projects.filter((p) => keys.includes(p.key));

describe('stats', () => {
  it('queues one stats job for the named project and range, and says it is on it', async () => {
    const ctx = listenerContext();
    const answer = await stats.run(ctx, subcommandRequest('last week bella', projects('acme', 'bella')));
    expect(answer?.text).toBe(':hourglass_flowing_sand: Getting the numbers for *Bella Pizza Phone Line* (last week)\u2026');
    expect(ctx.jobs()).toEqual([
      {
        kind: 'stats',
        idempotencyKey: 'stats:trig.7',
        requester: requester({ channelId: 'C0AGENCY' }),
        projectKey: 'bella',
        rangeText: 'last week',
        responseUrl: 'https://hooks.slack.test/r/7',
        requestedAt: FIXED_NOW.toISOString(),
      },
    ]);
  });

  it('takes the channel\u2019s only project, and the last 7 days by default', async () => {
    const ctx = listenerContext();
    expect((await stats.run(ctx, subcommandRequest('', projects('acme'))))?.text).toContain('*Acme Support Bot* (last 7 days)');
    expect(ctx.jobs()).toMatchObject([{ projectKey: 'acme', rangeText: '' }]);
  });

  it('asks which project where there are several, through the help text', async () => {
    const ctx = listenerContext();
    const answer = await stats.run(ctx, subcommandRequest('30d', projects('acme', 'bella')));
    expect(answer?.text).toBe('HELP Which project? Here you can use `acme`, `bella`, e.g. `/chatdash stats acme 30d`.');
    expect(ctx.jobs()).toEqual([]);
  });

  it('a project this channel may not see reads like an unknown one, suggesting only visible ones', async () => {
    const ctx = listenerContext();
    const bella = await stats.run(ctx, subcommandRequest('bella', projects('acme')));
    expect(bella?.text).toContain('I can\u2019t find a project called \u201cbella\u201d for this channel.');
    expect(bella?.text).not.toContain('Did you mean');
    expect((await stats.run(ctx, subcommandRequest('acmee', projects('acme'))))?.text).toContain('Did you mean `acme`?');
    expect(ctx.jobs()).toEqual([]);
  });

  it('words it cannot place get the help text naming them, escaped', async () => {
    const answer = await stats.run(listenerContext(), subcommandRequest('acme <!here> x&y', projects('acme')));
    expect(answer?.text).toBe('HELP I didn\u2019t understand \u201c&lt;!here&gt;\u201d, \u201cx&amp;y\u201d.');
  });

  it('many words it cannot place: five quoted, then "… and N more", counting the words past those read', async () => {
    const ctx = listenerContext();
    const answer = await stats.run(ctx, subcommandRequest('acme x1 x2 x3 x4 x5 x6', projects('acme'), 1000));
    expect(answer?.text).toBe(
      'HELP I didn\u2019t understand \u201cx1\u201d, \u201cx2\u201d, \u201cx3\u201d, \u201cx4\u201d, \u201cx5\u201d \u2026 and 1,001 more.',
    );
    // Every word read was fine, but more were typed than are read: not run on a guess.
    expect((await stats.run(ctx, subcommandRequest('acme 30d', projects('acme'), 1)))?.text).toBe(
      'HELP I didn\u2019t understand 1 word past the first 16.',
    );
    expect(ctx.jobs()).toEqual([]);
  });

  it('which project? lists ten keys, then "… and N more"', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ key: `p${i}`, id: `proj_${i}`, name: `P ${i}` }));
    const answer = await stats.run(listenerContext(), subcommandRequest('30d', many));
    expect(answer?.text).toBe(
      `HELP Which project? Here you can use ${many
        .slice(0, 10)
        .map((p) => `\`${p.key}\``)
        .join(', ')} \u2026 and 15 more, e.g. \`/chatdash stats p0 30d\`.`,
    );
  });

  it('when the queue refuses the job: "try again in a minute", logged', async () => {
    const ctx = listenerContext({ queue: failingQueue });
    const answer = await stats.run(ctx, subcommandRequest('acme', projects('acme')));
    expect(answer?.text).toBe(COULD_NOT_START);
    expect(ctx.logged.events('queue.send_failed')).toEqual([expect.objectContaining({ kind: 'stats', level: 'error' })]);
  });

  it('`stats all [range]` is the overview of every project here, wherever `all` stands', async () => {
    const visible = projects('acme', 'bella');
    for (const words of ['all 30d', '30d ALL']) {
      const ctx = listenerContext();
      const answer = await stats.run(ctx, subcommandRequest(words, visible));
      expect(answer?.text, words).toBe(':hourglass_flowing_sand: Getting the overview of 2 projects for \u201c30d\u201d\u2026');
      expect(ctx.jobs(), words).toMatchObject([{ kind: 'overview', request: { part: 'command', rangeText: '30d' } }]);
    }
    // A project named with it is not a range: the overview's help says so.
    expect((await stats.run(listenerContext(), subcommandRequest('acme all', visible)))?.text).toContain(
      'I didn\u2019t understand \u201cacme\u201d: `/chatdash overview` takes a range only',
    );
  });
});
