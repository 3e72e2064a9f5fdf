/**
 * The Bolt app behind the HTTP function: slash command, drill-down buttons, @mentions in digest threads.
 *
 * Everything here answers within Slack's 3 seconds without touching ChatDash: it checks who is asking, turns
 * the request into a job on the queue, and acks. The worker does the slow part.
 *
 * Bolt is imported by module path (App + AwsLambdaReceiver) rather than from its index, and the build leaves
 * its Express/HTTP/Socket Mode receivers out: they are never used on Lambda and are most of Bolt's weight.
 * `registerListeners` is the seam `npm run dev` shares: the same listeners on a Socket Mode receiver.
 */
import AppModule from '@slack/bolt/dist/App.js';
import type { AwsHandler } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import ReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Log } from '../log.ts';
import { errorFields } from '../log.ts';
import type { Secrets } from '../secrets/secrets.ts';
import { registerCommand } from './command/listener.ts';
import { registerDrilldowns } from './drilldown/listeners.ts';
import { slackLogger } from './logger.ts';

export const App = cjsDefault(AppModule);
const AwsLambdaReceiver = cjsDefault(ReceiverModule);

/**
 * Bolt's modules are CommonJS with `exports.default`: Node and esbuild hand them over as `{ default }`, while
 * some loaders (Vitest's) unwrap that default already. Works with both.
 */
export function cjsDefault<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

/** What the listeners need, whichever receiver feeds them (AwsLambdaReceiver here, Socket Mode in `npm run dev`). */
export interface ListenerDeps {
  config: Config;
  queue: JobQueue;
  log: Log;
  /** The clock (default the system's). */
  now?: () => Date;
}

export interface SlackAppDeps extends ListenerDeps {
  secrets: Pick<Secrets, 'slackSigningSecret' | 'slackBotToken'>;
  /** Base URL of the Slack Web API (`SLACK_API_URL`), for local runs and tests (default Slack's). */
  slackApiUrl?: string;
}

export type BoltApp = InstanceType<typeof App>;
type AppOptions = NonNullable<ConstructorParameters<typeof App>[0]>;

export function createSlackHandler(deps: SlackAppDeps): AwsHandler {
  const logger = slackLogger(deps.log, 'bolt');
  const receiver = new AwsLambdaReceiver({
    signingSecret: deps.secrets.slackSigningSecret,
    logger,
    invalidRequestSignatureHandler: ({ ts }) => deps.log('warn', 'slack.bad_signature', { ts: Number.isFinite(ts) ? ts : null }),
  });
  const botToken = deps.secrets.slackBotToken;
  const app = new App({
    receiver,
    logger,
    processBeforeResponse: true,
    authorize: botTokenAuthorize(botToken),
    clientOptions: deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {},
  });
  registerListeners(app, deps);
  return receiver.toHandler();
}

/**
 * Registers every listener of the bot, and its error handler, on `app`. The one entry point both receivers use:
 * the Lambda app above and `npm run dev` (Socket Mode, `src/dev/socket-app.ts`), so no handler exists twice.
 */
export function registerListeners(app: BoltApp, deps: ListenerDeps): void {
  const ctx: HandlerContext = { ...deps, now: deps.now ?? (() => new Date()) };
  registerCommand(app, ctx);
  registerDrilldowns(app, ctx);
  app.error(async (error) => {
    deps.log('error', 'slack.listener_failed', errorFields(error.original ?? error));
  });
}

/**
 * Hands Bolt the one bot token. No auth.test on the ack path: given a `token`, Bolt calls auth.test on every
 * request (with tokenVerificationEnabled: false) or at start-up; the token is checked by the first Web API call
 * instead. The team id puts listeners' `client` in Bolt's per-team pool, with this token.
 */
export function botTokenAuthorize(botToken: string): NonNullable<AppOptions['authorize']> {
  return async (source) => ({
    botToken,
    ...(source.teamId ? { teamId: source.teamId } : {}),
    ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}),
  });
}

export type HandlerContext = ListenerDeps & { now: () => Date };
