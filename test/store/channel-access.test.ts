/**
 * Access with runtime bindings: a channel's bindings made from Slack count like the configuration's; the read is
 * skipped where it can't matter; if it fails, the configuration still applies and nothing leaks.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import { checkChannelAccess } from '../../src/store/channel-access.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { type BindingsReader, userActor } from '../../src/store/store.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';

const config = demoConfig;
const request = (channelId: string, extra: { userId?: string; teamId?: string } = {}) => ({
  teamId: extra.teamId ?? 'T0DEMO',
  channelId,
  userId: extra.userId ?? 'U0ANN',
  isDirectMessage: channelId.startsWith('D'),
});
const keys = (decision: Awaited<ReturnType<typeof checkChannelAccess>>) =>
  decision.ok ? decision.projects.map((p) => p.key) : decision.reason;

function countingReader(inner: BindingsReader): BindingsReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    bindingsOf: (channel) => {
      reads.push(channel);
      return inner.bindingsOf(channel);
    },
  };
}

describe('checkChannelAccess', () => {
  it('adds the channel’s runtime bindings to the configuration’s', async () => {
    const { log } = recordingLog();
    const store = createMemoryStore({ log });
    await store.bindChannel('C0ACME', 'bella', userActor('U0ADMIN'));
    await store.bindChannel('C0NEW', 'quiet', userActor('U0ADMIN'));
    expect(keys(await checkChannelAccess(config, store, request('C0ACME'), log))).toEqual(['acme', 'bella']);
    expect(keys(await checkChannelAccess(config, store, request('C0NEW'), log))).toEqual(['quiet']);
    const named = await checkChannelAccess(config, store, request('C0NEW'), log, 'quiet');
    expect(named.ok && named.project?.key).toBe('quiet');
    // A binding in another channel grants nothing here; the refusal is the same as for a project that doesn't exist.
    const elsewhere = await checkChannelAccess(config, store, request('C0NEW'), log, 'acme');
    const nowhere = await checkChannelAccess(config, store, request('C0NEW'), log, 'zzzz');
    expect(elsewhere).toEqual(nowhere);
    expect(elsewhere).toMatchObject({ ok: false, reason: 'project_not_bound' });
    // A binding to a project the configuration no longer has grants nothing.
    store.putRawItem({
      pk: 'CHANNEL#C0OLD',
      sk: 'BIND#gone',
      entity: 'binding',
      schema: 1,
      channel: 'C0OLD',
      project: 'gone',
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'U0ADMIN',
    });
    expect(keys(await checkChannelAccess(config, store, request('C0OLD'), log))).toBe('channel_not_bound');
  });

  it('reads nothing for other workspaces and DMs', async () => {
    const { log } = recordingLog();
    const reader = countingReader(createMemoryStore({ log }));
    expect(keys(await checkChannelAccess(config, reader, request('C0ACME', { teamId: 'T0OTHER' }), log))).toBe('workspace');
    expect(keys(await checkChannelAccess(config, reader, request('D0DM', { userId: 'U0ADMIN' }), log))).toEqual(
      config.projects.map((p) => p.key),
    );
    expect(keys(await checkChannelAccess(config, reader, request('D0DM'), log))).toBe('dm_not_admin');
    expect(reader.reads).toEqual([]);
    await checkChannelAccess(config, reader, request('C0ACME'), log);
    expect(reader.reads).toEqual(['C0ACME']);
  });

  it('when the read fails: the configuration still applies, an unbound channel hears "try again", the error is logged', async () => {
    const { log, entries } = recordingLog();
    const failing: BindingsReader = {
      bindingsOf: async () => {
        throw new Error('DynamoDB Query failed: timed out');
      },
    };
    expect(keys(await checkChannelAccess(config, failing, request('C0ACME'), log))).toEqual(['acme']);
    const refused = await checkChannelAccess(config, failing, request('C0NEW'), log);
    expect(refused).toEqual({ ok: false, reason: 'bindings_unavailable', message: ACCESS_MESSAGES.bindings_unavailable });
    expect(entries().filter((l) => l.event === 'access.bindings_unavailable')).toHaveLength(2);
  });
});
