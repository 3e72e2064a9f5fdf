/**
 * A loopback stand-in for Slack's Web API, for tests, `npm run demo` and the benchmark.
 *
 * Speaks the Web API the way Slack does: `POST /api/<method>` with a form-urlencoded body (what @slack/web-api's
 * WebClient sends: JSON-valued fields such as `blocks` arrive as JSON strings) or a JSON body; the token comes from
 * `Authorization: Bearer …` or the `token` field. Errors are `{ ok: false, error }` with HTTP 200, except rate
 * limiting, which is HTTP 429 with a `Retry-After` header. It also serves response_url endpoints (`responseUrl()`),
 * which record JSON POSTs as Slack's response_url does. Posted messages are kept (with their thread) so that
 * `conversations.replies` can return a thread's root message and replies.
 *
 * Every request is recorded in `calls` (without the token). Binds to 127.0.0.1 only.
 */

import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateMessage } from './validate.ts';

export type ChannelState = 'ok' | 'not_in_channel' | 'channel_not_found' | 'is_archived';

export interface SlackCall {
  /** Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  /** Decoded request body (JSON-string fields like `blocks` decoded; the token removed). */
  body: Record<string, unknown>;
  /** `Date.now()` when the request arrived. */
  at: number;
  ok: boolean;
  error?: string;
}

export interface Failure {
  /** Slack error code to answer with; `ratelimited` answers HTTP 429 with `Retry-After`. */
  error: string;
  /** For `ratelimited`: the Retry-After header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How many of the next calls fail (default 1; `Infinity` for all). */
  times?: number;
  /** Answer with this HTTP status instead of 200 (e.g. 500, 503) — for non-rate-limit errors. */
  httpStatus?: number;
}

export interface SlackDoubleOptions {
  port?: number;
  /** The one valid token (default `xoxb-test-token`). */
  token?: string;
  /** Team id reported by `auth.test` (default `T0DEMO`). */
  teamId?: string;
  /** Time zone per user id for `users.info`; others get Europe/Paris. */
  users?: Record<string, { tz: string }>;
  /** State per channel id; channels not listed are `ok`. */
  channels?: Record<string, ChannelState>;
}

export interface SlackDouble {
  /** Base URL of the Web API, with a trailing slash: pass it as WebClient's `slackApiUrl`. */
  apiUrl: string;
  /** A response_url on this server; POSTs to it are recorded as method `response_url` with `body.__responseUrlId`. */
  responseUrl(id?: string): string;
  /** Every request received, oldest first (cleared by `reset`). */
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Make the next `behaviour.times` calls to `method` fail. */
  fail(method: string, behaviour: Failure): void;
  /** Slack's "about one message per second per channel"; `undefined` switches it off. */
  rateLimitPerChannel(perSecond: number | undefined): void;
  /** Change a channel's state after start. */
  setChannel(channel: string, state: ChannelState): void;
  /** Resolve once `predicate(calls)` holds; reject after `timeoutMs` (default 5000). */
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Forget calls, injected failures, rate limits, stored messages and channel changes. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_TOKEN = 'xoxb-test-token';
const DEFAULT_TZ = 'Europe/Paris';
/** Slack lets a response_url be used up to five times. */
const RESPONSE_URL_USES = 5;
/** JSON-valued arguments WebClient serializes as JSON strings in a form body. */
const JSON_FIELDS = ['blocks', 'attachments', 'metadata'] as const;

type Body = Record<string, unknown>;

interface Answer {
  status: number;
  body: Body;
  headers?: Record<string, string>;
}

interface StoredMessage {
  channel: string;
  ts: string;
  /** Set for a reply in a thread: the root message's ts. */
  threadTs?: string;
  text?: unknown;
  blocks?: unknown;
}

class BadBody extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined, query: URLSearchParams): Body {
  const body: Body = Object.fromEntries(query.entries());
  if (raw.length === 0) return body;
  if ((contentType ?? '').includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new BadBody('invalid_json');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadBody('invalid_json');
    return { ...body, ...(parsed as Body) };
  }
  for (const [key, value] of new URLSearchParams(raw)) body[key] = value;
  return body;
}

/** Decode JSON-string fields; an undecodable `blocks` is Slack's `invalid_blocks_format`. */
function decodeJsonFields(body: Body): string | undefined {
  for (const field of JSON_FIELDS) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    try {
      body[field] = JSON.parse(value);
    } catch {
      if (field === 'blocks') return 'invalid_blocks_format';
    }
  }
  return undefined;
}

function tzOffsetSeconds(timeZone: string, at: Date): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0;
    const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
    return match[1] === '-' ? -seconds : seconds;
  } catch {
    return 0;
  }
}

export async function startSlackDouble(options: SlackDoubleOptions = {}): Promise<SlackDouble> {
  const token = options.token ?? DEFAULT_TOKEN;
  const teamId = options.teamId ?? 'T0DEMO';
  const users = options.users ?? {};
  const initialChannels = { ...(options.channels ?? {}) };

  const calls: SlackCall[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let channels = new Map<string, ChannelState>(Object.entries(initialChannels));
  let failures = new Map<string, Required<Pick<Failure, 'error' | 'times'>> & Failure>();
  let perChannelLimit: number | undefined;
  let lastAccepted = new Map<string, number>();
  let messages = new Map<string, StoredMessage>();
  let responseUrlUses = new Map<string, number>();
  let lastTsMicros = 0;

  function nextTs(): string {
    lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 100);
    const seconds = Math.floor(lastTsMicros / 1_000_000);
    const micros = lastTsMicros % 1_000_000;
    return `${seconds}.${String(micros).padStart(6, '0')}`;
  }

  function record(method: string, body: Body, answer: Answer): void {
    const ok = answer.body.ok === true;
    const call: SlackCall = { method, body, at: Date.now(), ok };
    if (!ok && typeof answer.body.error === 'string') call.error = answer.body.error;
    calls.push(call);
    events.emit('call');
  }

  const fail = (error: string, extra: Body = {}, status = 200): Answer => ({
    status,
    body: { ok: false, error, ...extra },
  });

  /** An injected failure for this method, if one is armed. */
  function injected(method: string): Answer | undefined {
    const failure = failures.get(method);
    if (!failure || failure.times <= 0) return undefined;
    failure.times -= 1;
    if (failure.times <= 0) failures.delete(method);
    if (failure.error === 'ratelimited') {
      const retryAfter = failure.retryAfterSeconds ?? 1;
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': String(retryAfter) } };
    }
    return fail(failure.error, {}, failure.httpStatus ?? 200);
  }

  function channelError(channel: unknown): string | undefined {
    if (typeof channel !== 'string' || channel.length === 0) return 'channel_not_found';
    const state = channels.get(channel) ?? 'ok';
    return state === 'ok' ? undefined : state;
  }

  function messageProblem(body: Body): Answer | undefined {
    const check = validateMessage(body);
    if (check.ok) return undefined;
    return fail(check.error, check.messages.length > 0 ? { response_metadata: { messages: check.messages } } : {});
  }

  const methods: Record<string, (body: Body) => Answer> = {
    'auth.test': () => ({
      status: 200,
      body: {
        ok: true,
        url: 'https://chatdash-demo.slack.com/',
        team: 'ChatDash Demo',
        user: 'chatdash',
        team_id: teamId,
        user_id: 'U0CHATDASH',
        bot_id: 'B0CHATDASH',
        is_enterprise_install: false,
      },
    }),

    'chat.postMessage': (body) => {
      const channel = body.channel;
      const notOk = channelError(channel);
      if (notOk) return fail(notOk);
      const invalid = messageProblem(body);
      if (invalid) return invalid;
      const channelId = channel as string;
      if (perChannelLimit !== undefined && perChannelLimit > 0) {
        const last = lastAccepted.get(channelId);
        const now = Date.now();
        if (last !== undefined && now - last < 1000 / perChannelLimit) {
          return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': '1' } };
        }
        lastAccepted.set(channelId, now);
      }
      const ts = nextTs();
      const threadTs = typeof body.thread_ts === 'string' && body.thread_ts !== '' ? body.thread_ts : undefined;
      messages.set(`${channelId}/${ts}`, {
        channel: channelId,
        ts,
        ...(threadTs ? { threadTs } : {}),
        text: body.text,
        blocks: body.blocks,
      });
      return {
        status: 200,
        body: {
          ok: true,
          channel: channelId,
          ts,
          message: {
            type: 'message',
            bot_id: 'B0CHATDASH',
            text: body.text ?? '',
            blocks: body.blocks,
            ts,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          },
        },
      };
    },

    'chat.postEphemeral': (body) => {
      const notOk = channelError(body.channel);
      if (notOk) return fail(notOk);
      if (typeof body.user !== 'string' || body.user.length === 0) return fail('user_not_found');
      const invalid = messageProblem(body);
      if (invalid) return invalid;
      return { status: 200, body: { ok: true, message_ts: nextTs() } };
    },

    'chat.update': (body) => {
      const notOk = channelError(body.channel);
      if (notOk) return fail(notOk);
      const key = `${String(body.channel)}/${String(body.ts)}`;
      const stored = messages.get(key);
      if (!stored) return fail('message_not_found');
      const invalid = messageProblem(body);
      if (invalid) return invalid;
      stored.text = body.text;
      stored.blocks = body.blocks;
      return {
        status: 200,
        body: {
          ok: true,
          channel: stored.channel,
          ts: stored.ts,
          text: body.text ?? '',
          message: { type: 'message', bot_id: 'B0CHATDASH', text: body.text ?? '', blocks: body.blocks },
        },
      };
    },

    /**
     * A thread as Slack returns it: the root message first, then its replies oldest first (`limit` caps the
     * count, root included). A `ts` of a reply returns that reply alone, as Slack does.
     */
    'conversations.replies': (body) => {
      const notOk = channelError(body.channel);
      if (notOk) return fail(notOk);
      if (typeof body.ts !== 'string' || body.ts === '') return fail('invalid_arguments');
      const root = messages.get(`${String(body.channel)}/${body.ts}`);
      if (!root) return fail('thread_not_found');
      const replies =
        root.threadTs !== undefined && root.threadTs !== root.ts
          ? []
          : [...messages.values()]
              .filter((m) => m.channel === root.channel && m.threadTs === root.ts && m.ts !== root.ts)
              .sort((a, b) => Number(a.ts) - Number(b.ts));
      const asSlack = (m: StoredMessage) => ({
        type: 'message',
        bot_id: 'B0CHATDASH',
        text: m.text ?? '',
        ...(m.blocks === undefined ? {} : { blocks: m.blocks }),
        ts: m.ts,
        ...(m.threadTs ? { thread_ts: m.threadTs } : replies.length > 0 ? { thread_ts: m.ts, reply_count: replies.length } : {}),
      });
      const all = [root, ...replies].map(asSlack);
      const limit = Number(body.limit);
      const page = Number.isInteger(limit) && limit > 0 ? all.slice(0, limit) : all;
      return { status: 200, body: { ok: true, messages: page, has_more: page.length < all.length } };
    },

    'users.info': (body) => {
      const user = body.user;
      if (typeof user !== 'string' || user.length === 0) return fail('user_not_found');
      const tz = users[user]?.tz ?? DEFAULT_TZ;
      return {
        status: 200,
        body: {
          ok: true,
          user: {
            id: user,
            team_id: teamId,
            name: user.toLowerCase(),
            is_bot: false,
            tz,
            tz_label: tz,
            tz_offset: tzOffsetSeconds(tz, new Date()),
          },
        },
      };
    },

    'conversations.info': (body) => {
      const channel = body.channel;
      if (typeof channel !== 'string' || channel.length === 0) return fail('channel_not_found');
      const state = channels.get(channel) ?? 'ok';
      if (state === 'channel_not_found') return fail('channel_not_found');
      return {
        status: 200,
        body: {
          ok: true,
          channel: {
            id: channel,
            name: channel.toLowerCase(),
            is_channel: channel.startsWith('C'),
            is_group: channel.startsWith('G'),
            is_im: channel.startsWith('D'),
            is_private: channel.startsWith('G'),
            is_archived: state === 'is_archived',
            is_member: state === 'ok',
          },
        },
      };
    },
  };

  function apiCall(method: string, body: Body, authorization: string | undefined): Answer {
    const handler = methods[method];
    if (!handler) return fail('unknown_method');
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    const presented = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    if (presented === undefined || presented === '') return fail('not_authed');
    if (presented !== token) return fail('invalid_auth');
    const injectedAnswer = injected(method);
    if (injectedAnswer) return injectedAnswer;
    const formatError = decodeJsonFields(body);
    if (formatError) return fail(formatError);
    return handler(body);
  }

  function responseUrlCall(id: string, body: Body): Answer {
    const injectedAnswer = injected('response_url');
    if (injectedAnswer) return injectedAnswer;
    const uses = (responseUrlUses.get(id) ?? 0) + 1;
    responseUrlUses.set(id, uses);
    if (uses > RESPONSE_URL_USES) return fail('used_url', {}, 404);
    if (body.delete_original === true || body.delete_original === 'true') return { status: 200, body: { ok: true } };
    const invalid = messageProblem(body);
    if (invalid) return { ...invalid, status: 400 };
    return { status: 200, body: { ok: true } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (answer: Answer): void => {
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    };
    const api = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname);
    const response = /^\/response\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (!api && !response) {
      send({ status: 404, body: { ok: false, error: 'not_found' } });
      return;
    }
    let body: Body;
    try {
      body = parseBody(await readBody(req), req.headers['content-type'], url.searchParams);
    } catch (error) {
      const code = error instanceof BadBody ? error.message : 'invalid_request';
      const answer = fail(code, {}, response ? 400 : 200);
      record(api?.[1] ?? 'response_url', {}, answer);
      send(answer);
      return;
    }
    if (api) {
      const method = api[1] as string;
      const answer = apiCall(method, body, req.headers.authorization);
      delete body.token;
      record(method, body, answer);
      send(answer);
      return;
    }
    const id = (response as RegExpExecArray)[1] as string;
    if (req.method !== 'POST') {
      send({ status: 405, body: { ok: false, error: 'method_not_allowed' } });
      return;
    }
    const answer = responseUrlCall(id, body);
    body.__responseUrlId = id;
    record('response_url', body, answer);
    send(answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'internal_error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id?: string) => `${base}/response/${encodeURIComponent(id ?? randomUUID())}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    fail(method, behaviour) {
      failures.set(method, { ...behaviour, times: behaviour.times ?? 1 });
    },
    rateLimitPerChannel(perSecond) {
      perChannelLimit = perSecond;
      lastAccepted = new Map();
    },
    setChannel(channel, state) {
      channels.set(channel, state);
    },
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        if (predicate(calls)) {
          resolve();
          return;
        }
        const onCall = (): void => {
          if (!predicate(calls)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = calls.map((c) => `${c.method}${c.ok ? '' : `(${c.error ?? 'error'})`}`).join(', ') || 'none';
          reject(new Error(`Slack double: waitFor timed out after ${timeoutMs} ms; calls so far: ${seen}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          events.off('call', onCall);
        };
        events.on('call', onCall);
      });
    },
    reset() {
      calls.length = 0;
      channels = new Map(Object.entries(initialChannels));
      failures = new Map();
      perChannelLimit = undefined;
      lastAccepted = new Map();
      messages = new Map();
      responseUrlUses = new Map();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
