/**
 * The alert modal submitted, handled by its listener alone: inline errors in the ack (nothing stored), or an empty ack
 * (the modal closes) and then the announcement; an edit from a stale version, or a store outage, replaces the modal
 * with a sentence.
 */
import { describe, expect, it } from 'vitest';
import type { AlertStore } from '../../../../src/alerts/store.ts';
import { ALERT_BLOCK, alertFormValuesOf, defaultAlertValues } from '../../../../src/slack/alerts/form.ts';
import { ALERT_UI_MESSAGES } from '../../../../src/slack/alerts/messages.ts';
import { alertForm } from '../../../../src/slack/alerts/modal.ts';
import { type AlertFormMetadata, encodeAlertFormMetadata } from '../../../../src/slack/alerts/values.ts';
import { alertFormSubmitted } from '../../../../src/slack/listeners/views/alert-form.ts';
import { createMemoryAlertStores } from '../../../../src/store/alerts-memory.ts';
import { storedAlert } from '../../../support/alert-ui.ts';
import { demoConfig } from '../../../support/config.ts';
import { listenerContext, modalSubmission } from '../../../support/listeners.ts';
import type { Answers } from '../../../support/modal.ts';
import type { OpenView } from '../../../support/payloads.ts';

function modal(
  meta: Partial<AlertFormMetadata> = {},
  values = defaultAlertValues({ timeZone: 'Europe/Paris', project: 'acme' }),
): OpenView {
  return {
    id: 'V0ALERT1',
    hash: 'h',
    view: alertForm({
      mode: meta.edit ? 'edit' : 'create',
      channel: 'C0ACME',
      projects: demoConfig.projects.slice(0, 1),
      values,
      metadata: encodeAlertFormMetadata({ v: 1, team: 'T0DEMO', channel: 'C0ACME', from: 'command', ...meta }),
    }) as unknown as Record<string, unknown>,
  };
}

async function submit(alerts: AlertStore, answers: Answers, open = modal()) {
  const { args, acks, calls, order } = modalSubmission(open, answers);
  const ctx = listenerContext({ alerts });
  await alertFormSubmitted(ctx, args as never);
  return { acks, calls, order, ctx };
}

const memory = () => createMemoryAlertStores({ log: () => {} }).store;
/** The modal as it shows once "Above a value" or "Below a value" is chosen (with its value field). */
const withValue = (condition: 'above' | 'below') =>
  modal({}, { ...defaultAlertValues({ timeZone: 'Europe/Paris', project: 'acme' }), condition });

describe('alertFormSubmitted', () => {
  it('invalid: the ack carries the errors under their blocks; nothing is stored or announced', async () => {
    const alerts = memory();
    const { acks, calls } = await submit(alerts, { [ALERT_BLOCK.threshold]: 'x' }, withValue('above'));
    expect(acks).toEqual([{ response_action: 'errors', errors: { [ALERT_BLOCK.threshold]: 'Type a number, e.g. 80 or 0.50.' } }]);
    expect((await alerts.listByChannel('T0DEMO', 'C0ACME')).items).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('valid: an empty ack (the modal closes), then the announcement', async () => {
    const alerts = memory();
    const { acks, order, calls } = await submit(alerts, { [ALERT_BLOCK.threshold]: '80' }, withValue('below'));
    expect(acks).toEqual([undefined]);
    expect(order).toEqual(['ack', 'announce']);
    expect(String(calls[0]?.args.text)).toContain('<@U0ALICE> set up an alert here');
    expect((await alerts.listByChannel('T0DEMO', 'C0ACME')).items).toHaveLength(1);
  });

  it('an edit from a version changed since: the modal says so, the alert keeps the other change', async () => {
    const alerts = memory();
    const { definition, state } = storedAlert();
    await alerts.create(definition, state, 'U0ALICE');
    await alerts.updateDefinition(definition.id, { ...definition, paused: true }, 'U0ADMIN');
    const open = modal({ edit: { id: definition.id, version: 1 }, from: 'list' }, alertFormValuesOf(definition));
    const { acks } = await submit(alerts, { [ALERT_BLOCK.threshold]: '70' }, open);
    expect(JSON.stringify(acks)).toContain('changed this alert meanwhile');
    expect((await alerts.get(definition.id))?.definition).toMatchObject({ paused: true, condition: { value: 0.8 } });
  });

  it('an edit by someone who isn’t the owner or an admin is refused', async () => {
    const alerts = memory();
    const { definition, state } = storedAlert({}, 'al_bob', 'U0BOB');
    await alerts.create(definition, state, 'U0BOB');
    const open = modal({ edit: { id: definition.id, version: 1 }, from: 'list' }, alertFormValuesOf(definition));
    const { acks } = await submit(alerts, { [ALERT_BLOCK.threshold]: '10' }, open);
    expect(JSON.stringify(acks)).toContain('Only the person who set this up');
  });

  it('a form that isn’t ours, or the store down: a short view instead, never silence', async () => {
    const forged = { ...modal(), view: { ...modal().view, private_metadata: '{"v":9}' } };
    expect(JSON.stringify((await submit(memory(), {}, forged)).acks)).toContain('older version of the bot');
    const down = { ...memory(), create: async () => Promise.reject(new Error('boom')) } as AlertStore;
    const { acks, ctx } = await submit(down, {});
    expect(JSON.stringify(acks)).toContain(ALERT_UI_MESSAGES.storeDown.slice(10, 60));
    expect(ctx.logged.events('alert.save_failed')).toHaveLength(1);
  });
});
