/**
 * A loopback stand-in for Slack's Socket Mode, for testing `npm run dev` offline: the `apps.connections.open`
 * Web API method and the WebSocket it hands out, speaking Slack's envelope protocol.
 *
 * - `POST /api/apps.connections.open` wants the app-level token in `Authorization: Bearer xapp-…` (a `token` form
 *   field is not enough, as at Slack): `not_authed` without it, `not_allowed_token_type` for a token that is not
 *   an app-level one, `invalid_auth` for another app-level token. It answers `{ok: true, url}` with a one-time
 *   `ws://127.0.0.1:PORT/link/?ticket=…` URL.
 * - On the socket: `hello` first; then `deliver()` sends envelopes and records each ack by `envelope_id` (with the
 *   ack's payload); `disconnect()` sends `{type: "disconnect", reason}` frames (`refresh_requested`, `warning`, …)
 *   and `drop()` cuts the sockets without a word, to exercise reconnects.
 * - An envelope whose socket closes before it is acked is sent again on the next socket, as Slack retries.
 *
 * Binds to 127.0.0.1 only. Pair it with the Web API double (`src/slack-double/server.ts`) for everything else.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { DOUBLE_APP_ID, type Envelope, type EnvelopeType } from './envelopes.ts';

export type DisconnectReason = 'refresh_requested' | 'warning' | 'link_disabled' | 'too_many_websockets';

export interface SocketModeDoubleOptions {
  /** Port to listen on (default 0: any free one). */
  port?: number;
  /** The one app-level token `apps.connections.open` accepts (default `xapp-1-A0CHATDASH-1-test`). */
  appToken?: string;
  /** The app id in `hello` (default `A0CHATDASH`). */
  appId?: string;
  /** How long `deliver` waits for a connection, and then for the ack, before it rejects (default 10,000 ms). */
  timeoutMs?: number;
}

export interface Ack {
  envelopeId: string;
  type: EnvelopeType;
  /** What the app sent back with the ack (@slack/socket-mode always sends one; `{}` when empty). */
  payload: Record<string, unknown> | undefined;
}

export interface ConnectionsOpenCall {
  ok: boolean;
  error?: string;
}

export interface SocketModeDouble {
  /** Base URL of the Web API part, with a trailing slash: the socket client's `clientOptions.slackApiUrl`. */
  apiUrl: string;
  /** Every `apps.connections.open` call, oldest first. */
  opens: ConnectionsOpenCall[];
  /** Sockets that were sent `hello` so far (each reconnect adds one). */
  readonly hellos: number;
  /** Sockets open now. */
  readonly openSockets: number;
  /** Every ack received, oldest first. */
  acks: Ack[];
  ackOf(envelopeId: string): Ack | undefined;
  /** Sends an envelope on the newest open socket (waiting for one); resolves with its ack. */
  deliver(envelope: Envelope): Promise<Ack>;
  /** Sends `{type: "disconnect", reason}` on every open socket (the client is expected to close and reconnect). */
  disconnect(reason: DisconnectReason): void;
  /** Cuts every open socket without a close frame, like a lost network. */
  drop(): void;
  /** Makes `token` the only valid app-level token, as when the old one is revoked: the next `apps.connections.open` with it gets `invalid_auth`. */
  setAppToken(token: string): void;
  /** Resolves once `hellos` reaches `count`. */
  waitForHellos(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const DOUBLE_APP_TOKEN = 'xapp-1-A0CHATDASH-1-test';

interface Pending {
  envelope: Envelope;
  resolve: (ack: Ack) => void;
  /** The socket it was last sent on. */
  socket?: WebSocket;
}

export async function startSocketModeDouble(options: SocketModeDoubleOptions = {}): Promise<SocketModeDouble> {
  let appToken = options.appToken ?? DOUBLE_APP_TOKEN;
  const appId = options.appId ?? DOUBLE_APP_ID;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = Math.floor(Date.now() / 1000);

  const opens: ConnectionsOpenCall[] = [];
  const acks: Ack[] = [];
  const tickets = new Set<string>();
  /** Sockets that were sent `hello`, oldest first. */
  const live: WebSocket[] = [];
  const pending = new Map<string, Pending>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let hellos = 0;
  let base = '';

  function connectionsOpen(req: IncomingMessage): { ok: true; url: string } | { ok: false; error: string } {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (bearer === '') return { ok: false, error: 'not_authed' };
    if (!bearer.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
    if (bearer !== appToken) return { ok: false, error: 'invalid_auth' };
    const ticket = randomUUID();
    tickets.add(ticket);
    return { ok: true, url: `${base.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${appId}` };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) {
      // Drain the body: the method takes no arguments.
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: Record<string, unknown>) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/api/apps.connections.open') {
      send(404, { ok: false, error: 'unknown_method' });
      return;
    }
    const answer = connectionsOpen(req);
    opens.push(answer.ok ? { ok: true } : { ok: false, error: answer.error });
    send(200, answer);
  }

  function sendTo(socket: WebSocket, item: Pending): void {
    item.socket = socket;
    socket.send(JSON.stringify(item.envelope));
  }

  /** Envelopes left unacked by a socket that went away go out again on the newest open one. */
  function resend(): void {
    const socket = live.at(-1);
    if (!socket) return;
    for (const item of pending.values()) {
      if (item.socket && live.includes(item.socket)) continue;
      if (item.envelope.type === 'events_api' && item.socket) {
        item.envelope = { ...item.envelope, retry_attempt: (item.envelope.retry_attempt ?? 0) + 1, retry_reason: 'timeout' };
      }
      sendTo(socket, item);
    }
  }

  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (socket: WebSocket) => {
    live.push(socket);
    hellos += 1;
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: live.length,
        connection_info: { app_id: appId },
        debug_info: { host: 'applink-double', started, build_number: 1, approximate_connection_time: 18060 },
      }),
    );
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (typeof frame !== 'object' || frame === null) return;
      const { envelope_id: envelopeId, payload } = frame as { envelope_id?: unknown; payload?: unknown };
      if (typeof envelopeId !== 'string') return;
      const item = pending.get(envelopeId);
      const ack: Ack = {
        envelopeId,
        type: item?.envelope.type ?? 'events_api',
        payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined,
      };
      acks.push(ack);
      if (item) {
        pending.delete(envelopeId);
        item.resolve(ack);
      }
    });
    socket.on('close', () => {
      const index = live.indexOf(socket);
      if (index >= 0) live.splice(index, 1);
    });
    socket.on('error', () => socket.terminate());
    events.emit('hello');
    resend();
  });

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'internal_error' }));
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function waitForHellos(count: number, wait = timeoutMs): Promise<void> {
    return new Promise((resolve, reject) => {
      if (hellos >= count) {
        resolve();
        return;
      }
      const onHello = () => {
        if (hellos < count) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Socket Mode double: ${hellos} connection(s) after ${wait} ms, expected ${count}`));
      }, wait);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('hello', onHello);
      };
      events.on('hello', onHello);
    });
  }

  return {
    apiUrl: `${base}/api/`,
    opens,
    get hellos() {
      return hellos;
    },
    get openSockets() {
      return live.length;
    },
    acks,
    ackOf: (envelopeId) => acks.find((a) => a.envelopeId === envelopeId),
    deliver(envelope) {
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelope.envelope_id);
          reject(new Error(`Socket Mode double: no ack for ${envelope.type} envelope ${envelope.envelope_id} within ${timeoutMs} ms`));
        }, timeoutMs);
        const item: Pending = {
          envelope,
          resolve: (ack) => {
            clearTimeout(timer);
            resolve(ack);
          },
        };
        pending.set(envelope.envelope_id, item);
        const socket = live.at(-1);
        if (socket) sendTo(socket, item);
        // Otherwise the next socket to connect gets it (see `resend`).
      });
    },
    disconnect(reason) {
      for (const socket of live) socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-double' } }));
    },
    drop() {
      for (const socket of live.splice(0)) socket.terminate();
    },
    setAppToken(token) {
      appToken = token;
    },
    waitForHellos,
    async close() {
      for (const socket of [...live]) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
