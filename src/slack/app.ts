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
import ReceiverModule from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { AwsHandler } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import { LogLevel, type Logger } from '@slack/logger';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Log } from '../log.ts';
import { errorFields } from '../log.ts';
import type { Secrets } from '../secrets/secrets.ts';
import { registerCommand } from './command/listener.ts';
import { registerDrilldowns } from './drilldown/listeners.ts';

const App = AppModule.default;
const AwsLambdaReceiver = ReceiverModule.default;

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
  const logger = boltLogger(deps.log);
  const receiver = new AwsLambdaReceiver({
    signingSecret: deps.secrets.slackSigningSecret,
    logger,
    invalidRequestSignatureHandler: ({ ts }) => deps.log('warn', 'slack.bad_signature', { ts: Number.isFinite(ts) ? ts : null }),
  });
  const app = new App({
    token: deps.secrets.slackBotToken,
    receiver,
    logger,
    processBeforeResponse: true,
    // No auth.test on cold start: the token is checked by the first Web API call, not on the ack path.
    tokenVerificationEnabled: false,
    clientOptions: deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {},
  });
  const ctx = { ...deps, now: deps.now ?? (() => new Date()) };
  registerCommand(app, ctx);
  registerDrilldowns(app, ctx);
  app.error(async (error) => {
    deps.log('error', 'slack.listener_failed', errorFields(error.original ?? error));
  });
  return receiver.toHandler();
}

export type HandlerContext = SlackAppDeps & { now: () => Date };

/** Bolt's own log lines, through our structured log, at INFO and above (Bolt's DEBUG dumps whole requests). */
function boltLogger(log: Log): Logger {
  let level = LogLevel.INFO;
  const line = (lvl: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => log(lvl, 'bolt', { message: msg.map(String).join(' ').slice(0, 500) });
  return {
    debug: () => {},
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
