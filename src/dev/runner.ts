/**
 * `npm run dev`: the bot on a developer's machine against a real Slack workspace, in Socket Mode, with the same
 * listeners, worker, dead-letter reporting, schedule and renderers as on Lambda. What differs is only the plumbing:
 *
 * - Slack → a Socket Mode WebSocket (`./socket-app.ts`) instead of signed POSTs to API Gateway;
 * - SQS → an in-process queue handing jobs to the real worker handler as SQS events, with SQS-like retries and
 *   the real dead-letter handler after the last try (`./dev-queue.ts`);
 * - EventBridge → an every-minute timer calling the real schedule handler (`./ticker.ts`);
 * - DynamoDB → in-memory stores (`createDevStores`): the state store (subscriptions, channel bindings) and the alert
 *   stores share one table, kept in `STATE_FILE` when it is set, so what you make from Slack survives a restart;
 * - ChatDash → the real API with `CHATDASH_API_KEY`, else the bundled sandbox on 127.0.0.1.
 */
import { resolve } from 'node:path';
import type { AlertStores } from '../alerts/store.ts';
import { DEFAULT_CHATDASH_API_URL } from '../chatdash/client.ts';
import { DEMO_CONFIG_PATH } from '../config/demo.ts';
import { loadConfigFile } from '../config/load.ts';
import { configPathFrom } from '../config/path.ts';
import type { Config } from '../config/schema.ts';
import { createDeadLetterHandler } from '../deadletter/handler.ts';
import type { Log } from '../log.ts';
import { DEMO_PROJECTS, SANDBOX_API_KEY, type Sandbox, startSandbox } from '../sandbox/index.ts';
import { createScheduleHandler, type TickResult } from '../schedule/handler.ts';
import { createMemoryAlertStores } from '../store/alerts-memory.ts';
import { createMemoryStore } from '../store/memory.ts';
import { createMemoryTable } from '../store/memory-table.ts';
import type { StateStore } from '../store/store.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../worker/idempotency.ts';
import { devAccessMiddleware } from './access.ts';
import { createDevLog } from './dev-log.ts';
import { createDevQueue, type DevQueue } from './dev-queue.ts';
import { readEnvFile, withEnvFile } from './env-file.ts';
import { checkTokensWithSlack, problemOf, type SlackIdentity } from './preflight.ts';
import { type ConnectionState, createSocketApp } from './socket-app.ts';
import { startScheduleTicker } from './ticker.ts';
import { TokenError, tokensFrom } from './tokens.ts';

export interface DevOptions {
  /** The environment (default `process.env`); its variables win over the `.env` file's. */
  env?: NodeJS.ProcessEnv;
  /** The `.env` file to read (default `.env` in the current directory; a missing file is fine). */
  envFile?: string;
  /** The configuration file (default `CHATDASH_CONFIG`, else the demo configuration). */
  configPath?: string;
  /** Let the bot's own workspace in, any channel with every project (default: on with the demo configuration only). */
  open?: boolean;
  /** The structured log (default one short line per event on stdout). */
  log?: Log;
  /** Where notes for the developer go: access hints, connection changes (default stdout). */
  print?: (text: string) => void;
  /** @slack/socket-mode's `clientPingTimeout`, also its reconnect back-off step (default 5,000 ms). */
  clientPingTimeoutMs?: number;
  /** Wait before a failed job is tried again (default 2 s × tries so far). */
  retryDelayMs?: (receiveCount: number) => number;
  /** Run the schedule every minute (default true). */
  schedule?: boolean;
}

export interface DevBot {
  /** The workspace and bot user the bot token belongs to. */
  identity: SlackIdentity;
  /** The configuration in use (with `--open`, what it let in is added to it, in memory). */
  config: Config;
  configPath: string;
  open: boolean;
  /** The ChatDash API base URL in use: the sandbox's without `CHATDASH_API_KEY`. */
  chatdashUrl: string;
  usingSandbox: boolean;
  /** The `.env` file read (or looked for), for messages about tokens. */
  envFilePath: string;
  /** Notes worth showing before the first request (e.g. projects the sandbox doesn't have). */
  notes: string[];
  queue: DevQueue;
  /** The runtime state store the listeners, the worker and the schedule share. */
  state: StateStore;
  /** The alert stores the worker and the schedule share (on the state store's table). */
  alerts: AlertStores;
  /** Runs the schedule handler for `at` (default now), as the every-minute tick does: digests and alert checks. */
  tick(at?: Date): Promise<TickResult>;
  stop(): Promise<void>;
}

/**
 * Everything stateful, for the session: the worker's idempotency guard, the runtime state store (subscriptions,
 * channel bindings, delivery bookkeeping) and the alert stores (alerts, checked windows, ChatDash outages), in memory
 * on one table, saved to `STATE_FILE` when that is set (window snapshots excepted). The same stores are handed to the
 * listeners (their access checks read the bindings), the worker and the schedule (which ticks alerts too).
 */
export interface DevStores {
  once: OnceGuard;
  state: StateStore;
  alerts: AlertStores;
}

export function createDevStores(options: { env?: NodeJS.ProcessEnv; log?: Log } = {}): DevStores {
  const file = options.env?.STATE_FILE;
  const table = createMemoryTable(file ? { file } : {});
  const log = options.log ? { log: options.log } : {};
  return {
    once: createMemoryOnceGuard(),
    state: createMemoryStore({ ...log, table }),
    alerts: createMemoryAlertStores({ ...log, table }),
  };
}

export async function startDevBot(options: DevOptions = {}): Promise<DevBot> {
  const envFile = readEnvFile(options.envFile ?? resolve('.env'));
  const env = withEnvFile(options.env ?? process.env, envFile);
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const log = options.log ?? createDevLog({ write: print, colour: process.stdout.isTTY === true });

  const shape = tokensFrom(env);
  if (!shape.ok) throw new TokenError(shape.problems, envFile.path);
  const { appToken, botToken } = shape.tokens;

  const configPath = resolve(options.configPath ?? configPathFrom(env));
  const isDemoConfig = configPath === resolve(DEMO_CONFIG_PATH);
  // A copy: `--open` adds to it.
  const config = structuredClone(loadConfigFile(configPath));
  const open = options.open ?? isDemoConfig;

  const slackApiUrl = env.SLACK_API_URL || undefined;
  const socketApiUrl = env.SLACK_SOCKET_API_URL || slackApiUrl;
  const checked = await checkTokensWithSlack(shape.tokens, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    ...(socketApiUrl ? { socketApiUrl } : {}),
    log,
  });
  if (!checked.ok) throw new TokenError(checked.problems, envFile.path);
  const { identity } = checked;

  const apiKey = env.CHATDASH_API_KEY;
  let sandbox: Sandbox | undefined;
  if (!apiKey) sandbox = await startSandbox();
  const chatdashUrl = sandbox?.url ?? (env.CHATDASH_API_URL || DEFAULT_CHATDASH_API_URL);
  const teardown: Array<() => Promise<void>> = [];
  if (sandbox) teardown.push(sandbox.close);

  try {
    const stores = createDevStores({ env, log });
    const workerEnv: NodeJS.ProcessEnv = { ...env, CHATDASH_API_URL: chatdashUrl, ...(slackApiUrl ? { SLACK_API_URL: slackApiUrl } : {}) };
    const secrets = async () => ({
      slackSigningSecret: 'unused-in-socket-mode',
      slackBotToken: botToken,
      chatdashApiKey: apiKey || SANDBOX_API_KEY,
    });
    const deps = await buildDeps(config, workerEnv, secrets, log, { store: stores.state, alerts: stores.alerts, once: stores.once });
    const worker = createWorkerHandler({ config, env: workerEnv, deps, once: stores.once, log });
    const deadLetter = createDeadLetterHandler({ config, env: workerEnv, deps, log });
    const queue = createDevQueue({ worker, deadLetter, log, ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}) });
    teardown.unshift(() => queue.stop());
    const schedule = createScheduleHandler({ config, env: workerEnv, queue, store: stores.state, alerts: stores.alerts.store, log });

    const socket = createSocketApp({
      config,
      bindings: stores.state,
      store: stores.state,
      alerts: stores.alerts.store,
      queue,
      log,
      appToken,
      botToken,
      ...(slackApiUrl ? { slackApiUrl } : {}),
      ...(socketApiUrl ? { socketApiUrl } : {}),
      ...(options.clientPingTimeoutMs ? { clientPingTimeoutMs: options.clientPingTimeoutMs } : {}),
      middleware: [
        devAccessMiddleware({
          config,
          bindings: stores.state,
          configFile: { path: configPath, isDemo: isDemoConfig },
          open,
          teamId: identity.teamId,
          print,
        }),
      ],
      onConnection: (state) => print(CONNECTION_NOTES[state]),
    });
    teardown.unshift(() => socket.stop());
    try {
      await socket.start();
    } catch (error) {
      // Slack changed its mind since the check (the token was revoked meanwhile): the same clear message.
      throw new TokenError([problemOf('app', error)], envFile.path);
    }

    const ticker = options.schedule === false ? undefined : startScheduleTicker(schedule);

    let stopping: Promise<void> | undefined;
    return {
      identity,
      config,
      configPath,
      open,
      chatdashUrl,
      usingSandbox: sandbox !== undefined,
      envFilePath: envFile.path,
      notes: startupNotes(config, { isDemoConfig, usingSandbox: sandbox !== undefined }),
      queue,
      state: stores.state,
      alerts: stores.alerts,
      tick: (at = new Date()) => schedule({ time: at.toISOString() }),
      stop() {
        stopping ??= (async () => {
          ticker?.stop();
          await runAll(teardown);
        })();
        return stopping;
      },
    };
  } catch (error) {
    await runAll(teardown);
    throw error;
  }
}

const CONNECTION_NOTES: Record<ConnectionState, string> = {
  connected: '\u25cf Connected to Slack (Socket Mode).',
  reconnecting: '\u25cb Slack asked to reconnect, or the connection dropped: reconnecting\u2026',
  disconnected: '\u25cb Disconnected from Slack.',
};

async function runAll(steps: ReadonlyArray<() => Promise<void>>): Promise<void> {
  for (const step of steps) await step().catch(() => undefined);
}

/** What the developer should know before the first request: data that can't match, mostly. Pure. */
export function startupNotes(config: Config, where: { isDemoConfig: boolean; usingSandbox: boolean }): string[] {
  const notes: string[] = [];
  const sandboxIds = new Set(DEMO_PROJECTS.map((p) => p.id));
  if (where.usingSandbox) {
    const unknown = config.projects.filter((p) => !sandboxIds.has(p.id)).map((p) => p.key);
    if (unknown.length > 0) {
      notes.push(
        `The sandbox has no data for ${unknown.join(', ')} (ChatDash ids it doesn't know): set CHATDASH_API_KEY to use your real ChatDash data.`,
      );
    }
  } else if (where.isDemoConfig) {
    notes.push(
      'CHATDASH_API_KEY is set but the configuration is the demo one, whose projects exist only in the sandbox: point CHATDASH_CONFIG at your own configuration.',
    );
  }
  return notes;
}
