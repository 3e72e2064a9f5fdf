/**
 * Which projects a subscription covers (one, a list, or all those bound to its channel, by the configuration or from
 * Slack, and never one that is not bound there), and the target its posts resolve to, YAML and runtime alike.
 */
import { describe, expect, it } from 'vitest';
import type { SubscriptionConfig } from '../../src/config/schema.ts';
import { coveredProjects, type DigestSettings, isOverview, resolveDigestTarget } from '../../src/subscriptions/target.ts';
import { demoConfig as config } from '../support/config.ts';

const base: SubscriptionConfig = { name: 's', channel: 'C0AGENCY', schedule: '0 9 * * MON', period: 'last week' };
const keys = (settings: DigestSettings, runtime: Array<{ channel: string; project: string }> = []) =>
  coveredProjects(config, settings, runtime).map((p) => p.key);

describe('coveredProjects', () => {
  it.each<[string, Partial<SubscriptionConfig>, string[], boolean]>([
    ['one project', { project: 'bella' }, ['bella'], false],
    ['a list, in configuration order', { projects: ['nova', 'acme'] }, ['acme', 'nova'], true],
    ['all: every project bound to the channel', { projects: 'all' }, ['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop'], true],
    ['all in a one-project channel', { projects: 'all', channel: 'C0ACME' }, ['acme'], true],
    [
      'a project not bound to the channel is left out (a broken config cannot leak it)',
      { projects: ['acme', 'bella'], channel: 'C0ACME' },
      ['acme'],
      true,
    ],
    ['neither (never valid): nothing', {}, [], false],
  ])('%s', (_, fields, expected, overview) => {
    const subscription = { ...base, ...fields };
    expect(keys(subscription)).toEqual(expected);
    expect(isOverview(subscription)).toBe(overview);
  });

  it('the demo\u2019s agency-weekly covers the whole agency channel', () => {
    const agency = config.subscriptions.find((s) => s.name === 'agency-weekly')!;
    expect(keys(agency)).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
  });

  it('bindings made from Slack count like the configuration\u2019s, for their own channel only', () => {
    const runtime = [
      { channel: 'C0ACME', project: 'bella' },
      { channel: 'C0OTHER', project: 'nova' },
    ];
    expect(keys({ channel: 'C0ACME', projects: 'all' }, runtime)).toEqual(['acme', 'bella']);
    expect(keys({ channel: 'C0ACME', projects: ['bella', 'nova'] }, runtime)).toEqual(['bella']);
    expect(keys({ channel: 'C0NEW', project: 'nova' }, runtime)).toEqual([]);
    expect(keys({ channel: 'C0OTHER', project: 'nova' }, runtime)).toEqual(['nova']);
  });
});

describe('resolveDigestTarget', () => {
  it('one project: its digest, with the configuration\u2019s defaults and the sections in digest order', () => {
    const resolved = resolveDigestTarget(config, { channel: 'C0ACME', project: 'acme', sections: ['costs', 'headline'] });
    expect(resolved).toMatchObject({
      ok: true,
      target: {
        kind: 'project',
        channel: 'C0ACME',
        timeZone: config.defaults.timeZone,
        locale: config.defaults.locale,
        currencyDisplay: config.defaults.currencyDisplay,
        sections: ['headline', 'costs'],
      },
    });
    expect(resolved.ok && resolved.target.kind === 'project' && resolved.target.project.key).toBe('acme');
  });

  it('several projects: the overview of those the channel may see, with its own locale and time zone', () => {
    const resolved = resolveDigestTarget(config, {
      channel: 'C0AGENCY',
      projects: ['nova', 'acme'],
      locale: 'en-GB',
      timeZone: 'Asia/Tokyo',
    });
    expect(resolved).toMatchObject({ ok: true, target: { kind: 'overview', locale: 'en-GB', timeZone: 'Asia/Tokyo' } });
    expect(resolved.ok && resolved.target.kind === 'overview' && resolved.target.projects.map((p) => p.key)).toEqual(['acme', 'nova']);
  });

  it('a project the configuration no longer has; nothing the channel may see (a project or a channel disconnected)', () => {
    expect(resolveDigestTarget(config, { channel: 'C0ACME', project: 'gone' })).toEqual({ ok: false, problem: 'unknown_project' });
    expect(resolveDigestTarget(config, { channel: 'C0NEW', project: 'acme' })).toEqual({ ok: false, problem: 'nothing_covered' });
    expect(resolveDigestTarget(config, { channel: 'C0NEW', projects: 'all' })).toEqual({ ok: false, problem: 'nothing_covered' });
    expect(resolveDigestTarget(config, { channel: 'C0ACME', projects: ['gone', 'bella'] })).toEqual({
      ok: false,
      problem: 'nothing_covered',
    });
    // Bound from Slack: covered.
    expect(resolveDigestTarget(config, { channel: 'C0NEW', project: 'acme' }, [{ channel: 'C0NEW', project: 'acme' }]).ok).toBe(true);
  });
});
