/**
 * The worker's dependencies as production builds them, from the secrets and the environment: the ChatDash client,
 * the Slack Web API client (bot token, rate-limit retries), the response_url poster, the log and the clock. Shared
 * by the worker, the dead-letter function, the CLIs and the tests, so none of them wires these by hand.
 */
import { WebClient } from '@slack/web-api';
import { createChatDashClient, DEFAULT_CHATDASH_API_URL } from '../chatdash/client.ts';
import type { Config } from '../config/schema.ts';
import type { Log } from '../log.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import { slackLogger } from '../slack/logger.ts';
import type { WorkerDeps } from './deps.ts';
import { createResponder } from './respond.ts';

/**
 * Reads the secrets (bot token, ChatDash key) and builds the deps. `CHATDASH_API_URL` (default ChatDash's) and
 * `SLACK_API_URL` (default Slack's) point the clients elsewhere: the sandbox and the Slack double in tests and demos.
 * `CHARTS=off` sends every message without chart images.
 * `alerts` is left unset until the runtime store has DynamoDB alert stores: an `alert-check` job is then logged
 * (`alert_check.no_store`) and dropped; tests and the demo add the in-memory stores.
 */
export async function buildDeps(config: Config, env: NodeJS.ProcessEnv, secrets: SecretsProvider, log: Log): Promise<WorkerDeps> {
  const { slackBotToken, chatdashApiKey } = await secrets();
  return {
    config,
    chatdash: createChatDashClient({
      apiKey: chatdashApiKey,
      baseUrl: env.CHATDASH_API_URL || DEFAULT_CHATDASH_API_URL,
      // The client names its events in full (`chatdash.ok`, `chatdash.retry`, `chatdash.failed`).
      log: (event, fields) => log('info', event, fields),
    }),
    slack: new WebClient(slackBotToken, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      // Waits out `ratelimited` answers (Retry-After) and retries 5xx a few times, within the Lambda's timeout.
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
      logger: slackLogger(log, 'slack.web_api'),
    }),
    // Chart uploads: same token, but a rate-limited files.* call fails at once (the message goes out as text).
    slackFiles: new WebClient(slackBotToken, {
      ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 1000 },
      logger: slackLogger(log, 'slack.web_api.files'),
    }),
    respond: createResponder(),
    log,
    now: () => new Date(),
    charts: { enabled: env.CHARTS !== 'off' },
  };
}
