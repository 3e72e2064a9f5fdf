/**
 * The subscriptions service the Slack UI calls, on the in-memory store: subscribe (with field errors for the modal),
 * edit from a version, pause/resume/delete by owner or admin only, channel and owner lists with YAML subscriptions
 * shown read-only, connect/disconnect by admins only (YAML bindings stay), every change audited.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_MESSAGES } from '../../src/config/access.ts';
import type { Requester } from '../../src/jobs/schema.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import type { SubscriptionInput } from '../../src/subscriptions/input.ts';
import { POLICY_MESSAGES } from '../../src/subscriptions/policy.ts';
import { createSubscriptionService, SERVICE_MESSAGES } from '../../src/subscriptions/service.ts';
import { demoConfig } from '../support/config.ts';
import { recordingLog } from '../support/log.ts';

const config = demoConfig;
const NOW = new Date('2026-11-19T10:00:00.000Z');
const in_ = (channelId: string, userId = 'U0ALICE'): Requester => ({
  teamId: 'T0DEMO',
  channelId,
  userId,
  isDirectMessage: channelId.startsWith('D'),
});
const input: SubscriptionInput = { project: 'acme', schedule: '0 9 * * MON', timeZone: 'Europe/Paris', period: 'last week' };

function setup() {
  const { log, entries } = recordingLog();
  const store = createMemoryStore({ log, now: () => NOW });
  return { service: createSubscriptionService({ config, store, log, now: () => NOW }), store, entries };
}

async function subscribed(service: ReturnType<typeof setup>['service'], channel = 'C0ACME', user = 'U0ALICE') {
  const result = await service.subscribe(in_(channel, user), input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('subscribe', () => {
  it('subscribes the channel the person is in; they own it; it shows in the channel list beside the YAML one', async () => {
    const { service, entries } = setup();
    const sub = await subscribed(service);
    expect(sub).toMatchObject({
      source: 'runtime',
      channel: 'C0ACME',
      owner: 'U0ALICE',
      version: 1,
      nextRunAt: '2026-11-23T08:00:00.000Z',
    });
    const list = await service.listForChannel(in_('C0ACME', 'U0BOB'));
    expect(list.ok && list.value.fromConfig.map((s) => [s.source, s.id])).toEqual([['config', 'acme-weekly']]);
    expect(list.ok && list.value.runtime.items.map((s) => s.id)).toEqual([sub.id]);
    expect(entries().find((l) => l.event === 'store.change')).toMatchObject({ actor: 'U0ALICE', action: 'subscription.create' });
  });

  it('invalid modal input comes back field by field; nothing is stored', async () => {
    const { service, store } = setup();
    const result = await service.subscribe(in_('C0ACME'), { ...input, schedule: 'every monday', period: 'fortnight' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: { schedule: expect.any(String), period: expect.any(String) } });
    expect(store.size).toBe(0);
  });

  it('refuses a project the channel can’t see (the same words as for one that doesn’t exist), an unbound channel and DMs', async () => {
    const { service } = setup();
    const elsewhere = await service.subscribe(in_('C0ACME'), { ...input, project: 'bella' });
    const nowhere = await service.subscribe(in_('C0ACME'), { ...input, project: 'nope' });
    expect(elsewhere).toEqual(nowhere);
    expect(elsewhere).toEqual({ ok: false, reason: 'refused', message: POLICY_MESSAGES.cannot_query });
    expect(await service.subscribe(in_('C0RANDOM'), input)).toEqual({
      ok: false,
      reason: 'refused',
      message: ACCESS_MESSAGES.channel_not_bound,
    });
    expect(await service.subscribe(in_('D0ALICE'), input)).toEqual({ ok: false, reason: 'refused', message: SERVICE_MESSAGES.dmSubscribe });
  });
});

describe('edit, pause, resume, delete', () => {
  it('the owner edits from the version the modal opened with; a stale modal hears someone changed it', async () => {
    const { service } = setup();
    const sub = await subscribed(service);
    const edited = await service.update(in_('D0ALICE'), sub.id, { ...input, period: 'last month', locale: 'en-GB' }, 1);
    expect(edited).toMatchObject({ ok: true, value: { period: 'last month', locale: 'en-GB', version: 2 } });
    expect(await service.update(in_('C0ACME'), sub.id, { ...input, period: '7d' }, 1)).toEqual({
      ok: false,
      reason: 'conflict',
      message: SERVICE_MESSAGES.conflict,
    });
    const invalid = await service.update(in_('C0ACME'), sub.id, { ...input, project: 'bella' }, 2);
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', errors: { project: expect.any(String) } });
  });

  it('a non-owner can’t delete (nor edit, pause or resume); an admin can', async () => {
    const { service, store } = setup();
    const sub = await subscribed(service);
    const refusal = { ok: false, reason: 'refused', message: POLICY_MESSAGES.not_owner };
    expect(await service.remove(in_('C0ACME', 'U0BOB'), sub.id)).toEqual(refusal);
    expect(await service.pause(in_('C0ACME', 'U0BOB'), sub.id)).toEqual(refusal);
    expect(await service.update(in_('C0ACME', 'U0BOB'), sub.id, input, 1)).toEqual(refusal);
    expect(await store.getSubscription(sub.id)).toBeDefined();

    const paused = await service.pause(in_('D0ADMIN', 'U0ADMIN'), sub.id, 1);
    expect(paused).toMatchObject({ ok: true, value: { paused: { reason: 'user', by: 'U0ADMIN' } } });
    expect(await service.resume(in_('C0ACME'), sub.id, 2)).toMatchObject({ ok: true, value: { version: 3 } });
    expect(await service.remove(in_('D0ADMIN', 'U0ADMIN'), sub.id, 3)).toMatchObject({ ok: true });
    expect(await service.remove(in_('D0ADMIN', 'U0ADMIN'), sub.id)).toEqual({
      ok: false,
      reason: 'not_found',
      message: SERVICE_MESSAGES.notFound,
    });
  });

  it('lists a person’s own subscriptions, and everything for admins only', async () => {
    const { service } = setup();
    const mine = await subscribed(service);
    await service.subscribe(in_('C0BELLA', 'U0BOB'), { ...input, project: 'bella' });
    expect(await service.listMine('U0ALICE')).toMatchObject({ ok: true, value: { items: [{ id: mine.id }] } });
    expect(await service.listAll(in_('D0ALICE'))).toEqual({ ok: false, reason: 'refused', message: POLICY_MESSAGES.admins_only });
    const all = await service.listAll(in_('D0ADMIN', 'U0ADMIN'));
    expect(all.ok && all.value.fromConfig.map((s) => s.id)).toEqual(['acme-weekly', 'bella-weekly', 'agency-weekly']);
    expect(all.ok && all.value.runtime.items.map((s) => s.id)).toContain(mine.id);
  });
});

describe('subscriptions covering several projects (the agency overview)', () => {
  it('a list of projects the channel may see, or all; each listed project is checked, sections are refused', async () => {
    const { service, store } = setup();
    const { project: _one, ...timing } = input;
    const listed = await service.subscribe(in_('C0AGENCY'), { ...timing, projects: ['nova', 'acme', 'nova'] });
    expect(listed).toMatchObject({ ok: true, value: { source: 'runtime', channel: 'C0AGENCY', projects: ['nova', 'acme'] } });
    expect(listed.ok && listed.value.project).toBeUndefined();
    const all = await service.subscribe(in_('C0ACME'), { ...timing, projects: 'all' });
    expect(all).toMatchObject({ ok: true, value: { projects: 'all' } });
    // A project this channel can't see: refused, naming none of them.
    expect(await service.subscribe(in_('C0ACME'), { ...timing, projects: ['acme', 'bella'] })).toEqual({
      ok: false,
      reason: 'refused',
      message: POLICY_MESSAGES.cannot_query,
    });
    const withSections = await service.subscribe(in_('C0AGENCY'), { ...timing, projects: 'all', sections: ['costs'] });
    expect(withSections).toMatchObject({ ok: false, reason: 'invalid', errors: { sections: expect.any(String) } });
    const both = await service.subscribe(in_('C0AGENCY'), { ...input, projects: 'all' });
    expect(both).toMatchObject({ ok: false, reason: 'invalid', errors: { projects: expect.any(String) } });
    expect(store.size).toBe(2);
  });

  it('an edit switches between one project and several (sections go with the switch); the overview YAML one is listed', async () => {
    const { service } = setup();
    const sub = await subscribed(service, 'C0AGENCY');
    const { project: _one, ...timing } = input;
    const edited = await service.update(in_('C0AGENCY'), sub.id, { ...timing, projects: 'all' }, 1);
    expect(edited).toMatchObject({ ok: true, value: { projects: 'all', version: 2 } });
    expect(edited.ok && edited.value.project).toBeUndefined();
    const back = await service.update(in_('C0AGENCY'), sub.id, { ...input, project: 'nova', sections: ['headline'] }, 2);
    expect(back).toMatchObject({ ok: true, value: { project: 'nova', sections: ['headline'], version: 3 } });
    expect(back.ok && back.value.projects).toBeUndefined();
    const list = await service.listForChannel(in_('C0AGENCY', 'U0BOB'));
    expect(list.ok && list.value.fromConfig.map((s) => [s.id, s.projects])).toEqual([['agency-weekly', 'all']]);
  });
});

describe('connect and disconnect', () => {
  it('a non-admin can’t connect or disconnect a channel', async () => {
    const { service, store } = setup();
    expect(await service.connect(in_('C0NEW'), 'acme')).toEqual({ ok: false, reason: 'refused', message: POLICY_MESSAGES.admins_only });
    expect(await service.disconnect(in_('C0NEW'), 'acme')).toEqual({ ok: false, reason: 'refused', message: POLICY_MESSAGES.admins_only });
    expect(await store.bindingsOf('C0NEW')).toEqual([]);
  });

  it('an admin connects a channel (then people there can subscribe) and disconnects it; YAML bindings stay', async () => {
    const { service, entries } = setup();
    const admin = in_('C0NEW', 'U0ADMIN');
    expect(await service.connect(admin, 'Bella Pizza Phone Line')).toEqual({ ok: true, value: { project: 'bella', created: true } });
    expect(await service.connect(admin, 'bella')).toEqual({ ok: true, value: { project: 'bella', created: false } });
    expect(await service.connect(admin, 'nope')).toEqual({ ok: false, reason: 'refused', message: SERVICE_MESSAGES.unknownProject });
    const sub = await service.subscribe(in_('C0NEW', 'U0CAROL'), { ...input, project: 'bella' });
    expect(sub.ok).toBe(true);

    expect(await service.disconnect(admin)).toEqual({ ok: true, value: { project: 'bella' } });
    expect(await service.disconnect(admin, 'bella')).toEqual({ ok: false, reason: 'refused', message: SERVICE_MESSAGES.notConnected });
    expect(await service.disconnect(in_('C0ACME', 'U0ADMIN'), 'acme')).toEqual({
      ok: false,
      reason: 'refused',
      message: SERVICE_MESSAGES.configBinding,
    });
    expect(
      entries()
        .filter((l) => l.event === 'store.change')
        .map((l) => [l.action, l.actor]),
    ).toEqual([
      ['binding.create', 'U0ADMIN'],
      ['subscription.create', 'U0CAROL'],
      ['binding.delete', 'U0ADMIN'],
    ]);
  });
});
