import { describe, expect, it } from 'vitest';
import { type AccessRequest, checkAccess, findProject, projectsForChannel } from '../../src/config/access.ts';
import { demoConfig } from '../support/config.ts';

const config = demoConfig;

const inChannel = (channelId: string, userId = 'U0ANN'): AccessRequest => ({
  teamId: 'T0DEMO',
  channelId,
  userId,
  isDirectMessage: false,
});
const inDm = (userId: string): AccessRequest => ({ teamId: 'T0DEMO', channelId: 'D0DM', userId, isDirectMessage: true });

function keys(decision: ReturnType<typeof checkAccess>): string[] {
  if (!decision.ok) throw new Error(`refused: ${decision.reason}`);
  return decision.projects.map((p) => p.key);
}

describe('checkAccess', () => {
  it('allows a bound channel to see only its projects', () => {
    expect(keys(checkAccess(config, inChannel('C0ACME')))).toEqual(['acme']);
    expect(keys(checkAccess(config, inChannel('C0BELLA')))).toEqual(['bella']);
    expect(keys(checkAccess(config, inChannel('C0AGENCY')))).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
  });

  it('resolves the requested project by key or name', () => {
    const byKey = checkAccess(config, inChannel('C0AGENCY'), 'bella');
    expect(byKey.ok && byKey.project?.id).toBe('proj_demo_voice');
    const byName = checkAccess(config, inChannel('C0ACME'), '  acme support BOT ');
    expect(byName.ok && byName.project?.key).toBe('acme');
  });

  it('refuses other workspaces, whatever else is right', () => {
    const decision = checkAccess(config, { ...inChannel('C0ACME', 'U0ADMIN'), teamId: 'T0OTHER' }, 'acme');
    expect(decision).toMatchObject({ ok: false, reason: 'workspace' });
  });

  it('lets admins use DMs and see every project, and refuses DMs from anyone else', () => {
    expect(keys(checkAccess(config, inDm('U0ADMIN')))).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
    const quiet = checkAccess(config, inDm('U0ADMIN'), 'quiet');
    expect(quiet.ok && quiet.project?.id).toBe('proj_demo_empty');
    expect(checkAccess(config, inDm('U0ANN'))).toMatchObject({ ok: false, reason: 'dm_not_admin' });
    expect(checkAccess(config, inDm('U0ANN'), 'acme')).toMatchObject({ ok: false, reason: 'dm_not_admin' });
  });

  it('does not treat an admin in an unbound channel as bound', () => {
    expect(checkAccess(config, inChannel('C0RANDOM', 'U0ADMIN'))).toMatchObject({ ok: false, reason: 'channel_not_bound' });
  });

  it('refuses unbound channels', () => {
    const decision = checkAccess(config, inChannel('C0RANDOM'), 'acme');
    expect(decision).toMatchObject({ ok: false, reason: 'channel_not_bound' });
    if (!decision.ok) {
      expect(decision.message).not.toMatch(/acme|bella|quiet/i);
    }
  });

  it('answers "not bound here" and "does not exist" with the same words', () => {
    const boundElsewhere = checkAccess(config, inChannel('C0ACME'), 'bella');
    const byNameElsewhere = checkAccess(config, inChannel('C0ACME'), 'Bella Pizza Phone Line');
    const unknown = checkAccess(config, inChannel('C0ACME'), 'zebra');
    for (const decision of [boundElsewhere, byNameElsewhere, unknown]) {
      expect(decision).toMatchObject({ ok: false, reason: 'project_not_bound' });
    }
    if (boundElsewhere.ok || unknown.ok || byNameElsewhere.ok) throw new Error('unreachable');
    expect(boundElsewhere.message).toBe(unknown.message);
    expect(byNameElsewhere.message).toBe(unknown.message);
    expect(unknown.message).not.toMatch(/bella|quiet|pizza/i);
  });

  it('suggests only among the projects allowed here, identically for known and unknown words', () => {
    const typo = checkAccess(config, inChannel('C0ACME'), 'acem');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.message).toContain('Did you mean `acme`?');
    // "bella" is a real project (elsewhere); "bellx" is not: nothing may tell them apart.
    const real = checkAccess(config, inChannel('C0ACME'), 'bella');
    const fake = checkAccess(config, inChannel('C0ACME'), 'bellx');
    if (real.ok || fake.ok) throw new Error('unreachable');
    expect(real.message).toBe(fake.message);
    expect(real.message).not.toContain('Did you mean');
  });
});

describe('findProject / projectsForChannel', () => {
  it('finds by key, then by name, case-insensitively', () => {
    expect(findProject(config, 'BELLA')?.id).toBe('proj_demo_voice');
    expect(findProject(config, 'quiet bot')?.key).toBe('quiet');
    expect(findProject(config, 'proj_demo_text')).toBeUndefined();
    expect(findProject(config, '')).toBeUndefined();
  });

  it('merges several bindings of one channel without duplicates', () => {
    const merged = { ...config, channels: [...config.channels, { channel: 'C0ACME', projects: ['acme', 'quiet'] }] };
    expect(projectsForChannel(merged, 'C0ACME').map((p) => p.key)).toEqual(['acme', 'quiet']);
    expect(projectsForChannel(config, 'C0NOPE')).toEqual([]);
  });
});
