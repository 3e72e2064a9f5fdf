/** The token checks of `npm run dev` and what they tell the developer: every problem named, with where to fix it. */
import { describe, expect, it } from 'vitest';
import { explainTokenProblems, problemOfSlackError, TokenError, tokenPrefix, tokensFrom } from '../../src/dev/tokens.ts';

describe('tokensFrom', () => {
  it('takes an xapp- app-level token and an xoxb- bot token, trimmed', () => {
    expect(tokensFrom({ SLACK_APP_TOKEN: ' xapp-1-A1-2-abc ', SLACK_BOT_TOKEN: 'xoxb-1-2-def\n' })).toEqual({
      ok: true,
      tokens: { appToken: 'xapp-1-A1-2-abc', botToken: 'xoxb-1-2-def' },
    });
  });

  it('reports both missing tokens at once', () => {
    expect(tokensFrom({ SLACK_BOT_TOKEN: '' })).toEqual({
      ok: false,
      problems: [
        { kind: 'missing', token: 'app' },
        { kind: 'missing', token: 'bot' },
      ],
    });
  });

  it.each([
    [
      'xoxb-123',
      'xoxp-456',
      [
        { kind: 'wrong_prefix', token: 'app', prefix: 'xoxb-' },
        { kind: 'wrong_prefix', token: 'bot', prefix: 'xoxp-' },
      ],
    ],
    ['xapp-1', 'xapp-2', [{ kind: 'wrong_prefix', token: 'bot', prefix: 'xapp-' }]],
    ['secret-looking-thing', 'xoxb-1', [{ kind: 'wrong_prefix', token: 'app', prefix: undefined }]],
  ])('app %s, bot %s: the tokens are swapped or of another kind', (app, bot, problems) => {
    expect(tokensFrom({ SLACK_APP_TOKEN: app, SLACK_BOT_TOKEN: bot })).toEqual({ ok: false, problems });
  });

  it('names only a known type prefix, never any other part of a token', () => {
    expect(tokenPrefix('xoxe-1-abc')).toBe('xoxe-');
    expect(tokenPrefix('hunter2-abc')).toBeUndefined();
  });
});

describe('problemOfSlackError', () => {
  it.each([
    ['invalid_auth', { kind: 'rejected', token: 'app', error: 'invalid_auth' }],
    ['not_authed', { kind: 'rejected', token: 'app', error: 'not_authed' }],
    ['token_revoked', { kind: 'rejected', token: 'app', error: 'token_revoked' }],
    ['not_allowed_token_type', { kind: 'wrong_prefix', token: 'app', prefix: undefined }],
    ['missing_scope', { kind: 'missing_scope', token: 'app' }],
    ['internal_error', { kind: 'slack_error', token: 'app', error: 'internal_error' }],
  ])('%s', (error, problem) => {
    expect(problemOfSlackError('app', error)).toEqual(problem);
  });
});

describe('explainTokenProblems', () => {
  it('says what to create where in Slack\u2019s app settings, and where the tokens go', () => {
    const text = explainTokenProblems(
      [
        { kind: 'missing', token: 'app' },
        { kind: 'rejected', token: 'bot', error: 'invalid_auth' },
      ],
      '/home/me/chatdash-slack/.env',
    );
    expect(text).toContain('SLACK_APP_TOKEN is not set');
    expect(text).toContain('Basic Information \u2192 App-Level Tokens');
    expect(text).toContain('connections:write');
    expect(text).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(text).toContain('OAuth & Permissions');
    expect(text).toContain('Put the tokens in /home/me/chatdash-slack/.env');
    expect(text).toContain('manifest.dev.yml');
  });

  it('explains a missing scope, a Socket Mode that is off, and an unreachable Slack', () => {
    expect(explainTokenProblems([{ kind: 'missing_scope', token: 'app' }], '.env')).toContain('lacks the scope connections:write');
    expect(explainTokenProblems([{ kind: 'slack_error', token: 'app', error: 'socket_mode_off' }], '.env')).toContain(
      'Socket Mode \u2192 Enable Socket Mode',
    );
    const offline = explainTokenProblems([{ kind: 'unreachable', token: 'bot', reason: 'ENOTFOUND' }], '.env');
    expect(offline).toContain('Could not reach Slack to check SLACK_BOT_TOKEN (ENOTFOUND)');
    expect(offline).not.toContain('Put the tokens');
  });

  it('TokenError carries the problems and the message', () => {
    const error = new TokenError([{ kind: 'missing', token: 'bot' }], '.env');
    expect(error.problems).toEqual([{ kind: 'missing', token: 'bot' }]);
    expect(error.message).toContain('SLACK_BOT_TOKEN is not set');
  });
});
