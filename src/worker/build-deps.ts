/**
 * The worker's dependencies as production builds them, from the secrets and the environment: the ChatDash client,
 * the Slack Web API clients (bot token; one that waits out rate limits, one for digest posts and one for chart uploads
 * that don't), the state store and the alert stores (each one's code loaded on first use: a stats job never loads
 * the alert stores), the jobs queue (for re-queues), the response_url poster, the log and the clock. Shared by the
 * worker, the dead-letter function, the CLIs and the tests, so none of them wires these by hand.
 */
import { WebClient } from '@slack/web-api';
import type { AlertStores } from '../alerts/store.ts';
import { sqsJobQueueFromEnv } from '../aws/sqs-queue.ts';
import { createChatDashClient, DEFAULT_CHATDASH_API_URL } from '../chatdash/client.ts';
import type { Config } from '../config/schema.ts';
import type { Log } from '../log.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import { slackLogger } from '../slack/logger.ts';
import { lazyAlertStoresFromEnv, lazyStateStoreFromEnv } from '../store/lazy.ts';
import type { StateStore } from '../store/store.ts';
import type { WorkerDeps } from './deps.ts';
import { type OnceGuard, onceGuardFromEnv } from './idempotency.ts';
import { createResponder } from './respond.ts';

export interface BuildDepsExtras {
  /** The state store. Default: from `STATE_TABLE`, else `STATE_FILE`, else in memory (`stateStoreFromEnv`), loaded on first use. */
  store?: StateStore;
  /**
   * The alert stores. Default: from the same environment (`alertStoresFromEnv`: the table at `STATE_TABLE`, else the
   * table kept in `STATE_FILE`, else in memory), loaded on the first alert check. Pass them with `store` when you pass
   * a store of your own (they share its table).
   */
  alerts?: AlertStores;
  /** The guard alert notices are posted under: the worker handler's own. Default: `onceGuardFromEnv(env)`. */
  once?: OnceGuard;
}

/**
 * Reads the secrets (bot token, ChatDash key) and builds the deps. `CHATDASH_API_URL` (default ChatDash's) and
 * `SLACK_API_URL` (default Slack's) point the clients elsewhere: the sandbox and the Slack double in tests and demos.
 * `JOBS_QUEUE_URL`, when set, is where rate-limited digests are re-queued (unset: they wait in place).
 * `CHARTS=off` sends every message without chart images.
 */
export async function buildDeps(
  config: Config,
  env: NodeJS.ProcessEnv,
  secrets: SecretsProvider,
  log: Log,
  extras: BuildDepsExtras = {},
): Promise<WorkerDeps> {
  const { slackBotToken, chatdashApiKey } = await secrets();
  const slackApiUrl = env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {};
  return {
    config,
    chatdash: createChatDashClient({
      apiKey: chatdashApiKey,
      baseUrl: env.CHATDASH_API_URL || DEFAULT_CHATDASH_API_URL,
      // The client names its events in full (`chatdash.ok`, `chatdash.retry`, `chatdash.failed`).
      log: (event, fields) => log('info', event, fields),
    }),
    slack: new WebClient(slackBotToken, {
      ...slackApiUrl,
      // Waits out `ratelimited` answers (Retry-After) and retries 5xx a few times, within the Lambda's timeout.
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
      logger: slackLogger(log, 'slack.web_api'),
    }),
    // Digest posts: a `ratelimited` answer throws at once, so the digest can go back to the queue (see post-digest.ts).
    digestSlack: new WebClient(slackBotToken, {
      ...slackApiUrl,
      rejectRateLimitedCalls: true,
      // 5xx answers are retried as by `slack`.
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
      logger: slackLogger(log, 'slack.web_api'),
    }),
    store: extras.store ?? lazyStateStoreFromEnv(env, log),
    ...(env.JOBS_QUEUE_URL ? { queue: sqsJobQueueFromEnv(env) } : {}),
    // Chart uploads: same token, but a rate-limited files.* call fails at once (the message goes out as text).
    slackFiles: new WebClient(slackBotToken, {
      ...slackApiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 1, minTimeout: 250, maxTimeout: 1000 },
      logger: slackLogger(log, 'slack.web_api.files'),
    }),
    respond: createResponder(),
    log,
    now: () => new Date(),
    charts: { enabled: env.CHARTS !== 'off' },
    alerts: { ...(extras.alerts ?? lazyAlertStoresFromEnv(env, log)), once: extras.once ?? onceGuardFromEnv(env) },
  };
}
