/**
 * Subscriptions covering several projects (`projects: [..]` or `projects: all`) in the configuration file: the valid
 * forms load, and every mistake is reported with file, line, column and field, like the rest of the file.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.ts';

const NOW = new Date('2026-11-25T10:00:00Z');

/** Line numbers matter to the tests below. */
const BASE = [
  'workspaces: [T0DEMO]', //                         1
  'projects:', //                                    2
  '  - key: acme', //                                3
  '    id: proj_demo_text', //                       4
  '    name: Acme Support Bot', //                   5
  '  - key: bella', //                               6
  '    id: proj_demo_voice', //                      7
  '    name: Bella Pizza Phone Line', //             8
  '  - key: cara', //                                9
  '    id: proj_demo_clinic', //                     10
  '    name: Cara Clinic Assistant', //              11
  'channels:', //                                    12
  '  - channel: C0AGENCY', //                        13
  '    projects: [acme, bella]', //                  14
  '  - channel: C0EMPTY', //                         15
  '    projects: [cara]', //                         16
  'subscriptions:', //                               17
  '  - name: agency-weekly', //                      18
  '    projects: all', //                            19
  '    channel: C0AGENCY', //                        20
  '    schedule: "0 9 * * MON"', //                  21
  '    period: last week', //                        22
];

function source(replace: Record<number, string> = {}, extra: string[] = []): string {
  return [...BASE.map((line, i) => replace[i + 1] ?? line), ...extra].join('\n');
}

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, 'agency.yml', { now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.line}:${p.column}: ${p.path}: ${p.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('subscriptions with projects', () => {
  it('loads `projects: all` and `projects: [..]` (no `project` needed)', () => {
    const all = parseConfig(source(), 'agency.yml', { now: NOW });
    expect(all.subscriptions[0]).toMatchObject({ name: 'agency-weekly', projects: 'all' });
    expect(all.subscriptions[0]?.project).toBeUndefined();
    const list = parseConfig(source({ 19: '    projects: [bella, acme]' }), 'agency.yml', { now: NOW });
    expect(list.subscriptions[0]?.projects).toEqual(['bella', 'acme']);
  });

  it.each([
    [{ 19: '    projects: everything' }, '19:15: subscriptions[0].projects: must be "all" or a list of project keys (like [acme, bella])'],
    [{ 19: '    projects: []' }, '19:15: subscriptions[0].projects: must list at least 1 item'],
    [
      { 19: '    projects: [acme, bela]' },
      '19:22: subscriptions[0].projects[1]: "bela" is not a project key defined under projects (did you mean "bella"?)',
    ],
    [{ 19: '    projects: [acme, acme]' }, '19:22: subscriptions[0].projects[1]: "acme" is listed twice'],
    [
      { 19: '    projects: [acme, cara]' },
      '20:14: subscriptions[0].channel: "C0AGENCY" is not bound to project "cara": add cara to this channel\'s projects under channels',
    ],
    [
      { 19: '    project: acme' },
      // A one-project subscription is still valid: nothing to report. (Checked below as "no problems".)
      '',
    ],
  ])('%o → %s', (replace, expected) => {
    if (expected === '') {
      expect(() => parseConfig(source(replace), 'agency.yml', { now: NOW })).not.toThrow();
      return;
    }
    expect(problemsOf(source(replace))).toEqual([expected]);
  });

  it('wants exactly one of project and projects', () => {
    expect(problemsOf(source({}, ['    project: acme']))).toEqual([
      "19:5: subscriptions[0].projects: use either project (one project's digest) or projects (the overview), not both",
    ]);
    const neither = BASE.filter((_, i) => i !== 18).join('\n');
    expect(problemsOf(neither)).toEqual([
      '18:5: subscriptions[0].project: is required (or projects: a list of project keys, or all, for the agency overview)',
    ]);
  });

  it('refuses sections on an overview, and `all` in a channel bound to nothing', () => {
    expect(problemsOf(source({}, ['    sections: [headline]']))).toEqual([
      "23:5: subscriptions[0].sections: sections choose parts of one project's digest; an overview of projects has none",
    ]);
    expect(problemsOf(source({ 20: '    channel: C0NOWHERE' }))).toEqual([
      '19:15: subscriptions[0].projects: "all" would cover nothing: channel "C0NOWHERE" is bound to no project under channels',
    ]);
  });

  it('reserves the project key "all" (it means every project in `/chatdash stats all`)', () => {
    expect(problemsOf(source({ 9: '  - key: all', 16: '    projects: [all]' }))).toContain(
      '9:10: projects[2].key: "all" is reserved (`/chatdash stats all` and `projects: all` mean every project): pick another key',
    );
  });
});
