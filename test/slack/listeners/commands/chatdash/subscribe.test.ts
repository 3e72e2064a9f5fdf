/**
 * `/chatdash subscribe`'s run alone, with a fake Web API client: the modal opened with the command's trigger, the
 * channel's projects and the person's time zone; Slack too slow for the time zone, or refusing the modal; the words.
 */
import { describe, expect, it } from 'vitest';
import { runSubscribe } from '../../../../../src/slack/listeners/commands/chatdash/subscribe.ts';
import { UI_MESSAGES } from '../../../../../src/slack/subscriptions/messages.ts';
import { decodeFormMetadata } from '../../../../../src/slack/subscriptions/values.ts';
import { createMemoryStore } from '../../../../../src/store/memory.ts';
import { SERVICE_MESSAGES } from '../../../../../src/subscriptions/messages.ts';
import { demoConfig } from '../../../../support/config.ts';
import { fakeClient, listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

const agency = demoConfig.projects;
const withStore = () => listenerContext({ store: createMemoryStore({ log: () => {} }) });

describe('runSubscribe', () => {
  it('opens the modal with the command’s trigger, the projects here, the person’s time zone, and acks empty', async () => {
    const { client, calls } = fakeClient({ 'users.info': () => ({ ok: true, user: { tz: 'Asia/Tokyo' } }) });
    const answer = await runSubscribe(withStore(), { ...subcommandRequest('nova', agency), client });
    expect(answer).toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['users.info', 'views.open']);
    const { trigger_id, view } = calls[1]!.args as { trigger_id: string; view: { private_metadata: string } };
    expect(trigger_id).toBe('trig.7');
    expect(JSON.stringify(view)).toContain('"initial_value":"Asia/Tokyo"');
    expect(JSON.stringify(view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Nova Telecom Help","emoji":true},"value":"nova"}',
    );
    expect(decodeFormMetadata(view.private_metadata)).toEqual({ v: 1, team: 'T0DEMO', channel: 'C0AGENCY', from: 'command' });
  });

  it('`all` chooses every project here; a key in any case works', async () => {
    const { client, calls } = fakeClient();
    await runSubscribe(withStore(), { ...subcommandRequest('all', agency), client });
    expect(JSON.stringify(calls[1]?.args)).toContain('"value":"*all"}');
    const named = fakeClient();
    await runSubscribe(withStore(), { ...subcommandRequest('BELLA', agency), client: named.client });
    expect(JSON.stringify(named.calls[1]?.args)).toContain('"value":"bella"}');
  });

  it('Slack slow to say the time zone: the configuration’s, and the modal still opens', async () => {
    const { client, calls } = fakeClient({ 'users.info': () => new Promise(() => {}) });
    await runSubscribe(withStore(), { ...subcommandRequest('acme', agency), client });
    expect(JSON.stringify(calls[1]?.args)).toContain(`"initial_value":"${demoConfig.defaults.timeZone}"`);
  });

  it('Slack refusing the modal (an expired trigger) gets a sentence, not silence', async () => {
    const ctx = withStore();
    const { client } = fakeClient({
      'views.open': () => {
        throw Object.assign(new Error('An API error occurred: expired_trigger_id'), { data: { error: 'expired_trigger_id' } });
      },
    });
    expect((await runSubscribe(ctx, { ...subcommandRequest('acme', agency), client }))?.text).toBe(UI_MESSAGES.modalFailed);
    expect(ctx.logged.events('subscribe.modal_failed')).toHaveLength(1);
  });

  it('refuses a DM, a missing store, a project not here, and extra words, without opening anything', async () => {
    const { client, calls } = fakeClient();
    const dm = { ...subcommandRequest('', agency), requester: requester({ channelId: 'D0ADMIN', isDirectMessage: true }), client };
    expect((await runSubscribe(withStore(), dm))?.text).toBe(SERVICE_MESSAGES.dmSubscribe);
    expect((await runSubscribe(listenerContext(), { ...subcommandRequest('acme', agency), client }))?.text).toBe(UI_MESSAGES.noStore);
    expect((await runSubscribe(withStore(), { ...subcommandRequest('bellx', agency.slice(0, 1)), client }))?.text).toContain(
      'I can\u2019t find a project called \u201cbellx\u201d for this channel.',
    );
    expect((await runSubscribe(withStore(), { ...subcommandRequest('acme weekly', agency), client }))?.text).toContain(
      'HELP I didn\u2019t understand \u201cweekly\u201d',
    );
    expect(calls).toEqual([]);
  });
});
