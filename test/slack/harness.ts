/**
 * The bot on loopback, for the Slack-app and worker tests: the ChatDash sandbox, the Slack Web API double, the real
 * HTTP handler (demo config, local queue) and the real worker, with every log line captured.
 *
 * The three secrets have distinctive values so that tests can check none of them ever reaches Slack or a log line.
 */
import type { SQSEvent } from 'aws-lambda';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import { createLocalQueue, type LocalQueue, sqsRecord } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import { createLog, type Log } from '../../src/log.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import type { Secrets } from '../../src/secrets/secrets.ts';
import { createHttpHandler, type HttpHandler } from '../../src/slack/http-handler.ts';
import {
  eventsApiEvent,
  interactionEvent,
  SIGNING_SECRET,
  type SignOptions,
  type SlashCommand,
  slashCommandEvent,
} from '../../src/slack-double/requests.ts';
import { type SlackCall, type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import type { WorkerDeps } from '../../src/worker/deps.ts';
import { createWorkerHandler, type WorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard, type OnceGuard } from '../../src/worker/idempotency.ts';

export const BOT_TOKEN = 'xoxb-secret-bot-token-4242';
export const CHATDASH_KEY = 'cdk_secret_api_key_7777';
export const SECRETS: Secrets = { slackSigningSecret: SIGNING_SECRET, slackBotToken: BOT_TOKEN, chatdashApiKey: CHATDASH_KEY };
export const SECRET_VALUES = Object.values(SECRETS);

export const config: Config = loadConfigFile(DEMO_CONFIG_PATH);

export interface AwsResult {
  statusCode: number;
  body: string;
  headers?: Record<string, unknown>;
}

export interface Bot {
  config: Config;
  sandbox: Sandbox;
  slack: SlackDouble;
  queue: LocalQueue;
  http: HttpHandler;
  env: Record<string, string>;
  /** Every log line written by the handler, the worker and the dead-letter function (JSON). */
  lines: string[];
  log: Log;
  /** Worker deps from `buildDeps` (the real ChatDash client and WebClient), optionally with overrides. */
  deps(overrides?: Partial<WorkerDeps>, secrets?: Partial<Secrets>): Promise<WorkerDeps>;
  worker(options?: { deps?: WorkerDeps; once?: OnceGuard; config?: Config }): Promise<WorkerHandler>;
  /** Sends a signed `/chatdash <text>`; returns the HTTP answer, its parsed body and how long it took. */
  command(text: string, extra?: Partial<SlashCommand>, sign?: SignOptions): Promise<Answer>;
  click(payload: object, sign?: SignOptions): Promise<Answer>;
  event(payload: object, sign?: SignOptions): Promise<Answer>;
  /** The queued jobs, parsed (and the SQS event that carries them). */
  drain(): { event: SQSEvent; jobs: Job[] };
  /** Forget calls, requests, faults, queued jobs and log lines. */
  reset(): void;
  close(): Promise<void>;
}

export interface Answer {
  response: AwsResult;
  /** The JSON body, when there is one. */
  json: { text?: string; blocks?: unknown[]; response_type?: string; challenge?: string } | undefined;
  ms: number;
}

export async function startBot(options: { queue?: JobQueue } = {}): Promise<Bot> {
  const sandbox = await startSandbox({ apiKey: CHATDASH_KEY });
  const slack = await startSlackDouble({ token: BOT_TOKEN, users: { U0ALICE: { tz: 'Europe/Paris' } } });
  const lines: string[] = [];
  const log = createLog({ write: (line) => lines.push(line) });
  const env = { SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url, JOBS_QUEUE_URL: 'unused-local-queue' };
  const queue = createLocalQueue();
  const http = createHttpHandler({ config, env, queue: options.queue ?? queue, secrets: async () => SECRETS, log });

  const timed = async (run: () => Promise<AwsResult>): Promise<Answer> => {
    const started = performance.now();
    const response = await run();
    const ms = performance.now() - started;
    let json: Answer['json'];
    try {
      json = response.body ? (JSON.parse(response.body) as Answer['json']) : undefined;
    } catch {
      json = undefined;
    }
    return { response, json, ms };
  };

  const deps: Bot['deps'] = async (overrides = {}, secrets = {}) => ({
    ...(await buildDeps(config, env, async () => ({ ...SECRETS, ...secrets }), log)),
    ...overrides,
  });

  return {
    config,
    sandbox,
    slack,
    queue,
    http,
    env,
    lines,
    log,
    deps,
    async worker(opts = {}) {
      return createWorkerHandler({
        config: opts.config ?? config,
        env,
        deps: opts.deps ?? (await deps()),
        once: opts.once ?? createMemoryOnceGuard(),
        log,
      });
    },
    command: (text, extra = {}, sign = {}) =>
      timed(() => http(slashCommandEvent({ text, response_url: slack.responseUrl(), ...extra }, sign)) as Promise<AwsResult>),
    click: (payload, sign = {}) => timed(() => http(interactionEvent(payload, sign)) as Promise<AwsResult>),
    event: (payload, sign = {}) => timed(() => http(eventsApiEvent(payload, sign)) as Promise<AwsResult>),
    drain() {
      const event = queue.drain();
      return { event, jobs: event.Records.map((r) => JSON.parse(r.body) as Job) };
    },
    reset() {
      slack.reset();
      sandbox.requests.length = 0;
      sandbox.setFault(undefined);
      queue.drain();
      lines.length = 0;
    },
    async close() {
      await slack.close();
      await sandbox.close();
    },
  };
}

/** An SQS event carrying these message bodies (ids `m1`, `m2`, … unless given). */
export function sqsEvent(...bodies: Array<string | { body: string; id: string }>): SQSEvent {
  return { Records: bodies.map((b, i) => (typeof b === 'string' ? sqsRecord(b, `m${i + 1}`) : sqsRecord(b.body, b.id))) };
}

/** Asserts-friendly: every secret value absent from a text. */
export function leakedSecrets(text: string): string[] {
  return SECRET_VALUES.filter((secret) => text.includes(secret));
}

/** Everything Slack saw plus every log line, as one text to search for secrets. */
export function everythingSeen(bot: Bot, extra: unknown[] = []): string {
  return [JSON.stringify(bot.slack.calls), ...bot.lines, ...extra.map((x) => JSON.stringify(x))].join('\n');
}

export function responseUrlBodies(slack: SlackDouble): SlackCall['body'][] {
  return slack.callsTo('response_url').map((c) => c.body);
}

/** All mrkdwn/plain text of a message (its `text` and every text in its blocks). */
export function allText(message: Record<string, unknown> | undefined): string {
  if (!message) return '';
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key === 'text' || typeof v === 'object') walk(v);
    }
  };
  walk(message.text);
  walk(message.blocks);
  return out.join('\n');
}

/** The buttons of a rendered message's actions blocks. */
export function buttonsOf(message: Record<string, unknown> | undefined): Array<{ action_id: string; value: string; block_id?: string }> {
  const blocks = (message?.blocks ?? []) as Array<{
    type?: string;
    block_id?: string;
    elements?: Array<{ action_id?: string; value?: string }>;
  }>;
  return blocks.flatMap((b) =>
    b.type === 'actions'
      ? (b.elements ?? [])
          .filter((e) => typeof e.action_id === 'string' && typeof e.value === 'string')
          .map((e) => ({ action_id: e.action_id!, value: e.value!, ...(b.block_id ? { block_id: b.block_id } : {}) }))
      : [],
  );
}

/** A block_actions payload as Slack sends it for a click on a button of a message in a channel. */
export function blockActionsPayload(options: {
  button: { action_id: string; value: string; block_id?: string };
  messageTs: string;
  channel?: string;
  user?: string;
  team?: string;
  responseUrl: string;
  ephemeral?: boolean;
  actionTs?: string;
}): object {
  const channel = options.channel ?? 'C0ACME';
  const team = options.team ?? 'T0DEMO';
  return {
    type: 'block_actions',
    api_app_id: 'A0CHATDASH',
    token: 'verification-token-unused',
    team: { id: team, domain: 'chatdash-demo' },
    user: { id: options.user ?? 'U0ALICE', username: 'alice', team_id: team },
    channel: { id: channel, name: channel.toLowerCase() },
    container: { type: 'message', message_ts: options.messageTs, channel_id: channel, is_ephemeral: options.ephemeral ?? false },
    message: { type: 'message', ts: options.messageTs, text: 'digest' },
    response_url: options.responseUrl,
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
    actions: [
      {
        type: 'button',
        action_id: options.button.action_id,
        block_id: options.button.block_id ?? 'actions',
        value: options.button.value,
        action_ts: options.actionTs ?? '1732550001.000200',
        text: { type: 'plain_text', text: 'button' },
      },
    ],
  };
}

/** An Events API `app_mention` callback. */
export function mentionPayload(options: {
  eventId: string;
  text: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  team?: string;
}): object {
  const team = options.team ?? 'T0DEMO';
  return {
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A0CHATDASH',
    type: 'event_callback',
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_mention',
      user: options.user ?? 'U0ALICE',
      text: options.text,
      ts: options.ts,
      channel: options.channel ?? 'C0ACME',
      event_ts: options.ts,
      team,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
  };
}
