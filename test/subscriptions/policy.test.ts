/** Who may do what with subscriptions and bindings (pure rules). */
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../src/config/access.ts';
import {
  canBind,
  canManage,
  canSeeEverything,
  canSendNow,
  canSubscribe,
  canUnbind,
  POLICY_MESSAGES,
  policyActor,
} from '../../src/subscriptions/policy.ts';
import { demoConfig as config } from '../support/config.ts';

const alice = policyActor(config, 'U0ALICE');
const bob = policyActor(config, 'U0BOB');
const admin = policyActor(config, 'U0ADMIN');
const inChannel = (channelId: string, userId = 'U0ALICE') => ({ teamId: 'T0DEMO', channelId, userId, isDirectMessage: false });
const runtime = { source: 'runtime' as const, owner: 'U0ALICE', channel: 'C0ACME', project: 'acme' };
const yaml = { source: 'config' as const, channel: 'C0ACME', project: 'acme' };

describe('subscriptions policy', () => {
  it('knows admins from the configuration', () => {
    expect(admin.isAdmin).toBe(true);
    expect(alice.isAdmin).toBe(false);
  });

  it('anyone who may query a project in a channel may subscribe it; others get the access refusal, naming nothing', () => {
    expect(canSubscribe(checkAccess(config, inChannel('C0AGENCY')), { project: 'bella' })).toEqual({ ok: true });
    expect(canSubscribe(checkAccess(config, inChannel('C0ACME')), { project: 'bella' })).toEqual({
      ok: false,
      reason: 'cannot_query',
      message: POLICY_MESSAGES.cannot_query,
    });
    const unbound = canSubscribe(checkAccess(config, inChannel('C0RANDOM')), { project: 'acme' });
    expect(unbound).toMatchObject({ ok: false, reason: 'access' });
    expect(JSON.stringify(unbound)).not.toMatch(/acme|bella|Acme|Bella/);
    // A runtime binding counts like a YAML one.
    const runtimeBound = checkAccess(config, inChannel('C0RANDOM'), undefined, [{ channel: 'C0RANDOM', project: 'acme' }]);
    expect(canSubscribe(runtimeBound, { project: 'acme' })).toEqual({ ok: true });
  });

  it('several projects (the overview): each must be one the channel may see; all: whatever it may see', () => {
    const agency = checkAccess(config, inChannel('C0AGENCY'));
    expect(canSubscribe(agency, { projects: ['acme', 'nova'] })).toEqual({ ok: true });
    expect(canSubscribe(agency, { projects: 'all' })).toEqual({ ok: true });
    const acmeOnly = checkAccess(config, inChannel('C0ACME'));
    // One project it may not see spoils the list; the refusal names none of them.
    expect(canSubscribe(acmeOnly, { projects: ['acme', 'bella'] })).toEqual({
      ok: false,
      reason: 'cannot_query',
      message: POLICY_MESSAGES.cannot_query,
    });
    expect(canSubscribe(acmeOnly, { projects: 'all' })).toEqual({ ok: true });
    expect(canSubscribe(acmeOnly, { projects: [] })).toMatchObject({ ok: false, reason: 'cannot_query' });
    expect(canSubscribe(checkAccess(config, inChannel('C0RANDOM')), { projects: 'all' })).toMatchObject({ ok: false, reason: 'access' });
  });

  it('edit, pause, resume, delete: the owner and admins; YAML subscriptions: nobody from Slack', () => {
    expect(canManage(alice, runtime)).toEqual({ ok: true });
    expect(canManage(admin, runtime)).toEqual({ ok: true });
    expect(canManage(bob, runtime)).toEqual({ ok: false, reason: 'not_owner', message: POLICY_MESSAGES.not_owner });
    expect(canManage(admin, yaml)).toMatchObject({ ok: false, reason: 'read_only' });
    expect(canManage(alice, yaml)).toMatchObject({ ok: false, reason: 'read_only' });
  });

  it('send now: owner and admins from anywhere; others from the subscription’s channel if they may see its project there', () => {
    expect(canSendNow(alice, runtime, 'D0ALICE', undefined)).toEqual({ ok: true });
    expect(canSendNow(admin, yaml, 'D0ADMIN', undefined)).toEqual({ ok: true });
    expect(canSendNow(bob, runtime, 'C0ACME', checkAccess(config, inChannel('C0ACME', 'U0BOB')))).toEqual({ ok: true });
    expect(canSendNow(bob, yaml, 'C0ACME', checkAccess(config, inChannel('C0ACME', 'U0BOB')))).toEqual({ ok: true });
    expect(canSendNow(bob, runtime, 'C0BELLA', checkAccess(config, inChannel('C0BELLA', 'U0BOB')))).toMatchObject({
      ok: false,
      reason: 'not_owner',
    });
    // In its channel but the project is no longer bound there.
    const elsewhere = { ...runtime, channel: 'C0BELLA' };
    expect(canSendNow(bob, elsewhere, 'C0BELLA', checkAccess(config, inChannel('C0BELLA', 'U0BOB')))).toMatchObject({
      ok: false,
      reason: 'cannot_query',
    });
    // An overview: anyone who may query in its channel (it shows only projects the channel may see).
    const overview = { source: 'runtime' as const, owner: 'U0ALICE', channel: 'C0AGENCY', projects: ['acme', 'nova'] };
    expect(canSendNow(bob, overview, 'C0AGENCY', checkAccess(config, inChannel('C0AGENCY', 'U0BOB')))).toEqual({ ok: true });
    expect(canSendNow(bob, overview, 'C0ACME', checkAccess(config, inChannel('C0ACME', 'U0BOB')))).toMatchObject({
      ok: false,
      reason: 'not_owner',
    });
  });

  it('binding and unbinding channels, and seeing everything: admins only; YAML bindings stay', () => {
    expect(canBind(admin)).toEqual({ ok: true });
    expect(canBind(alice)).toEqual({ ok: false, reason: 'admins_only', message: POLICY_MESSAGES.admins_only });
    expect(canUnbind(admin, 'runtime')).toEqual({ ok: true });
    expect(canUnbind(admin, 'config')).toMatchObject({ ok: false, reason: 'read_only' });
    expect(canUnbind(alice, 'runtime')).toMatchObject({ ok: false, reason: 'admins_only' });
    expect(canSeeEverything(admin)).toEqual({ ok: true });
    expect(canSeeEverything(bob)).toMatchObject({ ok: false });
  });
});
