/**
 * The HTTP function's handler: secrets (cached per container), then Bolt's AwsLambdaReceiver.
 *
 * Refused before anything else (no secret read, no parsing): a body over `maxBodyBytes` (413) and a timestamp more
 * than five minutes off either way (401; Bolt checks only the past), see request-guard.ts. Both are logged.
 *
 * Two fixes to what reaches Bolt:
 * - API Gateway HTTP APIs base64-encode form bodies; Bolt decodes them as ASCII, which mangles any non-ASCII
 *   byte (a project name like "Café" in a slash command) and so fails the signature check. We decode UTF-8.
 * - Bolt parses the body before checking the signature and throws on a malformed one; that becomes a 400,
 *   not a crash with a stack trace.
 */
import type { AwsEvent, AwsHandler, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import type { AlertStore } from '../alerts/store.ts';
import { sqsJobQueueFromEnv } from '../aws/sqs-queue.ts';
import type { Config } from '../config/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { lazy } from '../lazy.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { createSecretsProvider, type SecretsProvider } from '../secrets/secrets.ts';
import { bindingsReaderFromEnv } from '../store/bindings-from-env.ts';
import type { BindingsReader, StateStore } from '../store/store.ts';
import { createSlackHandler } from './app.ts';
import { MAX_BODY_BYTES, rejectBeforeBolt } from './request-guard.ts';

export interface HttpHandlerOptions {
  /** Projects, channel bindings, admins (validated; the build embeds it). Required. */
  config: Config;
  /** Where `JOBS_QUEUE_URL`, `SLACK_API_URL` and the secrets' source are read. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where stats and drill-down jobs go. Default: the SQS queue at `JOBS_QUEUE_URL`. */
  queue?: JobQueue;
  /** Runtime channel bindings. Default: from `STATE_TABLE` (a signed DynamoDB read) or `STATE_FILE`, else none. */
  bindings?: BindingsReader;
  /**
   * The state store the subscription UI reads and writes (`/chatdash subscribe`'s modal, `/chatdash subscriptions`,
   * its buttons, App Home, connect/disconnect). Default: the one `STATE_TABLE` (DynamoDB) or `STATE_FILE` names, made
   * by the subscription UI's own bundle on its first use: its code, and the AWS SDK, never load on a cold start.
   */
  store?: StateStore;
  /**
   * The alert store the alerts UI reads and writes (`/chatdash alert`, `alerts`, their buttons, the App Home's alerts).
   * Default: the one `STATE_TABLE` or `STATE_FILE` names, made by the alerts UI's own bundle on its first use.
   */
  alerts?: AlertStore;
  /** The signing secret and bot token. Default: `createSecretsProvider(env)` (Secrets Manager at `SECRET_ID`, else the environment), read once per container (a failure is retried on the next request). */
  secrets?: SecretsProvider;
  /** Structured log. Default: JSON lines on stdout (`createLog()`). */
  log?: Log;
  /** The clock stamped on jobs, and against which request timestamps are checked. Default: `() => new Date()`. */
  now?: () => Date;
  /** Larger bodies are answered 413 without being read. Default `MAX_BODY_BYTES` (1 MiB). */
  maxBodyBytes?: number;
}

export type HttpHandler = (event: AwsEvent, context?: unknown) => Promise<AwsResponse>;

export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  const secrets = options.secrets ?? createSecretsProvider(env);

  const bolt = lazy(async (): Promise<AwsHandler> => {
    const queue = options.queue ?? sqsJobQueueFromEnv(env);
    return createSlackHandler({
      config: options.config,
      secrets: await secrets(),
      queue,
      bindings: options.bindings ?? bindingsReaderFromEnv(env, log),
      ...(options.store ? { store: options.store } : {}),
      ...(options.alerts ? { alerts: options.alerts } : {}),
      env,
      log,
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  });

  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const nowMs = () => (options.now ? options.now().getTime() : Date.now());

  return async (event, context) => {
    const rejection = rejectBeforeBolt(event, nowMs(), maxBodyBytes);
    if (rejection) {
      log('warn', rejection.event, rejection.fields);
      return { statusCode: rejection.statusCode, body: rejection.statusCode === 413 ? 'Request body too large' : '' };
    }
    let handler: AwsHandler;
    try {
      handler = await bolt();
    } catch (error) {
      log('error', 'http.init_failed', errorFields(error));
      // Without the signing secret nothing can be verified: Slack shows its own "app did not respond" error.
      return { statusCode: 503, body: '' };
    }
    try {
      return await handler(decodeBody(event), context);
    } catch (error) {
      log('warn', 'http.bad_request', errorFields(error));
      return { statusCode: 400, body: '' };
    }
  };
}

function decodeBody(event: AwsEvent): AwsEvent {
  if (!event.isBase64Encoded || typeof event.body !== 'string') return event;
  return { ...event, body: Buffer.from(event.body, 'base64').toString('utf8'), isBase64Encoded: false };
}
