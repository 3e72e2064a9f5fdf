import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { ConfigError, loadConfigFile, parseConfig } from '../../src/config/load.ts';
import { resolveDigestTarget } from '../../src/subscriptions/target.ts';

const NOW = new Date('2026-11-25T10:00:00Z');

/** A small valid file; line numbers matter to the tests below. */
const VALID = [
  'workspaces: [T0DEMO]', //                         1
  'admins: [U0ADMIN]', //                            2
  'defaults:', //                                    3
  '  locale: en-US', //                              4
  '  timeZone: Europe/Paris', //                     5
  'projects:', //                                    6
  '  - key: acme', //                                7
  '    id: proj_demo_text', //                       8
  '    name: Acme Support Bot', //                   9
  '  - key: bella', //                               10
  '    id: proj_demo_voice', //                      11
  '    name: Bella Pizza Phone Line', //             12
  'channels:', //                                    13
  '  - channel: C0ACME', //                          14
  '    projects: [acme]', //                         15
  'subscriptions:', //                               16
  '  - name: acme-weekly', //                        17
  '    project: acme', //                            18
  '    channel: C0ACME', //                          19
  '    schedule: "0 9 * * MON"', //                  20
  '    timeZone: Europe/Paris', //                   21
  '    period: last week', //                        22
  '    locale: en-GB', //                            23
];

/** VALID with line `n` (1-based) replaced. */
function withLine(n: number, text: string, lines: string[] = VALID): string {
  const copy = [...lines];
  copy[n - 1] = text;
  return copy.join('\n');
}

function problemsOf(source: string, fileName = 'config.yml'): string[] {
  try {
    parseConfig(source, fileName, { now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

function messageOf(source: string): string {
  try {
    parseConfig(source, 'config.yml', { now: NOW });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseConfig: valid files', () => {
  it('loads the demo file', () => {
    const config = loadConfigFile(DEMO_CONFIG_PATH);
    expect(config.workspaces).toEqual(['T0DEMO']);
    expect(config.admins).toEqual(['U0ADMIN']);
    expect(config.adminChannel).toBe('C0ADMIN');
    expect(config.projects.map((p) => [p.key, p.id, p.name])).toEqual([
      ['acme', 'proj_demo_text', 'Acme Support Bot'],
      ['bella', 'proj_demo_voice', 'Bella Pizza Phone Line'],
      ['quiet', 'proj_demo_empty', 'Quiet Bot'],
      ['cara', 'proj_demo_clinic', 'Cara Clinic Assistant'],
      ['nova', 'proj_demo_degrading', 'Nova Telecom Help'],
      ['echo', 'proj_demo_broken', 'Echo Hotel Concierge'],
      ['shop', 'proj_demo_shop', 'Maya Shop Assistant'],
    ]);
    const agency = config.channels.find((c) => c.channel === 'C0AGENCY');
    expect(agency?.projects).toEqual(['acme', 'bella', 'quiet', 'cara', 'nova', 'echo', 'shop']);
    const zones = config.subscriptions.map((s) => s.timeZone);
    expect(new Set(zones).size).toBe(2);
    expect(config.subscriptions.map((s) => s.project ?? s.projects)).toEqual(['acme', 'bella', 'all']);
  });

  it('fills in defaults', () => {
    const config = parseConfig(VALID.join('\n'), 'config.yml', { now: NOW });
    expect(config.defaults).toEqual({ locale: 'en-US', timeZone: 'Europe/Paris', currencyDisplay: 'symbol', maxRangeDays: 366 });
    const [subscription] = config.subscriptions;
    const resolved = resolveDigestTarget(config, subscription!);
    expect(resolved).toMatchObject({ ok: true, target: { timeZone: 'Europe/Paris', locale: 'en-GB', currencyDisplay: 'symbol' } });
    const target = resolved.ok && resolved.target.kind === 'project' ? resolved.target : undefined;
    expect(target?.sections).toEqual(['headline', 'trend', 'changes', 'topics', 'misunderstood', 'costs']);
    expect(target?.project.id).toBe('proj_demo_text');

    const minimal = parseConfig('workspaces: [T0DEMO]\nprojects:\n  - { key: a, id: p1, name: A }\n', 'min.yml');
    expect(minimal.admins).toEqual([]);
    expect(minimal.channels).toEqual([]);
    expect(minimal.subscriptions).toEqual([]);
    expect(minimal.defaults.timeZone).toBe('UTC');
  });

  it('accepts every period form the stats command accepts', () => {
    for (const period of ['yesterday', 'last week', 'last month', '7d', '30d', 'last 14 days', 'this month']) {
      expect(() => parseConfig(withLine(22, `    period: ${period}`), 'config.yml', { now: NOW })).not.toThrow();
    }
  });
});

describe('parseConfig: every problem named with file, line, column and field', () => {
  it('reports a YAML syntax error with its line and column', () => {
    const problems = problemsOf(withLine(15, '    projects: [acme'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^config\.yml:16:1: YAML syntax error: /);
  });

  it('reports tabs used for indentation', () => {
    const problems = problemsOf(withLine(8, '\tid: proj_demo_text'));
    expect(problems[0]).toMatch(/^config\.yml:8:\d+: YAML syntax error: .*[Tt]ab/);
  });

  it('reports a duplicated YAML key', () => {
    const problems = problemsOf(withLine(2, 'workspaces: [T0OTHER]'));
    expect(problems[0]).toMatch(/^config\.yml:2:1: YAML syntax error: .*unique/);
  });

  it('reports wrong types with what was found', () => {
    expect(problemsOf(withLine(1, 'workspaces: T0DEMO'))).toEqual(['config.yml:1:13: workspaces: must be a list, not text "T0DEMO"']);
    expect(problemsOf(withLine(8, '    id: 42'))).toEqual(['config.yml:8:9: projects[0].id: must be text, not number 42']);
    expect(
      problemsOf(
        withLine(
          3,
          'defaults: []',
          VALID.filter((_, i) => i !== 3 && i !== 4),
        ),
      ),
    ).toEqual(['config.yml:3:11: defaults: must be a map of key: value pairs, not a list']);
  });

  it('reports a missing field at its parent', () => {
    const source = VALID.filter((_, i) => i !== 17).join('\n'); // drop "project: acme"
    expect(problemsOf(source)).toEqual([
      'config.yml:17:5: subscriptions[0].project: is required (or projects: a list of project keys, or all, for the agency overview)',
    ]);
  });

  it('reports a bad cron expression', () => {
    expect(problemsOf(withLine(20, '    schedule: "0 9 * MON"'))).toEqual([
      'config.yml:20:15: subscriptions[0].schedule: "0 9 * MON" is not a valid cron expression (5 fields: minute hour day-of-month month day-of-week)',
    ]);
    // The field at fault, in our words (croner's own message would repeat the expression).
    expect(problemsOf(withLine(20, '    schedule: "0 25 * * MON"'))).toEqual([
      'config.yml:20:15: subscriptions[0].schedule: "0 25 * * MON" is not a valid cron expression: its hour field is wrong (5 fields: minute hour day-of-month month day-of-week)',
    ]);
    expect(problemsOf(withLine(20, '    schedule: "0 0 31 2 *"'))).toEqual([
      'config.yml:20:15: subscriptions[0].schedule: "0 0 31 2 *" never runs: no date matches it',
    ]);
  });

  it('refuses a cron that runs more than once an hour, naming the subscription (the subscribe modal\u2019s rule)', () => {
    for (const cron of ['*/15 9 * * 1-5', '0,30 * * * *', '* 9 * * MON']) {
      expect(problemsOf(withLine(20, `    schedule: "${cron}"`))).toEqual([
        `config.yml:20:15: subscriptions[0].schedule: "${cron}" runs more than once an hour (subscription "acme-weekly"): digests run at most hourly, so give one minute (like "0 * * * *", every hour on the hour)`,
      ]);
    }
    // One minute: hourly at most, accepted.
    expect(parseConfig(withLine(20, '    schedule: "5 * * * *"'), 'config.yml', { now: NOW }).subscriptions[0]?.schedule).toBe('5 * * * *');
  });

  it('reports a bad time zone, in a subscription or the defaults', () => {
    expect(problemsOf(withLine(21, '    timeZone: Europe/Pariss'))).toEqual([
      'config.yml:21:15: subscriptions[0].timeZone: "Europe/Pariss" is not a valid IANA time zone (like Europe/Paris, America/New_York or UTC)',
    ]);
    expect(problemsOf(withLine(5, '  timeZone: Mars/Olympus'))[0]).toMatch(
      /^config\.yml:5:13: defaults\.timeZone: "Mars\/Olympus" is not a valid IANA time zone/,
    );
  });

  it('reports a bad locale', () => {
    expect(problemsOf(withLine(23, '    locale: en_GB!'))).toEqual([
      'config.yml:23:13: subscriptions[0].locale: "en_GB!" is not a valid locale (a BCP 47 tag like en-US, en-GB or fr-FR)',
    ]);
  });

  it('reports a period the stats command would not accept', () => {
    const [problem] = problemsOf(withLine(22, '    period: last fortnight'));
    expect(problem).toMatch(/^config\.yml:22:13: subscriptions\[0\]\.period: "last fortnight" is not a valid period: /);
  });

  it('reports duplicate project keys, ids and subscription names at the second occurrence', () => {
    const dupKey = withLine(10, '  - key: acme');
    expect(problemsOf(dupKey)).toContain(
      'config.yml:10:10: projects[1].key: "acme" is already used as the key of projects[0]; keys must be unique',
    );
    expect(problemsOf(withLine(11, '    id: proj_demo_text'))).toEqual([
      'config.yml:11:9: projects[1].id: "proj_demo_text" is already used as the id of projects[0]; ids must be unique',
    ]);
    const twoSubs = [
      ...VALID,
      '  - name: acme-weekly',
      '    project: acme',
      '    channel: C0ACME',
      '    schedule: "0 8 * * *"',
      '    period: yesterday',
    ];
    expect(problemsOf(twoSubs.join('\n'))).toEqual([
      'config.yml:24:11: subscriptions[1].name: "acme-weekly" is already used as the name of subscriptions[0]; names must be unique',
    ]);
  });

  it('reports dangling project references, with a suggestion', () => {
    expect(problemsOf(withLine(15, '    projects: [acme, acmee]'))).toEqual([
      'config.yml:15:22: channels[0].projects[1]: "acmee" is not a project key defined under projects (did you mean "acme"?)',
    ]);
    expect(problemsOf(withLine(18, '    project: nope'))).toEqual([
      'config.yml:18:14: subscriptions[0].project: "nope" is not a project key defined under projects',
    ]);
  });

  it('refuses a subscription that would post a project where it is not bound', () => {
    expect(problemsOf(withLine(19, '    channel: C0BELLA'))).toEqual([
      'config.yml:19:14: subscriptions[0].channel: "C0BELLA" is not bound to project "acme": add acme to this channel\'s projects under channels',
    ]);
  });

  it('rejects unknown keys (typos) at the key, with a suggestion', () => {
    expect(problemsOf(withLine(20, '    shedule: "0 9 * * MON"'))).toEqual([
      'config.yml:17:5: subscriptions[0].schedule: is required',
      'config.yml:20:5: subscriptions[0].shedule: unknown key "shedule" (did you mean "schedule"?)',
    ]);
    expect(problemsOf(`${VALID.join('\n')}\nadminchannel: C0ADMIN`)).toEqual([
      'config.yml:24:1: adminchannel: unknown key "adminchannel" (did you mean "adminChannel"?)',
    ]);
  });

  it('checks Slack id shapes', () => {
    expect(problemsOf(withLine(1, 'workspaces: [acme-team]'))[0]).toMatch(
      /^config\.yml:1:14: workspaces\[0\]: "acme-team" is not a Slack team id/,
    );
    expect(problemsOf(withLine(2, 'admins: [C0ADMIN]'))[0]).toMatch(/^config\.yml:2:10: admins\[0\]: "C0ADMIN" is not a Slack user id/);
    const [channel] = problemsOf(withLine(14, '  - channel: "#support"'));
    expect(channel).toMatch(/^config\.yml:14:14: channels\[0\]\.channel: "#support" is not a Slack channel id/);
  });

  it('checks project key syntax and enum values', () => {
    expect(problemsOf(withLine(7, '  - key: Acme Corp')).join('\n')).toMatch(
      /config\.yml:7:10: projects\[0\]\.key: "Acme Corp" is not a valid project key: use lowercase letters, digits and hyphens/,
    );
    expect(problemsOf(`${VALID.join('\n')}\n    sections: [headline, topcis]`)).toEqual([
      'config.yml:24:26: subscriptions[0].sections[1]: "topcis" is not one of: headline, trend, changes, topics, misunderstood, costs (did you mean "topics"?)',
    ]);
  });

  it('lists every problem at once, in file order, in the error message', () => {
    let source = withLine(20, '    schedule: "0 9 * MON"');
    source = withLine(21, '    timeZone: Nowhere/City', source.split('\n'));
    source = withLine(1, 'workspaces: [T0DEMO, bad]', source.split('\n'));
    const message = messageOf(source);
    expect(message).toContain('Invalid configuration config.yml (3 problems):');
    const lines = message.split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^config\.yml:1:22: workspaces\[1\]: "bad" is not a Slack team id/);
    expect(lines[1]).toMatch(/^config\.yml:20:15: subscriptions\[0\]\.schedule: /);
    expect(lines[2]).toMatch(/^config\.yml:21:15: subscriptions\[0\]\.timeZone: /);
  });

  it('reports an empty file as missing the required fields', () => {
    expect(problemsOf('')).toEqual(['config.yml:1:1: workspaces: is required', 'config.yml:1:1: projects: is required']);
  });
});

describe('loadConfigFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatdash-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file in its errors', () => {
    const path = join(dir, 'broken.yml');
    writeFileSync(path, withLine(21, '    timeZone: Europe/Pariss'));
    expect(() => loadConfigFile(path)).toThrow(/broken\.yml:21:15: subscriptions\[0\]\.timeZone: /);
  });

  it('reports a missing file as a ConfigError', () => {
    expect(() => loadConfigFile(join(dir, 'missing.yml'))).toThrow(ConfigError);
    expect(() => loadConfigFile(join(dir, 'missing.yml'))).toThrow(/missing\.yml:1:1: cannot read the file \(ENOENT\)/);
  });
});

describe('parseConfig: YAML pitfalls', () => {
  it('explains that a cron expression starting with * must be quoted', () => {
    const problems = problemsOf(withLine(20, '    schedule: */5 * * * *'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^config\.yml:20:\d+: YAML syntax error: .*must be quoted/);
  });
});

describe('defaults.maxRangeDays', () => {
  it('defaults to 366 and caps subscription periods when set lower', () => {
    expect(parseConfig(VALID.join('\n'), 'ok.yml', { now: NOW }).defaults.maxRangeDays).toBe(366);
    const capped = withLine(5, '  timeZone: Europe/Paris\n  maxRangeDays: 5');
    expect(() => parseConfig(capped, 'capped.yml', { now: NOW })).toThrow(
      /subscriptions\[0\]\.period: "last week" is not a valid period: .*longest range is 5 days/,
    );
  });

  it('rejects a cap that is not a whole number of days from 1', () => {
    expect(() => parseConfig(withLine(5, '  timeZone: Europe/Paris\n  maxRangeDays: 0'), 'zero.yml', { now: NOW })).toThrow(
      /defaults\.maxRangeDays/,
    );
  });
});
