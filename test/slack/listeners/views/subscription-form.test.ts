/**
 * The subscribe modal submitted, handled by its listener alone: the ack carries the outcome (inline errors, a short
 * view saying why not, or nothing: closed), and what comes after (the announcement) runs after the ack.
 */
import { describe, expect, it } from 'vitest';
import { subscriptionFormSubmitted } from '../../../../src/slack/listeners/views/subscription-form.ts';
import { defaultFormValues } from '../../../../src/slack/subscriptions/form.ts';
import { subscriptionForm } from '../../../../src/slack/subscriptions/modal.ts';
import { encodeFormMetadata } from '../../../../src/slack/subscriptions/values.ts';
import { createMemoryStore } from '../../../../src/store/memory.ts';
import type { StateStore } from '../../../../src/store/store.ts';
import { demoConfig } from '../../../support/config.ts';
import { listenerContext, modalSubmission } from '../../../support/listeners.ts';
import type { Answers } from '../../../support/modal.ts';
import type { OpenView } from '../../../support/payloads.ts';

const open: OpenView = {
  id: 'V0MODAL1',
  hash: 'h',
  view: subscriptionForm({
    mode: 'create',
    channel: 'C0ACME',
    projects: demoConfig.projects.slice(0, 1),
    values: defaultFormValues({ timeZone: 'Europe/Paris', project: 'acme' }),
    metadata: encodeFormMetadata({ v: 1, team: 'T0DEMO', channel: 'C0ACME', from: 'command' }),
    defaultLocale: 'en-US',
  }) as unknown as Record<string, unknown>,
};

async function submit(answers: Answers, store: StateStore = createMemoryStore({ log: () => {} })) {
  const { args, acks, calls, order } = modalSubmission(open, answers);
  await subscriptionFormSubmitted(listenerContext({ store }), args as never);
  return { acks, calls, order };
}

describe('subscriptionFormSubmitted', () => {
  it('invalid: the ack carries the errors under their blocks; nothing is stored or announced', async () => {
    const store = createMemoryStore({ log: () => {} });
    const { acks, calls } = await submit({ time_zone: 'Nowhere', sections: [] }, store);
    expect(acks).toEqual([
      { response_action: 'errors', errors: { time_zone: expect.any(String), sections: 'Pick at least one section.' } },
    ]);
    expect(store.size).toBe(0);
    expect(calls).toEqual([]);
  });

  it('valid: an empty ack (the modal closes), then the announcement', async () => {
    const store = createMemoryStore({ log: () => {} });
    const { acks, order } = await submit({}, store);
    expect(acks).toEqual([undefined]);
    expect(order).toEqual(['ack', 'announce']);
    expect(store.size).toBe(1);
  });

  it('the store failing: the modal says nothing was changed, rather than Slack’s bare error', async () => {
    const broken = {
      ...createMemoryStore({ log: () => {} }),
      createSubscription: async () => {
        throw new Error('throttled');
      },
    } as unknown as StateStore;
    const { acks } = await submit({}, broken);
    expect(acks).toEqual([
      { response_action: 'update', view: expect.objectContaining({ title: expect.objectContaining({ text: 'Not saved' }) }) },
    ]);
    expect(JSON.stringify(acks)).toContain('nothing was changed');
  });
});
