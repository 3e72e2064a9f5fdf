/** The `/chatdash` listener alone: what it acks, and that a bug still ends in an answer. */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../../src/config/schema.ts';
import { CHATDASH_COMMAND, type ChatdashCommandArgs, chatdashCommand } from '../../../../src/slack/listeners/commands/chatdash.ts';
import type { EphemeralMessage } from '../../../../src/slack/messages.ts';
import { demoConfig } from '../../../support/config.ts';
import { FIXED_NOW, fakeClient, listenerContext, recorder } from '../../../support/listeners.ts';
import { slashCommandPayload } from '../../../support/payloads.ts';

function args(text: string, extra: Record<string, string> = {}) {
  const ack = recorder<EphemeralMessage>();
  const { client, calls } = fakeClient();
  const command = slashCommandPayload(text, extra);
  return { ack, calls, args: { command, ack, client } as unknown as ChatdashCommandArgs };
}

describe('chatdashCommand', () => {
  it('matches /chatdash and renamed installs', () => {
    expect(CHATDASH_COMMAND.test('/chatdash')).toBe(true);
    expect(CHATDASH_COMMAND.test('/chatdash-staging')).toBe(true);
    expect(CHATDASH_COMMAND.test('/other')).toBe(false);
  });

  it('acks once with the subcommand\u2019s answer and logs the command', async () => {
    const ctx = listenerContext();
    const { ack, args: a } = args('help');
    await chatdashCommand(ctx, a);
    expect(ack.calls).toHaveLength(1);
    expect(ack.calls[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(ack.calls[0]?.text).toContain('/chatdash stats [project] [range]');
    expect(ctx.logged.events('slack.command')).toEqual([expect.objectContaining({ team: 'T0DEMO', channel: 'C0ACME' })]);
  });

  it('queues a stats job stamped with the context\u2019s clock and acks "working on it"', async () => {
    const ctx = listenerContext();
    const { ack, calls, args: a } = args('stats 30d', { trigger_id: 'trig.42' });
    await chatdashCommand(ctx, a);
    expect(ack.calls[0]?.text).toContain('Getting the numbers for *Acme Support Bot* (30d)');
    expect(ctx.jobs()).toEqual([
      expect.objectContaining({ kind: 'stats', idempotencyKey: 'stats:trig.42', rangeText: '30d', requestedAt: FIXED_NOW.toISOString() }),
    ]);
    // Nothing but the ack: no Web API call on the way.
    expect(calls).toEqual([]);
  });

  it('a bug ends in an ephemeral apology, logged, never in no ack', async () => {
    const broken = {
      ...demoConfig,
      get projects(): never {
        throw new TypeError('simulated bug');
      },
    } as Config;
    const ctx = listenerContext({ config: broken });
    const { ack, args: a } = args('stats acme 7d');
    await chatdashCommand(ctx, a);
    expect(ack.calls).toHaveLength(1);
    expect(ack.calls[0]?.text).toContain('something went wrong on my side');
    expect(ctx.logged.events('slack.command_failed')).toEqual([expect.objectContaining({ errorMessage: 'simulated bug' })]);
  });
});
