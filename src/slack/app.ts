/**
 * The Bolt app behind the HTTP function: `setUpApp` puts every listener (`listeners/`) on a Bolt App, and
 * `createSlackHandler` builds the Lambda one (AwsLambdaReceiver). A Socket Mode App in dev (`src/dev/socket-app.ts`)
 * calls `setUpApp` too, and authorizes with the same `botTokenAuthorize`.
 *
 * Every listener answers within Slack's 3 seconds without touching ChatDash: it checks who is asking, turns
 * the request into a job on the queue, and acks. The worker does the slow part.
 *
 * Bolt is imported by module path (App + AwsLambdaReceiver) rather than from its index, and the build leaves
 * its Express/HTTP/Socket Mode receivers out: they are never used on Lambda and are most of Bolt's weight.
 */
import AppModule from '@slack/bolt/dist/App.js';
import type { AwsHandler } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import ReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { AlertStore } from '../alerts/store.ts';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Log } from '../log.ts';
import { errorFields } from '../log.ts';
import type { Secrets } from '../secrets/secrets.ts';
import type { BindingsReader, StateStore } from '../store/store.ts';
import type { BoltApp, ListenerContext } from './listeners/context.ts';
import { registerListeners } from './listeners/index.ts';
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

type AppOptions = NonNullable<ConstructorParameters<typeof App>[0]>;

export interface SlackAppDeps {
  /** Projects, channel bindings, admins (validated). */
  config: Config;
  /** The signing secret checks every request; the bot token is the listeners' `client`'s. */
  secrets: Pick<Secrets, 'slackSigningSecret' | 'slackBotToken'>;
  /** Where the listeners put jobs for the worker. */
  queue: JobQueue;
  /** Channel bindings made from Slack (the state store); without it, the configuration's bindings only. */
  bindings?: BindingsReader | undefined;
  /** The runtime state store (subscriptions, bindings) for the subscription UI. Default: the one `env` names, made on first use. */
  store?: StateStore | undefined;
  /** The alert store for the alerts UI. Default: the one `env` names, made on first use. */
  alerts?: AlertStore | undefined;
  /** Where the subscription UI finds its state store when `store` is not given. Default: `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
  log: Log;
  /** Base URL of the Slack Web API (`SLACK_API_URL`), for local runs and tests. Default: Slack's. */
  slackApiUrl?: string;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
}

/**
 * What `setUpApp` needs: the listeners' context, the clock optional (default `() => new Date()`), the runtime bindings
 * and the state store optional (default none).
 */
export type AppSetup = Omit<ListenerContext, 'now'> & { now?: () => Date };

/** Registers every listener, and the error handler, on a Bolt App (Lambda's below, or a Socket Mode one). */
export function setUpApp(app: BoltApp, setup: AppSetup): void {
  const ctx: ListenerContext = {
    config: setup.config,
    queue: setup.queue,
    log: setup.log,
    now: setup.now ?? (() => new Date()),
    ...(setup.bindings ? { bindings: setup.bindings } : {}),
    ...(setup.store ? { store: setup.store } : {}),
    ...(setup.alerts ? { alerts: setup.alerts } : {}),
    ...(setup.env ? { env: setup.env } : {}),
  };
  registerListeners(app, ctx);
  app.error(async (error) => {
    setup.log('error', 'slack.listener_failed', errorFields(error.original ?? error));
  });
}

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
  setUpApp(app, {
    config: deps.config,
    queue: deps.queue,
    log: deps.log,
    ...(deps.bindings ? { bindings: deps.bindings } : {}),
    ...(deps.store ? { store: deps.store } : {}),
    ...(deps.alerts ? { alerts: deps.alerts } : {}),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return receiver.toHandler();
}

/**
 * Hands Bolt the one bot token, for both receivers (this Lambda app and the Socket Mode one of `npm run dev`).
 * No auth.test on the ack path: given a `token`, Bolt calls auth.test on every request (with
 * tokenVerificationEnabled: false) or at start-up; the token is checked by the first Web API call instead.
 * The team id puts listeners' `client` in Bolt's per-team pool, with this token.
 */
export function botTokenAuthorize(botToken: string): NonNullable<AppOptions['authorize']> {
  return async (source) => ({
    botToken,
    ...(source.teamId ? { teamId: source.teamId } : {}),
    ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}),
  });
}
