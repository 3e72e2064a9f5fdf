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
 * Files follow Slack's external upload flow: `files.getUploadURLExternal` hands out an upload URL on this server,
 * the bytes are POSTed there (recorded as method `upload_url`), and `files.completeUploadExternal` finishes the
 * upload, private to the uploader or shared to `channel_id`. A fresh file is "still processing" (`filetype: ""`)
 * for the first `fileProcessingPolls` completeUploadExternal / files.info calls, and an image block may show it
 * only once processed and only where it is visible (the uploader's own private file, or shared to that channel):
 * otherwise Slack's `invalid_blocks` with "invalid slack file". File methods need the `files:write` scope
 * (`files.info`: `files:read`); a token without it gets `missing_scope`.
 *
 * Views follow Slack's modal and App Home methods: `views.open` takes a trigger_id once (`exchanged_trigger_id` on
 * reuse) and within 3 s of its issue (`expired_trigger_id`; `issueTrigger()` mints ids whose age the double knows,
 * any other id counts as fresh the first time), `views.update` takes a view id and an optional hash (`hash_conflict`
 * when the view changed since, `not_found` for an unknown id), `views.publish` a user's Home (`not_enabled` when the
 * Home tab is off). Views are checked like messages (`validateView`: title ≤ 24, 100 blocks, private_metadata ≤ 3000,
 * elements and options). Open modals and published Homes are kept (`views()`, `home(user)`).
 *
 * Every request is recorded in `calls` (without the token). Binds to 127.0.0.1 only.
 */

import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackFileRefs, validateMessage, validateView } from './validate.ts';

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
  /** The bot token's scopes (default `DEFAULT_SCOPES`: those manifest.yml asks for, plus files:read). */
  scopes?: readonly string[];
  /** completeUploadExternal / files.info calls that still see a fresh file as processing (default 1). */
  fileProcessingPolls?: number;
  /**
   * Whether a response_url (ephemeral) message may show the bot's private, unshared upload. Slack's behaviour
   * here is not documented (java-slack-sdk #1349 saw `invalid_blocks`); default `accept`.
   */
  ephemeralPrivateFiles?: 'accept' | 'reject';
  /** Whether the app's Home tab is on (default true); off, `views.publish` answers `not_enabled`. */
  homeTabEnabled?: boolean;
  /** How long a trigger_id may open a view (default 3,000 ms, Slack's). */
  triggerTtlMs?: number;
}

/** A view as Slack returns it: what was sent, with its id, hash and (empty) state. */
export interface StoredView {
  id: string;
  hash: string;
  /** `modal` (views.open/update) or `home` (views.publish). */
  type: string;
  /** The user whose Home it is (views.publish). */
  user?: string;
  view: Record<string, unknown>;
}

/** A file uploaded through the external upload flow. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** Declared length (files.getUploadURLExternal). */
  length: number;
  altText?: string;
  title?: string;
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Buffer;
  /** completeUploadExternal was called. */
  completed: boolean;
  /** Channels it was shared to. */
  channels: string[];
  /** completeUploadExternal / files.info calls so far. */
  polls: number;
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
  /** Files uploaded so far (cleared by `reset`). */
  files(): UploadedFile[];
  /** Replace the token's scopes (until `reset`). */
  setScopes(scopes: readonly string[]): void;
  /** Fresh files stay "processing" for this many polls (until `reset`); `Infinity` never finishes. */
  setFileProcessingPolls(polls: number): void;
  /** Resolve once `predicate(calls)` holds; reject after `timeoutMs` (default 5000). */
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** A trigger_id as Slack puts in an interaction payload, issued `ageMs` ago (default now). */
  issueTrigger(ageMs?: number): string;
  /** Modals opened (and updated) so far, oldest first (cleared by `reset`). */
  views(): StoredView[];
  /** The Home view last published for `user`. */
  home(user: string): StoredView | undefined;
  /** Forget calls, injected failures, rate limits, stored messages, views and channel changes. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_TOKEN = 'xoxb-test-token';
export const DEFAULT_SCOPES = [
  'commands',
  'chat:write',
  'app_mentions:read',
  'users:read',
  'channels:history',
  'groups:history',
  'files:write',
  'files:read',
] as const;
/** Slack's trigger_id lifetime. */
const TRIGGER_TTL_MS = 3000;
/** Scope each file method needs. */
const METHOD_SCOPES: Record<string, string> = {
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'files.info': 'files:read',
};
const DEFAULT_TZ = 'Europe/Paris';
/** Slack lets a response_url be used up to five times. */
const RESPONSE_URL_USES = 5;
/** JSON-valued arguments WebClient serializes as JSON strings in a form body. */
const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'files', 'view'] as const;

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

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
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
  const initialScopes = [...(options.scopes ?? DEFAULT_SCOPES)];
  const initialProcessingPolls = options.fileProcessingPolls ?? 1;
  const ephemeralPrivateFiles = options.ephemeralPrivateFiles ?? 'accept';
  const homeTabEnabled = options.homeTabEnabled ?? true;
  const triggerTtlMs = options.triggerTtlMs ?? TRIGGER_TTL_MS;

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
  let files = new Map<string, UploadedFile>();
  let scopes = new Set<string>(initialScopes);
  let processingPolls = initialProcessingPolls;
  let base = '';
  /** Triggers issued by `issueTrigger` (when), and every trigger already used. */
  let issuedTriggers = new Map<string, number>();
  let usedTriggers = new Set<string>();
  let views = new Map<string, StoredView>();
  let homes = new Map<string, StoredView>();
  let viewCount = 0;

  function storeView(
    type: string,
    view: Record<string, unknown>,
    id = `V${String(++viewCount).padStart(8, '0')}`,
    user?: string,
  ): StoredView {
    const stored: StoredView = { id, hash: `${Date.now()}.${randomUUID().slice(0, 8)}`, type, ...(user ? { user } : {}), view };
    if (type === 'home' && user) homes.set(user, stored);
    else views.set(id, stored);
    return stored;
  }

  /** A view as Slack returns it. */
  function viewAnswer(stored: StoredView): Answer {
    return {
      status: 200,
      body: {
        ok: true,
        view: { ...stored.view, id: stored.id, hash: stored.hash, team_id: teamId, state: { values: {} }, root_view_id: stored.id },
      },
    };
  }

  function viewProblem(view: unknown, kind: 'modal' | 'home'): Answer | undefined {
    const check = validateView(view, kind);
    if (check.ok) return undefined;
    return fail(check.error, check.messages.length > 0 ? { response_metadata: { messages: check.messages } } : {});
  }

  function newFileId(): string {
    return `F${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  }

  const isProcessed = (file: UploadedFile) => file.completed && file.polls > processingPolls;

  /** Slack's file object, as completeUploadExternal and files.info return it. */
  function fileObject(file: UploadedFile): Body {
    const processed = isProcessed(file);
    return {
      id: file.id,
      name: file.filename,
      title: file.title ?? file.filename,
      filetype: processed ? 'png' : '',
      mimetype: processed ? 'image/png' : '',
      size: file.bytes?.length ?? 0,
      ...(file.altText ? { alt_txt: file.altText } : {}),
      is_public: false,
      file_access: 'visible',
      channels: [...file.channels],
      shares:
        processed && file.channels.length > 0 ? { public: Object.fromEntries(file.channels.map((c) => [c, [{ ts: nextTs() }]])) } : {},
      url_private: `${base}/files-pri/${file.id}/${encodeURIComponent(file.filename)}`,
    };
  }

  /**
   * The first image block whose slack_file this message may not show in `channel` (`undefined`: a response_url
   * message): unknown, still processing, or neither the bot's own private upload nor shared there.
   */
  function invalidSlackFile(blocks: unknown, channel: string | undefined): Answer | undefined {
    for (const ref of slackFileRefs(blocks)) {
      const file = files.get(ref.id);
      const privateToBot = file !== undefined && file.channels.length === 0;
      const visible =
        file !== undefined &&
        isProcessed(file) &&
        (channel === undefined
          ? privateToBot
            ? ephemeralPrivateFiles === 'accept'
            : true
          : privateToBot || file.channels.includes(channel));
      if (!visible) {
        const message = `[ERROR] invalid slack file [json-pointer:${ref.pointer}]`;
        return fail('invalid_blocks', {
          errors: [`invalid slack file [json-pointer:${ref.pointer}]`],
          response_metadata: { messages: [message] },
        });
      }
    }
    return undefined;
  }

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

  /** `channel` undefined: a response_url message. */
  function messageProblem(body: Body, channel?: string): Answer | undefined {
    const check = validateMessage(body);
    if (!check.ok) return fail(check.error, check.messages.length > 0 ? { response_metadata: { messages: check.messages } } : {});
    return invalidSlackFile(body.blocks, channel);
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
      const invalid = messageProblem(body, channel as string);
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
      const invalid = messageProblem(body, body.channel as string);
      if (invalid) return invalid;
      return { status: 200, body: { ok: true, message_ts: nextTs() } };
    },

    'chat.update': (body) => {
      const notOk = channelError(body.channel);
      if (notOk) return fail(notOk);
      const key = `${String(body.channel)}/${String(body.ts)}`;
      const stored = messages.get(key);
      if (!stored) return fail('message_not_found');
      const invalid = messageProblem(body, stored.channel);
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

    'files.getUploadURLExternal': (body) => {
      const filename = body.filename;
      const length = Number(body.length);
      if (typeof filename !== 'string' || filename === '' || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
      const altText = body.alt_txt ?? body.alt_text;
      if (typeof altText === 'string' && altText.length > 1000) return fail('invalid_arguments');
      const id = newFileId();
      files.set(id, {
        id,
        filename,
        length,
        ...(typeof altText === 'string' ? { altText } : {}),
        completed: false,
        channels: [],
        polls: 0,
      });
      return { status: 200, body: { ok: true, upload_url: `${base}/upload/${id}`, file_id: id } };
    },

    /**
     * Finishes uploads (private without `channel_id`/`channels`, else shared there). Calling it again for the
     * same files answers their current state: how Metabase polls until a file is processed.
     */
    'files.completeUploadExternal': (body) => {
      const list = body.files;
      if (!Array.isArray(list) || list.length === 0) return fail('invalid_arguments');
      const targets = [
        ...(typeof body.channel_id === 'string' && body.channel_id !== '' ? [body.channel_id] : []),
        ...(typeof body.channels === 'string' && body.channels !== '' ? body.channels.split(',') : []),
      ];
      for (const target of targets) {
        const notOk = channelError(target);
        if (notOk) return fail(notOk);
      }
      const done: UploadedFile[] = [];
      for (const entry of list) {
        const id = (entry as { id?: unknown } | null)?.id;
        const file = typeof id === 'string' ? files.get(id) : undefined;
        if (!file) return fail('file_not_found');
        if (!file.bytes) return fail('file_upload_not_found');
        done.push(file);
        const title = (entry as { title?: unknown }).title;
        if (typeof title === 'string') file.title = title;
      }
      for (const file of done) {
        file.completed = true;
        file.polls += 1;
        for (const target of targets) if (!file.channels.includes(target)) file.channels.push(target);
      }
      return { status: 200, body: { ok: true, files: done.map(fileObject) } };
    },

    'files.info': (body) => {
      const file = typeof body.file === 'string' ? files.get(body.file) : undefined;
      if (!file?.completed) return fail('file_not_found');
      file.polls += 1;
      return { status: 200, body: { ok: true, file: fileObject(file) } };
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

    'views.open': (body) => {
      const trigger = body.trigger_id;
      if (typeof trigger !== 'string' || trigger === '') return fail('invalid_trigger_id');
      if (usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
      const issued = issuedTriggers.get(trigger);
      if (issued !== undefined && Date.now() - issued > triggerTtlMs) return fail('expired_trigger_id');
      const invalid = viewProblem(body.view, 'modal');
      if (invalid) return invalid;
      usedTriggers.add(trigger);
      return viewAnswer(storeView('modal', body.view as Body));
    },

    'views.update': (body) => {
      const id = body.view_id;
      const stored = typeof id === 'string' ? views.get(id) : undefined;
      if (!stored) return fail('not_found');
      if (typeof body.hash === 'string' && body.hash !== '' && body.hash !== stored.hash) return fail('hash_conflict');
      const invalid = viewProblem(body.view, 'modal');
      if (invalid) return invalid;
      return viewAnswer(storeView('modal', body.view as Body, stored.id));
    },

    'views.publish': (body) => {
      const user = body.user_id;
      if (typeof user !== 'string' || user === '') return fail('invalid_arguments');
      if (!homeTabEnabled) return fail('not_enabled');
      const current = homes.get(user);
      if (typeof body.hash === 'string' && body.hash !== '' && current && body.hash !== current.hash) return fail('hash_conflict');
      const invalid = viewProblem(body.view, 'home');
      if (invalid) return invalid;
      return viewAnswer(storeView('home', body.view as Body, current?.id ?? `V${String(++viewCount).padStart(8, '0')}`, user));
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
    const needed = METHOD_SCOPES[method];
    if (needed && !scopes.has(needed)) return fail('missing_scope', { needed, provided: [...scopes].join(',') });
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
    const invalid = messageProblem(body, undefined);
    if (invalid) return { ...invalid, status: 400 };
    return { status: 200, body: { ok: true } };
  }

  /** The bytes of a file, POSTed to its upload URL (no token: the URL is the capability). */
  function uploadCall(id: string, bytes: Buffer, method: string | undefined): Answer {
    const injectedAnswer = injected('upload_url');
    if (injectedAnswer) return { ...injectedAnswer, status: injectedAnswer.status === 200 ? 500 : injectedAnswer.status };
    if (method !== 'POST') return fail('method_not_allowed', {}, 405);
    const file = files.get(id);
    if (!file || file.completed) return fail('not_found', {}, 404);
    if (bytes.length !== file.length) return fail('length_mismatch', {}, 400);
    file.bytes = bytes;
    return { status: 200, body: { ok: true } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (answer: Answer): void => {
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    };
    const upload = /^\/upload\/([A-Z0-9]+)$/.exec(url.pathname);
    if (upload) {
      const bytes = await readBytes(req);
      const answer = uploadCall(upload[1] as string, bytes, req.method);
      record('upload_url', { file_id: upload[1], bytes: bytes.length }, answer);
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(answer.body.ok ? `OK - ${bytes.length}` : String(answer.body.error));
      return;
    }
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
  base = `http://127.0.0.1:${port}`;

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
    files: () => [...files.values()],
    setScopes(list) {
      scopes = new Set(list);
    },
    setFileProcessingPolls(polls) {
      processingPolls = polls;
    },
    issueTrigger(ageMs = 0) {
      const id = `${Math.floor(Date.now() / 1000)}.${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      issuedTriggers.set(id, Date.now() - ageMs);
      return id;
    },
    views: () => [...views.values()],
    home: (user) => homes.get(user),
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
      files = new Map();
      scopes = new Set(initialScopes);
      processingPolls = initialProcessingPolls;
      issuedTriggers = new Map();
      usedTriggers = new Set();
      views = new Map();
      homes = new Map();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
