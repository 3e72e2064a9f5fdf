/** projects[].dashboardUrl: https only, bounded, no credentials; bad ones reported at file:line:col without the URL. */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_URL_MAX_LENGTH, dashboardUrlProblem } from '../../src/config/dashboard-url.ts';
import { ConfigError, parseConfig } from '../../src/config/load.ts';

describe('dashboardUrlProblem', () => {
  it.each([
    'https://app.chat-dash.com/projects/64f1c0ffee/analytics',
    'https://dashboard.my-agency.com/client/acme?tab=analytics&range=7d',
    'https://app.chat-dash.com/p/abc#analytics',
    'https://app.chat-dash.com:8443/',
    `https://app.chat-dash.com/${'a'.repeat(DASHBOARD_URL_MAX_LENGTH - 'https://app.chat-dash.com/'.length)}`,
  ])('accepts %s', (url) => {
    expect(dashboardUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['http://app.chat-dash.com/projects/1', /must be an https:\/\/ URL/],
    ['ftp://app.chat-dash.com/', /must be an https:\/\/ URL/],
    ['javascript:alert(1)', /must be an https:\/\/ URL/],
    ['app.chat-dash.com/projects/1', /is not a valid URL/],
    ['https://', /is not a valid URL/],
    ['https://app.chat-dash.com/a b', /spaces or control characters/],
    ['https://app.chat-dash.com/\u0007', /spaces or control characters/],
    [`https://app.chat-dash.com/${'a'.repeat(DASHBOARD_URL_MAX_LENGTH)}`, /at most 1000 characters/],
    ['https://alice:hunter2@app.chat-dash.com/', /user name or password/],
    ['https://alice@app.chat-dash.com/', /user name or password/],
    ['http://alice:hunter2@app.chat-dash.com/', /user name or password/],
    ['https://app.chat-dash.com/p?token=abc123', /"token" looks like a token or key/],
    ['https://app.chat-dash.com/p?tab=1&access_token=abc123', /"access_token"/],
    ['https://app.chat-dash.com/p?api_key=abc123', /"api_key"/],
    ['https://app.chat-dash.com/p?apiKey=abc123', /"apiKey"/],
    ['https://app.chat-dash.com/p?key=abc123', /"key"/],
    ['https://app.chat-dash.com/p?X-Amz-Signature=abc', /"X-Amz-Signature"/],
    ['https://app.chat-dash.com/p?password=x', /"password"/],
    ['https://app.chat-dash.com/p#access_token=abc123', /"access_token"/],
  ])('refuses %s', (url, message) => {
    const problem = dashboardUrlProblem(url);
    expect(problem?.message).toMatch(message);
    // The message never repeats the URL (it may hold a secret).
    if (url.length > 'https://'.length) expect(problem?.message).not.toContain(url);
    expect(problem?.message).not.toMatch(/hunter2|abc123/);
  });
});

/** A valid file with one project; line 6 is where tests put a dashboardUrl. */
const FILE = (dashboardUrl: string): string =>
  [
    'workspaces: [T0DEMO]', //                          1
    'projects:', //                                     2
    '  - key: acme', //                                 3
    '    id: proj_demo_text', //                        4
    '    name: Acme Support Bot', //                    5
    `    dashboardUrl: ${dashboardUrl}`, //             6
  ].join('\n');

function problemsOf(source: string): string[] {
  try {
    parseConfig(source, 'prod.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`);
  }
  throw new Error('expected the configuration to be rejected');
}

describe('projects[].dashboardUrl in the configuration file', () => {
  it('is optional, and kept as written when valid', () => {
    const url = 'https://app.chat-dash.com/projects/proj_demo_text/analytics?range=7d';
    expect(parseConfig(FILE(url), 'prod.yml').projects[0]?.dashboardUrl).toBe(url);
    const without = FILE('x').split('\n').slice(0, 5).join('\n');
    expect(parseConfig(without, 'prod.yml').projects[0]?.dashboardUrl).toBeUndefined();
  });

  it('reports a bad URL at its file, line and column, like every other problem', () => {
    expect(problemsOf(FILE('http://app.chat-dash.com/projects/1'))).toEqual([
      'prod.yml:6:19: projects[0].dashboardUrl: must be an https:// URL',
    ]);
    expect(problemsOf(FILE('"not a url"'))).toEqual([
      'prod.yml:6:19: projects[0].dashboardUrl: must not contain spaces or control characters',
    ]);
    expect(problemsOf(FILE('42'))).toEqual(['prod.yml:6:19: projects[0].dashboardUrl: must be text, not number 42']);
  });

  it('refuses credentials without ever printing them', () => {
    for (const url of ['https://alice:hunter2@app.chat-dash.com/p', 'https://app.chat-dash.com/p?token=hunter2']) {
      let message = '';
      try {
        parseConfig(FILE(url), 'prod.yml');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Invalid configuration prod\.yml \(1 problem\):\nprod\.yml:6:19: projects\[0\]\.dashboardUrl: must not /);
      expect(message).not.toContain('hunter2');
    }
  });

  it('suggests the key on a typo', () => {
    const typo = FILE('https://app.chat-dash.com/').replace('dashboardUrl', 'dashboardURL');
    expect(problemsOf(typo)).toEqual(['prod.yml:6:5: projects[0].dashboardURL: unknown key "dashboardURL" (did you mean "dashboardUrl"?)']);
  });
});
