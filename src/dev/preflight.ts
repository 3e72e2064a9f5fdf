/**
 * Checks both tokens with Slack before `npm run dev` connects, so a wrong one ends in a clear message instead of
 * a stack trace or @slack/socket-mode's endless retries (it retries every `apps.connections.open` error except a
 * few auth ones): `auth.test` with the bot token, `apps.connections.open` with the app-level token, at once.
 * The bot token's `auth.test` also tells which workspace the bot is installed in.
 */
import { ErrorCode, WebClient } from '@slack/web-api';
import type { Log } from '../log.ts';
import { slackLogger } from '../slack/logger.ts';
import { problemOfSlackError, type TokenName, type TokenProblem, type Tokens } from './tokens.ts';

export interface SlackIdentity {
  /** The workspace the bot token belongs to. */
  teamId: string;
  team: string;
  botUserId: string;
  /** The bot user's name (what people @mention). */
  botName: string;
}

export interface PreflightOptions {
  /** Web API base URL for the bot token (default Slack's). */
  slackApiUrl?: string;
  /** Web API base URL for `apps.connections.open` (default `slackApiUrl`). */
  socketApiUrl?: string;
  log: Log;
}

export type PreflightResult = { ok: true; identity: SlackIdentity } | { ok: false; problems: TokenProblem[] };

export async function checkTokensWithSlack(tokens: Tokens, options: PreflightOptions): Promise<PreflightResult> {
  const client = (token: string, url: string | undefined) =>
    new WebClient(token, {
      ...(url ? { slackApiUrl: url } : {}),
      retryConfig: { retries: 1 },
      logger: slackLogger(options.log, 'dev.preflight'),
    });
  const [bot, app] = await Promise.allSettled([
    client(tokens.botToken, options.slackApiUrl).auth.test(),
    client(tokens.appToken, options.socketApiUrl ?? options.slackApiUrl).apps.connections.open({}),
  ]);
  const problems: TokenProblem[] = [];
  if (bot.status === 'rejected') problems.push(problemOf('bot', bot.reason));
  if (app.status === 'rejected') problems.push(problemOf('app', app.reason));
  if (problems.length > 0 || bot.status !== 'fulfilled') return { ok: false, problems };
  return {
    ok: true,
    identity: {
      teamId: bot.value.team_id ?? '',
      team: bot.value.team ?? '',
      botUserId: bot.value.user_id ?? '',
      botName: bot.value.user ?? '',
    },
  };
}

/** A Web API client error as a token problem; the error's own text never reaches the developer's screen unvetted. */
export function problemOf(token: TokenName, error: unknown): TokenProblem {
  const code = (error as { code?: unknown })?.code;
  if (code === ErrorCode.PlatformError) return problemOfSlackError(token, String((error as { data: { error: string } }).data.error));
  if (code === ErrorCode.HTTPError) return { kind: 'slack_error', token, error: `HTTP ${(error as { statusCode: number }).statusCode}` };
  if (code === ErrorCode.RateLimitedError) return { kind: 'slack_error', token, error: 'ratelimited' };
  if (code === ErrorCode.RequestError) {
    // fetch's "TypeError: fetch failed" keeps the system error (ECONNREFUSED, ENOTFOUND, …) as its cause.
    const original = (error as { original?: { code?: unknown; cause?: { code?: unknown } } }).original;
    const codes = [original?.code, original?.cause?.code];
    const reason = codes.find((c): c is string => typeof c === 'string') ?? 'no answer';
    return { kind: 'unreachable', token, reason };
  }
  return { kind: 'unreachable', token, reason: error instanceof Error ? error.name : 'unknown error' };
}
