/** `/chatdash overview` alone: the job it queues, the ack it answers, and every answer when it can't start. */
import { describe, expect, it } from 'vitest';
import { projectsForChannel } from '../../../../../src/config/access.ts';
import type { ProjectConfig } from '../../../../../src/config/schema.ts';
import { overview } from '../../../../../src/slack/listeners/commands/chatdash/overview.ts';
import { COULD_NOT_START } from '../../../../../src/slack/messages.ts';
import { demoConfig } from '../../../../support/config.ts';
import { FIXED_NOW, failingQueue, listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

const agency = projectsForChannel(demoConfig, 'C0AGENCY');

const request = (words: string, visible: readonly ProjectConfig[] = agency) => subcommandRequest(words, visible);

describe('overview', () => {
  it('queues one overview job for the range as typed, and says how many projects it is getting', async () => {
    const ctx = listenerContext();
    const answer = await overview.run(ctx, request('Last 30 days'));
    expect(answer?.text).toBe(':hourglass_flowing_sand: Getting the overview of 7 projects for \u201cLast 30 days\u201d\u2026');
    expect(ctx.jobs()).toEqual([
      {
        kind: 'overview',
        idempotencyKey: 'overview:trig.7',
        requester: requester({ channelId: 'C0AGENCY' }),
        request: {
          part: 'command',
          rangeText: 'Last 30 days',
          responseUrl: 'https://hooks.slack.test/r/7',
          requestedAt: FIXED_NOW.toISOString(),
        },
      },
    ]);
  });

  it('the last 7 days by default; one project is "1 project"', async () => {
    const ctx = listenerContext();
    const answer = await overview.run(ctx, request('', agency.slice(0, 1)));
    expect(answer?.text).toBe(':hourglass_flowing_sand: Getting the overview of 1 project for the last 7 days\u2026');
    expect(ctx.jobs()).toMatchObject([{ request: { rangeText: '' } }]);
  });

  it('words that are not a range get the help text naming them, escaped, and no job', async () => {
    const ctx = listenerContext();
    const answer = await overview.run(ctx, request('acme <!here> 7d'));
    expect(answer?.text).toBe(
      'HELP I didn\u2019t understand \u201cacme\u201d, \u201c&lt;!here&gt;\u201d: `/chatdash overview` takes a range only, e.g. `/chatdash overview 30d`.',
    );
    expect(ctx.jobs()).toEqual([]);
  });

  it('many words that are not a range: five quoted, then "… and N more", counting the words past those read', async () => {
    const ctx = listenerContext();
    const answer = await overview.run(ctx, subcommandRequest('w1 w2 w3 w4 w5 w6 7d', agency, 20));
    expect(answer?.text).toBe(
      'HELP I didn\u2019t understand \u201cw1\u201d, \u201cw2\u201d, \u201cw3\u201d, \u201cw4\u201d, \u201cw5\u201d \u2026 and 21 more: `/chatdash overview` takes a range only, e.g. `/chatdash overview 30d`.',
    );
    expect((await overview.run(ctx, subcommandRequest('7d', agency, 2)))?.text).toContain(
      'HELP I didn\u2019t understand 2 words past the first 16:',
    );
    expect(ctx.jobs()).toEqual([]);
  });

  it('when the queue refuses the job: "try again in a minute", logged', async () => {
    const ctx = listenerContext({ queue: failingQueue });
    expect((await overview.run(ctx, request('')))?.text).toBe(COULD_NOT_START);
    expect(ctx.logged.events('queue.send_failed')).toEqual([expect.objectContaining({ kind: 'overview', level: 'error' })]);
  });

  it('has its line in the help text, which names `stats all` too', () => {
    expect(overview.usage).toMatch(/^`\/chatdash overview \[range\]`: .*`\/chatdash stats all`/);
  });
});
