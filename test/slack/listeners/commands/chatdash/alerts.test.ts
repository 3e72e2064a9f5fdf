/** `/chatdash alerts`' run alone: the channel's alerts in the ack; no store, words, a DM or a store outage each a sentence. */
import { describe, expect, it } from 'vitest';
import type { AlertStore } from '../../../../../src/alerts/store.ts';
import { ALERT_UI_MESSAGES } from '../../../../../src/slack/alerts/messages.ts';
import { runAlerts } from '../../../../../src/slack/listeners/commands/chatdash/alerts.ts';
import { createMemoryAlertStores } from '../../../../../src/store/alerts-memory.ts';
import { storedAlert } from '../../../../support/alert-ui.ts';
import { demoConfig } from '../../../../support/config.ts';
import { listenerContext, subcommandRequest } from '../../../../support/listeners.ts';
import { requester } from '../../../../support/payloads.ts';

describe('runAlerts', () => {
  it('lists the channel’s alerts', async () => {
    const alerts = createMemoryAlertStores({ log: () => {} }).store;
    const { definition, state } = storedAlert({ channelId: 'C0AGENCY' });
    await alerts.create(definition, state, 'U0ALICE');
    const answer = await runAlerts(listenerContext({ alerts }), subcommandRequest('', demoConfig.projects));
    expect(answer?.text).toBe('1 alert in <#C0AGENCY>.');
    expect(JSON.stringify(answer?.blocks)).toContain('Mute 24 h');
  });

  it('no store, words, a DM, a store outage', async () => {
    const alerts = createMemoryAlertStores({ log: () => {} }).store;
    expect(await runAlerts(listenerContext(), subcommandRequest('', []))).toMatchObject({ text: ALERT_UI_MESSAGES.noStore });
    expect(await runAlerts(listenerContext({ alerts }), subcommandRequest('acme', []))).toMatchObject({
      text: expect.stringMatching(/^HELP /),
    });
    const dm = { ...subcommandRequest('', []), requester: requester({ channelId: 'D0ADMIN', userId: 'U0ADMIN', isDirectMessage: true }) };
    expect(await runAlerts(listenerContext({ alerts }), dm)).toMatchObject({ text: ALERT_UI_MESSAGES.dmList });
    const down = { ...alerts, listByChannel: async () => Promise.reject(new Error('ProvisionedThroughputExceeded')) } as AlertStore;
    const ctx = listenerContext({ alerts: down });
    expect(await runAlerts(ctx, subcommandRequest('', []))).toMatchObject({ text: ALERT_UI_MESSAGES.storeDown });
    expect(ctx.logged.events('alert.list_failed')).toHaveLength(1);
  });
});
