/**
 * The two tokens `npm run dev` needs, what can be wrong with them, and what to tell the developer: a closed set
 * of problems, each explained with what to create where in Slack's app settings. Pure.
 *
 * A token is never echoed: at most its type prefix (`xoxb-`), which is not secret.
 */

export type TokenName = 'app' | 'bot';

export const TOKEN_VARS = { app: 'SLACK_APP_TOKEN', bot: 'SLACK_BOT_TOKEN' } as const satisfies Record<TokenName, string>;

const EXPECTED_PREFIX = { app: 'xapp-', bot: 'xoxb-' } as const satisfies Record<TokenName, string>;

export type TokenProblem =
  | { kind: 'missing'; token: TokenName }
  /** `prefix` is the token's type prefix when it has a known one (`xoxp-`), else undefined. */
  | { kind: 'wrong_prefix'; token: TokenName; prefix: string | undefined }
  /** Slack refused the token itself: invalid_auth, not_authed, account_inactive, token_revoked, token_expired. */
  | { kind: 'rejected'; token: TokenName; error: string }
  /** The app-level token lacks `connections:write`. */
  | { kind: 'missing_scope'; token: TokenName }
  /** Any other error code from `apps.connections.open` or `auth.test`. */
  | { kind: 'slack_error'; token: TokenName; error: string }
  /** Slack could not be reached at all. */
  | { kind: 'unreachable'; token: TokenName; reason: string };

export interface Tokens {
  appToken: string;
  botToken: string;
}

const KNOWN_PREFIXES: Record<string, string> = {
  'xapp-': 'an app-level token',
  'xoxb-': 'a bot token',
  'xoxp-': 'a user token',
  'xoxe-': 'a refresh or configuration token',
  'xoxa-': 'a workspace app token',
};

const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission']);

export const HOW_TO = {
  app: 'api.slack.com/apps \u2192 your app \u2192 Basic Information \u2192 App-Level Tokens \u2192 Generate Token and Scopes, add the scope connections:write, Generate, and copy the token (xapp-\u2026)',
  bot: 'api.slack.com/apps \u2192 your app \u2192 OAuth & Permissions \u2192 Install to Workspace (or Reinstall to Workspace), then copy the Bot User OAuth Token (xoxb-\u2026)',
  socketMode:
    'api.slack.com/apps \u2192 your app \u2192 Socket Mode \u2192 Enable Socket Mode (an app created from manifest.dev.yml has it on)',
} as const;

/** The known type prefix of a token (`xoxp-`), or undefined: never any other part of it. */
export function tokenPrefix(token: string): string | undefined {
  const match = /^(xapp|xox[a-z])-/.exec(token);
  return match ? match[0] : undefined;
}

/** The tokens from the environment, or every problem with their presence and shape (no network). */
export function tokensFrom(env: NodeJS.ProcessEnv): { ok: true; tokens: Tokens } | { ok: false; problems: TokenProblem[] } {
  const problems: TokenProblem[] = [];
  const read = (token: TokenName): string => {
    const value = (env[TOKEN_VARS[token]] ?? '').trim();
    if (value === '') problems.push({ kind: 'missing', token });
    else if (!value.startsWith(EXPECTED_PREFIX[token])) problems.push({ kind: 'wrong_prefix', token, prefix: tokenPrefix(value) });
    return value;
  };
  const appToken = read('app');
  const botToken = read('bot');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tokens: { appToken, botToken } };
}

/** What a Slack error code from checking `token` means for the developer. */
export function problemOfSlackError(token: TokenName, error: string): TokenProblem {
  if (REJECTED.has(error)) return { kind: 'rejected', token, error };
  if (error === 'not_allowed_token_type') return { kind: 'wrong_prefix', token, prefix: undefined };
  if (error === 'missing_scope') return { kind: 'missing_scope', token };
  return { kind: 'slack_error', token, error };
}

function explainOne(problem: TokenProblem): string[] {
  const name = TOKEN_VARS[problem.token];
  const what = problem.token === 'app' ? 'your app\u2019s app-level token' : 'your app\u2019s Bot User OAuth Token';
  const howTo = `Create it at ${HOW_TO[problem.token]}.`;
  switch (problem.kind) {
    case 'missing':
      return [`${name} is not set. It is ${what} (${EXPECTED_PREFIX[problem.token]}\u2026).`, howTo];
    case 'wrong_prefix': {
      const is = problem.prefix
        ? `starts with ${problem.prefix}: that is ${KNOWN_PREFIXES[problem.prefix] ?? 'another kind of token'}`
        : 'is not the right kind of token';
      return [`${name} ${is}, but it must be ${what} (${EXPECTED_PREFIX[problem.token]}\u2026).`, howTo];
    }
    case 'rejected':
      return [
        `Slack refused ${name} (${problem.error}): it was revoked, belongs to another app or workspace, or was copied incompletely.`,
        problem.token === 'app'
          ? `Generate a new one at ${HOW_TO.app}.`
          : `Get the current one at ${HOW_TO.bot} (reinstalling changes it).`,
      ];
    case 'missing_scope':
      return [`${name} lacks the scope connections:write, which Socket Mode needs.`, `Generate one with it at ${HOW_TO.app}.`];
    case 'slack_error':
      return problem.token === 'app'
        ? [
            `Slack answered ${problem.error} when opening a Socket Mode connection with ${name}.`,
            `Check that Socket Mode is on: ${HOW_TO.socketMode}.`,
          ]
        : [`Slack answered ${problem.error} when checking ${name} with auth.test.`, howTo];
    case 'unreachable':
      return [`Could not reach Slack to check ${name} (${problem.reason}). Check your network connection and try again.`];
  }
}

/** The whole message for a set of token problems, ending with where the tokens go. */
export function explainTokenProblems(problems: readonly TokenProblem[], envFilePath: string): string {
  const lines = ['npm run dev cannot connect to Slack:'];
  for (const problem of problems) {
    const [first, ...rest] = explainOne(problem);
    lines.push(`  \u2717 ${first}`, ...rest.map((l) => `    ${l}`));
  }
  if (problems.some((p) => p.kind !== 'unreachable')) {
    lines.push(
      '',
      `Put the tokens in ${envFilePath} (or in the environment):`,
      '  SLACK_APP_TOKEN=xapp-\u2026',
      '  SLACK_BOT_TOKEN=xoxb-\u2026',
      'New here? The README\u2019s "Try it in your workspace" creates the Slack app from manifest.dev.yml in two minutes.',
    );
  }
  return lines.join('\n');
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly problems: readonly TokenProblem[],
    envFilePath: string,
  ) {
    super(explainTokenProblems(problems, envFilePath));
  }
}
