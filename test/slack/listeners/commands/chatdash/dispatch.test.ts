/**
 * The `/chatdash` dispatcher alone: the first word picks a subcommand from the registry (name or alias, any case),
 * the access rules come first unless the subcommand skips them, the help text and "did you mean" come from the
 * registry. A made-up registry shows that a new subcommand needs nothing but its module and its line.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../../../src/config/access.ts';
import { type CommandPayload, dispatchChatdash } from '../../../../../src/slack/listeners/commands/chatdash/dispatch.ts';
import { help } from '../../../../../src/slack/listeners/commands/chatdash/help.ts';
import { findSubcommand, SUBCOMMANDS } from '../../../../../src/slack/listeners/commands/chatdash/registry.ts';
import type { Subcommand, SubcommandRequest } from '../../../../../src/slack/listeners/commands/chatdash/subcommand.ts';
import { fakeClient, listenerContext } from '../../../../support/listeners.ts';
import { requester, slashCommandPayload } from '../../../../support/payloads.ts';

const command = (text: string, extra: Record<string, string> = {}): CommandPayload => slashCommandPayload(text, extra);

/** A subcommand that records its requests, opens a modal like `subscribe` does, and acks empty. */
function subscribeLike(): Subcommand & { requests: SubcommandRequest[] } {
  const requests: SubcommandRequest[] = [];
  return {
    name: 'schedule',
    aliases: ['sched'],
    usage: '`/chatdash schedule [project]`: a digest in this channel',
    requests,
    async run(_ctx, request) {
      requests.push(request);
      await request.client.views.open({
        trigger_id: request.triggerId,
        view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
      });
      return undefined;
    },
  };
}

describe('dispatchChatdash', () => {
  it('a bare /chatdash, help, HELP and ? all answer the usage built from the registry, in its order', async () => {
    const { client } = fakeClient();
    for (const text of ['', '   ', 'help', 'HELP', '?', 'help me please']) {
      const answer = await dispatchChatdash(listenerContext(), command(text), client);
      expect(answer?.text, text).toBe(
        'ChatDash for Slack: /chatdash stats [project] [range], /chatdash overview [range], /chatdash projects, /chatdash subscribe [project], /chatdash subscriptions, /chatdash alert [project], /chatdash alerts, /chatdash connect <project>, /chatdash disconnect [project], /chatdash help',
      );
      const usage = JSON.stringify(answer?.blocks);
      for (const s of SUBCOMMANDS) expect(usage).toContain(JSON.stringify(s.usage).slice(1, -1));
    }
  });

  it('an unknown word gets the usage led by a "did you mean" over the registry\u2019s names', async () => {
    const { client } = fakeClient();
    const answer = await dispatchChatdash(listenerContext(), command('projcts'), client);
    expect(answer?.text).toBe('I don\u2019t know the command \u201cprojcts\u201d. Did you mean /chatdash projects? Try /chatdash help.');
    const nothingClose = await dispatchChatdash(listenerContext(), command('weather'), client);
    expect(nothingClose?.text).toBe('I don\u2019t know the command \u201cweather\u201d. Try /chatdash help.');
  });

  it('routes to a new subcommand by name or alias, with everything it needs, and its modal opens on the ack path', async () => {
    const subscribe = subscribeLike();
    const registry = [...SUBCOMMANDS, subscribe];
    const { client, calls } = fakeClient();
    const ctx = listenerContext();
    const answer = await dispatchChatdash(
      ctx,
      command('Schedule acme  weekly', { channel_id: 'C0AGENCY', trigger_id: 'trig.sub', response_url: 'https://hooks.slack.test/r/1' }),
      client,
      registry,
    );
    expect(answer).toBeUndefined();
    expect(await dispatchChatdash(ctx, command('sched'), client, registry)).toBeUndefined();
    expect(subscribe.requests).toHaveLength(2);
    const [first] = subscribe.requests;
    expect(first).toMatchObject({
      words: ['acme', 'weekly'],
      requester: requester({ channelId: 'C0AGENCY' }),
      triggerId: 'trig.sub',
      responseUrl: 'https://hooks.slack.test/r/1',
    });
    expect(first?.projects.map((p) => p.key)).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
    expect(calls.map((c) => [c.method, c.args.trigger_id])).toEqual([
      ['views.open', 'trig.sub'],
      ['views.open', 'trigger.1'],
    ]);

    // It is in the help text and in the suggestions.
    const usage = await dispatchChatdash(ctx, command('help'), client, registry);
    expect(JSON.stringify(usage?.blocks)).toContain('/chatdash schedule [project]');
    expect(usage?.text).toContain('/chatdash schedule [project]');
    expect((await dispatchChatdash(ctx, command('schedle'), client, registry))?.text).toContain('Did you mean /chatdash schedule?');
  });

  it('applies the access rules before a subcommand runs, unless it skips them', async () => {
    const subscribe = subscribeLike();
    const registry = [subscribe, help];
    const { client } = fakeClient();
    const foreign = command('schedule', { team_id: 'T0OTHER' });
    expect((await dispatchChatdash(listenerContext(), foreign, client, registry))?.text).toBe(ACCESS_MESSAGES.workspace);
    expect(subscribe.requests).toEqual([]);
    const unbound = command('schedule', { channel_id: 'C0RANDOM' });
    expect((await dispatchChatdash(listenerContext(), unbound, client, registry))?.text).toBe(ACCESS_MESSAGES.channel_not_bound);
    // help skips them: anyone may read the usage.
    expect((await dispatchChatdash(listenerContext(), command('help', { team_id: 'T0OTHER' }), client, registry))?.text).toContain(
      'ChatDash for Slack',
    );
  });

  it('a payload without a user gets a plain notice', async () => {
    const { client } = fakeClient();
    const answer = await dispatchChatdash(listenerContext(), command('stats', { user_id: '' }), client);
    expect(answer?.text).toContain('without a team, channel or user');
  });
});

describe('the registry', () => {
  it('has unique names and aliases, each usage line led by its syntax', () => {
    const words = SUBCOMMANDS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    expect(new Set(words).size).toBe(words.length);
    for (const s of SUBCOMMANDS) expect(s.usage).toMatch(new RegExp(`^\`/chatdash ${s.name}[^\`]*\`: `));
  });

  it('finds a subcommand by name or alias, in any case', () => {
    expect(findSubcommand(SUBCOMMANDS, 'STATS')?.name).toBe('stats');
    expect(findSubcommand(SUBCOMMANDS, '?')?.name).toBe('help');
    expect(findSubcommand(SUBCOMMANDS, 'stat')).toBeUndefined();
  });
});
