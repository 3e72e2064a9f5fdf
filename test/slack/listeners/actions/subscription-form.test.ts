/** A menu inside the subscribe modal changed: the modal rebuilt from what it holds and put back with its hash. */
import { describe, expect, it } from 'vitest';
import { subscriptionFormChanged } from '../../../../src/slack/listeners/actions/subscription-form.ts';
import { defaultFormValues } from '../../../../src/slack/subscriptions/form.ts';
import { subscriptionForm } from '../../../../src/slack/subscriptions/modal.ts';
import { encodeFormMetadata } from '../../../../src/slack/subscriptions/values.ts';
import { validateView } from '../../../../src/slack-double/validate.ts';
import { demoConfig } from '../../../support/config.ts';
import { fakeClient, listenerContext, recorder } from '../../../support/listeners.ts';
import { formState } from '../../../support/modal.ts';
import { modalActionPayload, type OpenView } from '../../../support/payloads.ts';

const opened = (metadata = encodeFormMetadata({ v: 1, team: 'T0DEMO', channel: 'C0AGENCY', from: 'command' })): OpenView => ({
  id: 'V0MODAL1',
  hash: 'hash-1',
  view: subscriptionForm({
    mode: 'create',
    channel: 'C0AGENCY',
    projects: demoConfig.projects,
    values: defaultFormValues({ timeZone: 'Europe/Paris', project: 'acme' }),
    metadata,
    defaultLocale: 'en-US',
  }) as unknown as Record<string, unknown>,
});

async function change(open: OpenView, block: string, selected: string) {
  const { client, calls } = fakeClient();
  const body = modalActionPayload({
    view: open,
    values: formState(open, { [block]: selected }),
    action: { block_id: block, action_id: `form:${block}`, selected },
  });
  const ack = recorder();
  await subscriptionFormChanged(listenerContext(), { ack, body, client } as never);
  return { ack, calls };
}

describe('subscriptionFormChanged', () => {
  it('"several projects": the modal comes back with a projects field, on the same view and hash', async () => {
    const { ack, calls } = await change(opened(), 'project', '*several');
    expect(ack.calls).toEqual([undefined]);
    expect(calls.map((c) => [c.method, c.args.view_id, c.args.hash])).toEqual([['views.update', 'V0MODAL1', 'hash-1']]);
    const view = calls[0]!.args.view as { blocks: Array<{ block_id?: string }> };
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(view.blocks.map((b) => b.block_id)).toContain('projects');
  });

  it('"advanced": a cron field instead of the day and time', async () => {
    const { calls } = await change(opened(), 'frequency', 'advanced');
    const ids = (calls[0]!.args.view as { blocks: Array<{ block_id?: string }> }).blocks.map((b) => b.block_id);
    expect(ids).toContain('cron');
    expect(ids).not.toContain('time');
  });

  it('metadata that isn’t ours, or a channel that can’t be subscribed any more: a short modal says so', async () => {
    const stale = await change(opened('garbage'), 'frequency', 'daily');
    expect(JSON.stringify(stale.calls[0]?.args.view)).toContain('older version of the bot');
    const unbound = await change(
      opened(encodeFormMetadata({ v: 1, team: 'T0DEMO', channel: 'C0NOWHERE', from: 'command' })),
      'frequency',
      'daily',
    );
    expect(JSON.stringify(unbound.calls[0]?.args.view)).toContain('isn\u2019t set up for ChatDash');
  });
});
