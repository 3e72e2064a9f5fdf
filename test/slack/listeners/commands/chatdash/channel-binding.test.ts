/**
 * `/chatdash connect` and `disconnect` alone: refusals in order (another workspace, not an admin whatever the project,
 * a DM), the words, and the change made through the service and announced in the channel.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../../../../src/config/access.ts';
import { runConnect, runDisconnect } from '../../../../../src/slack/listeners/commands/chatdash/channel-binding.ts';
import { createMemoryStore } from '../../../../../src/store/memory.ts';
import { SERVICE_MESSAGES } from '../../../../../src/subscriptions/messages.ts';
import { POLICY_MESSAGES } from '../../../../../src/subscriptions/policy.ts';
import { fakeClient, listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

const as = (words: string, who: Partial<ReturnType<typeof requester>> = {}) => {
  const { client, calls } = fakeClient();
  return { request: { ...subcommandRequest(words, []), requester: requester({ channelId: 'C0NEWCLIENT', ...who }), client }, calls };
};

describe('runConnect / runDisconnect', () => {
  it('refuse another workspace, then anyone not an admin with the same words whatever the project, then DMs', async () => {
    const ctx = listenerContext({ store: createMemoryStore({ log: () => {} }) });
    expect((await runConnect(ctx, as('acme', { teamId: 'T0OTHER', userId: 'U0ADMIN' }).request))?.text).toBe(ACCESS_MESSAGES.workspace);
    for (const words of ['acme', 'secret-client', '', 'a b c']) {
      expect((await runConnect(ctx, as(words).request))?.text, words).toBe(POLICY_MESSAGES.admins_only);
      expect((await runDisconnect(ctx, as(words).request))?.text, words).toBe(POLICY_MESSAGES.admins_only);
    }
    const dm = as('acme', { userId: 'U0ADMIN', channelId: 'D0ADMIN', isDirectMessage: true }).request;
    expect((await runConnect(ctx, dm))?.text).toBe(SERVICE_MESSAGES.dmConnect);
  });

  it('an admin connects (announced in the channel), is told when it already was, and disconnects', async () => {
    const store = createMemoryStore({ log: () => {} });
    const ctx = listenerContext({ store });
    const connect = as('nova', { userId: 'U0ADMIN' });
    expect((await runConnect(ctx, connect.request))?.text).toContain('Connected this channel to *Nova Telecom Help*');
    expect(connect.calls.map((c) => [c.method, c.args.channel])).toEqual([['chat.postMessage', 'C0NEWCLIENT']]);
    expect(await store.bindingsOf('C0NEWCLIENT')).toEqual([expect.objectContaining({ project: 'nova', createdBy: 'U0ADMIN' })]);
    expect((await runConnect(ctx, as('nova', { userId: 'U0ADMIN' }).request))?.text).toContain('already connected');
    expect((await runConnect(ctx, as('', { userId: 'U0ADMIN' }).request))?.text).toContain('Which project?');
    expect((await runConnect(ctx, as('nosuch', { userId: 'U0ADMIN' }).request))?.text).toBe(SERVICE_MESSAGES.unknownProject);
    expect((await runDisconnect(ctx, as('', { userId: 'U0ADMIN' }).request))?.text).toContain(
      'Disconnected this channel from *Nova Telecom Help*',
    );
    expect(await store.bindingsOf('C0NEWCLIENT')).toEqual([]);
  });
});
