/** First-run help of `npm run dev`: who Slack says is asking, what `--open` lets in, and the YAML a refusal needs. */
import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../src/config/access.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import type { Config } from '../../src/config/schema.ts';
import { applyOpening, describeOpening, openingFor, refusalHint, type SeenRequest, seenRequestOf } from '../../src/dev/access.ts';
import { demoConfig } from '../support/config.ts';

/** Every demo project's key, in configuration order (what --open binds). */
const KEYS = demoConfig.projects.map((p) => p.key);

const fresh = (): Config => structuredClone(demoConfig);
const DEMO = { path: DEMO_CONFIG_PATH, isDemo: true };
const OWN = { path: '/home/me/chatdash.local.yml', isDemo: false };

const seen = (requester: Partial<SeenRequest['requester']> = {}): SeenRequest => ({
  what: 'a /chatdash command',
  requester: { teamId: 'T0NEW', channelId: 'C0NEWCHAN', userId: 'U0ALICE', isDirectMessage: false, ...requester },
});

describe('seenRequestOf', () => {
  it('reads a slash command, a button click and an @mention as Bolt hands them to middleware', () => {
    expect(
      seenRequestOf({ command: '/chatdash', team_id: 'T0A', channel_id: 'D0DM', channel_name: 'directmessage', user_id: 'U0A', text: '' }),
    ).toEqual({
      what: 'a /chatdash command',
      requester: { teamId: 'T0A', channelId: 'D0DM', userId: 'U0A', isDirectMessage: true },
    });
    expect(
      seenRequestOf({ type: 'block_actions', team: { id: 'T0A' }, user: { id: 'U0A', team_id: 'T0A' }, container: { channel_id: 'C0A' } }),
    ).toEqual({ what: 'a button click', requester: { teamId: 'T0A', channelId: 'C0A', userId: 'U0A', isDirectMessage: false } });
    expect(
      seenRequestOf({ type: 'event_callback', team_id: 'T0A', event: { type: 'app_mention', channel: 'C0A', user: 'U0A', text: 'hi' } }),
    ).toEqual({ what: 'an @mention', requester: { teamId: 'T0A', channelId: 'C0A', userId: 'U0A', isDirectMessage: false } });
  });

  it('ignores bodies that don\u2019t say who asks from where', () => {
    expect(seenRequestOf({ type: 'event_callback', team_id: 'T0A', event: { type: 'app_home_opened', user: 'U0A' } })).toBeUndefined();
    expect(seenRequestOf('not an object')).toBeUndefined();
    expect(seenRequestOf({ type: 'view_submission', user: { id: 'U0A' } })).toBeUndefined();
  });
});

describe('--open', () => {
  it('lets the bot\u2019s workspace in and binds a new channel to every project, so the real access check passes', () => {
    const config = fresh();
    const request = seen();
    expect(checkAccess(config, request.requester).ok).toBe(false);
    const opening = openingFor(config, request.requester, 'T0NEW');
    expect(opening).toEqual({ workspace: 'T0NEW', binding: { channel: 'C0NEWCHAN', projects: KEYS } });
    const text = describeOpening(config, opening!, request);
    applyOpening(config, opening!);
    expect(checkAccess(config, request.requester)).toMatchObject({
      ok: true,
      projects: KEYS.map((key) => ({ key })),
    });
    expect(text).toContain(`allowed workspace T0NEW and channel C0NEWCHAN with every project (${KEYS.join(', ')})`);
    expect(text).toContain(
      `    workspaces: [T0DEMO, T0NEW]\n    channels:\n      - channel: C0NEWCHAN\n        projects: [${KEYS.join(', ')}]`,
    );
    // Nothing more to open the second time.
    expect(openingFor(config, request.requester, 'T0NEW')).toBeUndefined();
  });

  it('takes DMs from anyone in the workspace; leaves bound channels and other workspaces alone', () => {
    const config = fresh();
    expect(openingFor(config, seen({ channelId: 'D0DM', isDirectMessage: true }).requester, 'T0NEW')).toEqual({
      workspace: 'T0NEW',
      admin: 'U0ALICE',
    });
    expect(openingFor(config, seen({ teamId: 'T0DEMO', channelId: 'C0ACME' }).requester, 'T0DEMO')).toBeUndefined();
    expect(openingFor(config, seen({ teamId: 'T0OTHER' }).requester, 'T0NEW')).toBeUndefined();
  });
});

describe('refusalHint', () => {
  it('nothing to say when the configuration allows the request, or refuses it for a reason not about ids', () => {
    expect(refusalHint(fresh(), seen({ teamId: 'T0DEMO', channelId: 'C0ACME' }), DEMO, 'T0DEMO')).toBeUndefined();
  });

  it('an unknown workspace and channel: the ids Slack sent and the YAML lines, with a copy of the demo file', () => {
    const hint = refusalHint(fresh(), seen(), DEMO, 'T0NEW')!;
    expect(hint).toContain('Refused a /chatdash command from workspace T0NEW, channel C0NEWCHAN');
    expect(hint).toContain('the workspace is not in `workspaces` and the channel is not bound to a project in `channels`');
    expect(hint).toContain(`(the channel may have any of ${KEYS.join(', ')})`);
    expect(hint).toContain('    workspaces: [T0DEMO, T0NEW]\n    channels:\n      - channel: C0NEWCHAN\n        projects: [acme]');
    expect(hint).toContain('cp src/config/demo.yml chatdash.local.yml');
    expect(hint).toContain('npm run dev -- --open');
  });

  it('a DM from a non-admin of your own file: the admins line, no copy step', () => {
    const config = fresh();
    config.workspaces.push('T0NEW');
    const hint = refusalHint(config, seen({ channelId: 'D0DM', isDirectMessage: true }), OWN, 'T0NEW')!;
    expect(hint).toContain('from workspace T0NEW, a DM (user U0ALICE): DMs are answered for `admins` only');
    expect(hint).toContain('    admins: [U0ADMIN, U0ALICE]');
    expect(hint).not.toContain('workspaces:');
    expect(hint).not.toContain('cp ');
    expect(hint).toContain('then restart npm run dev');
  });

  it('does not offer --open for another workspace than the bot\u2019s', () => {
    expect(refusalHint(fresh(), seen({ teamId: 'T0OTHER' }), DEMO, 'T0NEW')).not.toContain('--open');
  });
});
