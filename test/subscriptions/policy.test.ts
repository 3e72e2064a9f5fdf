/** Who may do what with subscriptions and bindings (pure rules). */
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../src/config/access.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
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

const config = loadConfigFile(DEMO_CONFIG_PATH);
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
    expect(canSubscribe(checkAccess(config, inChannel('C0AGENCY')), 'bella')).toEqual({ ok: true });
    expect(canSubscribe(checkAccess(config, inChannel('C0ACME')), 'bella')).toEqual({
      ok: false,
      reason: 'cannot_query',
      message: POLICY_MESSAGES.cannot_query,
    });
    const unbound = canSubscribe(checkAccess(config, inChannel('C0RANDOM')), 'acme');
    expect(unbound).toMatchObject({ ok: false, reason: 'access' });
    expect(JSON.stringify(unbound)).not.toMatch(/acme|bella|Acme|Bella/);
    // A runtime binding counts like a YAML one.
    expect(canSubscribe(checkAccess(config, inChannel('C0RANDOM'), undefined, [{ channel: 'C0RANDOM', project: 'acme' }]), 'acme')).toEqual(
      { ok: true },
    );
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
