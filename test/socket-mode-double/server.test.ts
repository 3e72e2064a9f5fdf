/**
 * The Socket Mode double against Slack's own client (@slack/socket-mode): the handshake, envelopes and acks,
 * disconnect frames and dropped sockets, and the token checks of `apps.connections.open`.
 */
import { SocketModeClient } from '@slack/socket-mode';
import { WebAPIPlatformError } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { eventsApiEnvelope, interactiveEnvelope, slashCommandEnvelope } from '../../src/socket-mode-double/envelopes.ts';
import { DOUBLE_APP_TOKEN } from '../../src/socket-mode-double/server.ts';
import { useSocketModeDouble } from '../support/socket-mode-double.ts';

const double = useSocketModeDouble();
const clients: SocketModeClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.disconnect()));
});

const quiet = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => 'info' as never,
  setName: () => {},
};

function client(appToken = DOUBLE_APP_TOKEN, autoReconnectEnabled = true): SocketModeClient {
  const c = new SocketModeClient({
    appToken,
    logger: quiet,
    autoReconnectEnabled,
    // Also the reconnect back-off step: short, so reconnects happen soon.
    clientPingTimeout: 2000,
    clientOptions: { slackApiUrl: double.apiUrl, retryConfig: { retries: 0 } },
  });
  clients.push(c);
  return c;
}

describe('Socket Mode double', () => {
  it('opens a connection with the app-level token in the Authorization header and says hello', async () => {
    const before = double.hellos;
    const c = client();
    await c.start();
    expect(double.hellos).toBe(before + 1);
    expect(double.opens.at(-1)).toEqual({ ok: true });
    expect(double.openSockets).toBeGreaterThanOrEqual(1);
  });

  it('delivers each kind of envelope and records the ack by envelope_id, with its payload', async () => {
    const c = client();
    c.on('slash_commands', async ({ ack, body }) => {
      await ack({ response_type: 'ephemeral', text: `got ${body.command} ${body.text}` });
    });
    c.on('interactive', async ({ ack, body }) => {
      await ack({ seen: body.type });
    });
    c.on('app_mention', async ({ ack, event }) => {
      expect(event.text).toBe('<@U0CHATDASH> costs');
      await ack();
    });
    await c.start();

    const command = slashCommandEnvelope({ text: 'stats 30d', response_url: 'http://127.0.0.1:1/response/x' });
    const commandAck = await double.deliver(command);
    expect(commandAck).toEqual({
      envelopeId: command.envelope_id,
      type: 'slash_commands',
      payload: { response_type: 'ephemeral', text: 'got /chatdash stats 30d' },
    });
    expect(double.ackOf(command.envelope_id)).toEqual(commandAck);

    const click = interactiveEnvelope({ type: 'block_actions', actions: [] });
    expect((await double.deliver(click)).payload).toEqual({ seen: 'block_actions' });

    const mention = eventsApiEnvelope({ type: 'app_mention', text: '<@U0CHATDASH> costs', channel: 'C0ACME', user: 'U0ALICE', ts: '1.2' });
    expect(mention.payload).toMatchObject({ type: 'event_callback', event: { type: 'app_mention' } });
    // The SDK acks with an empty payload object.
    expect((await double.deliver(mention)).payload).toEqual({});
  });

  it('a disconnect frame makes the client reconnect through apps.connections.open, and delivery goes on', async () => {
    const c = client();
    let answered = 0;
    c.on('slash_commands', async ({ ack }) => {
      answered += 1;
      await ack({ text: 'ok' });
    });
    await c.start();
    const before = double.hellos;
    const opensBefore = double.opens.length;

    double.disconnect('refresh_requested');
    await double.waitForHellos(before + 1);
    expect(double.opens.length).toBeGreaterThan(opensBefore);
    await double.deliver(slashCommandEnvelope({ text: 'help', response_url: 'http://127.0.0.1:1/response/y' }));

    double.disconnect('warning');
    await double.waitForHellos(before + 2);
    await double.deliver(slashCommandEnvelope({ text: 'help', response_url: 'http://127.0.0.1:1/response/z' }));
    expect(answered).toBe(2);
  });

  it('an envelope sent while no socket is open goes out on the next one; a dropped socket is reconnected', async () => {
    const c = client();
    c.on('interactive', async ({ ack }) => {
      await ack();
    });
    await c.start();
    const before = double.hellos;
    double.drop();
    const ack = await double.deliver(interactiveEnvelope({ type: 'block_actions', actions: [] }));
    expect(double.hellos).toBeGreaterThan(before);
    expect(ack.type).toBe('interactive');
  });

  it('rejects a missing, wrong-type or unknown token the way Slack does', async () => {
    const call = async (authorization?: string) => {
      const res = await fetch(`${double.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: authorization ? { Authorization: authorization } : {},
        body: `token=${DOUBLE_APP_TOKEN}`,
      });
      return (await res.json()) as { ok: boolean; error?: string; url?: string };
    };
    // The token as a POST parameter is not enough.
    expect(await call()).toEqual({ ok: false, error: 'not_authed' });
    expect(await call('Bearer xoxb-a-bot-token')).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await call('Bearer xapp-1-another-app')).toEqual({ ok: false, error: 'invalid_auth' });
    const ok = await call(`Bearer ${DOUBLE_APP_TOKEN}`);
    expect(ok.ok).toBe(true);
    expect(ok.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f-]+&app_id=A0CHATDASH$/);
  });

  it('the client gives up at once on invalid_auth (a fatal error for @slack/socket-mode)', async () => {
    const c = client('xapp-1-not-this-app', true);
    const error = await c.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect((error as WebAPIPlatformError).data.error).toBe('invalid_auth');
  });

  it('a socket URL works once: a second connection with the same ticket is refused', async () => {
    const res = await fetch(`${double.apiUrl}apps.connections.open`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DOUBLE_APP_TOKEN}` },
    });
    const { url } = (await res.json()) as { url: string };
    const first = new WebSocket(url);
    const hello = await new Promise<string>((resolve) => first.once('message', (data) => resolve(String(data))));
    expect(JSON.parse(hello)).toMatchObject({ type: 'hello', connection_info: { app_id: 'A0CHATDASH' } });
    const second = new WebSocket(url);
    const outcome = await new Promise<string>((resolve) => {
      second.once('error', () => resolve('refused'));
      second.once('open', () => resolve('opened'));
    });
    expect(outcome).toBe('refused');
    first.close();
  });
});
