/**
 * The Bolt app behind the HTTP function: slash command, drill-down buttons, @mentions in digest threads.
 *
 * Everything here answers within Slack's 3 seconds without touching ChatDash: it checks who is asking, turns
 * the request into a job on the queue, and acks. The worker does the slow part.
 *
 * Bolt is imported by module path (App + AwsLambdaReceiver) rather than from its index, and the build leaves
 * its Express/HTTP/Socket Mode receivers out: they are never used on Lambda and are most of Bolt's weight.
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
import { registerOverviewActions } from './overview/actions.ts';

const App = cjsDefault(AppModule);
const AwsLambdaReceiver = cjsDefault(ReceiverModule);

/**
 * Bolt's modules are CommonJS with `exports.default`: Node and esbuild hand them over as `{ default }`, while
 * some loaders (Vitest's) unwrap that default already. Works with both.
 */
function cjsDefault<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

export interface SlackAppDeps {
  config: Config;
  secrets: Pick<Secrets, 'slackSigningSecret' | 'slackBotToken'>;
  queue: JobQueue;
  log: Log;
  /** Base URL of the Slack Web API (`SLACK_API_URL`), for local runs and tests. */
  slackApiUrl?: string;
  now?: () => Date;
}

export type BoltApp = InstanceType<typeof App>;

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
    // No auth.test on the ack path: given a `token`, Bolt calls auth.test on every request (with
    // tokenVerificationEnabled: false) or at start-up. The token is checked by the first Web API call instead.
    // The team id puts listeners' `client` in Bolt's per-team pool, with this token.
    authorize: async (source) => ({
      botToken,
      ...(source.teamId ? { teamId: source.teamId } : {}),
      ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}),
    }),
    clientOptions: deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {},
  });
  const ctx = { ...deps, now: deps.now ?? (() => new Date()) };
  registerCommand(app, ctx);
  registerDrilldowns(app, ctx);
  registerOverviewActions(app, ctx);
  app.error(async (error) => {
    deps.log('error', 'slack.listener_failed', errorFields(error.original ?? error));
  });
  return receiver.toHandler();
}

export type HandlerContext = SlackAppDeps & { now: () => Date };
