/**
 * `/chatdash alert`'s run alone, with a fake Web API client: the modal opened with the command's trigger, the
 * channel's projects and the person's time zone; refusals (no store, a DM, too many words, a project not here, Slack
 * refusing the modal) each a sentence.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_UI_MESSAGES } from '../../../../../src/slack/alerts/messages.ts';
import { decodeAlertFormMetadata } from '../../../../../src/slack/alerts/values.ts';
import { runAlert } from '../../../../../src/slack/listeners/commands/chatdash/alert.ts';
import { createMemoryAlertStores } from '../../../../../src/store/alerts-memory.ts';
import { demoConfig } from '../../../../support/config.ts';
import { fakeClient, listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

const agency = demoConfig.projects;
const withAlerts = () => listenerContext({ alerts: createMemoryAlertStores({ log: () => {} }).store });

describe('runAlert', () => {
  it('opens the modal with the command’s trigger, the named project, the person’s time zone, and acks empty', async () => {
    const { client, calls } = fakeClient({ 'users.info': () => ({ ok: true, user: { tz: 'Asia/Tokyo' } }) });
    expect(await runAlert(withAlerts(), { ...subcommandRequest('nova', agency), client })).toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['users.info', 'views.open']);
    const { trigger_id, view } = calls[1]!.args as { trigger_id: string; view: { private_metadata: string } };
    expect(trigger_id).toBe('trig.7');
    expect(JSON.stringify(view)).toContain('"initial_value":"Asia/Tokyo"');
    expect(JSON.stringify(view)).toContain('"value":"nova"}');
    expect(decodeAlertFormMetadata(view.private_metadata)).toEqual({ v: 1, team: 'T0DEMO', channel: 'C0AGENCY', from: 'command' });
  });

  it('refuses without a store, in a DM, with too many words, and for a project not here, opening nothing', async () => {
    const { client, calls } = fakeClient();
    expect(await runAlert(listenerContext(), { ...subcommandRequest('', agency), client })).toMatchObject({
      text: ALERT_UI_MESSAGES.noStore,
    });
    const dm = {
      ...subcommandRequest('', agency),
      requester: requester({ channelId: 'D0ADMIN', userId: 'U0ADMIN', isDirectMessage: true }),
      client,
    };
    expect(await runAlert(withAlerts(), dm)).toMatchObject({ text: ALERT_UI_MESSAGES.dmAlert });
    expect(await runAlert(withAlerts(), { ...subcommandRequest('acme nova', agency), client })).toMatchObject({
      text: expect.stringMatching(/^HELP I didn\u2019t understand .*nova/),
    });
    expect(String((await runAlert(withAlerts(), { ...subcommandRequest('nowhere', agency), client }))?.text)).toContain('nowhere');
    expect(calls).toEqual([]);
  });

  it('Slack refusing the modal (an expired trigger) gets a sentence, not silence', async () => {
    const { client } = fakeClient({
      'views.open': () => {
        throw Object.assign(new Error('expired_trigger_id'), { data: { error: 'expired_trigger_id' } });
      },
    });
    expect(await runAlert(withAlerts(), { ...subcommandRequest('acme', agency), client })).toMatchObject({
      text: ALERT_UI_MESSAGES.modalFailed,
    });
  });
});
