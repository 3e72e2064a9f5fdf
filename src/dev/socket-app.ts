/**
 * The bot's Bolt app on a Socket Mode receiver, for `npm run dev`: the very listeners and error handler the Lambda
 * app has (`setUpApp`), authorized the same way (`botTokenAuthorize`), fed over a WebSocket that the app opens to
 * Slack instead of Slack's signed POSTs, so no public URL and no signing secret are needed.
 *
 * Only `npm run dev` imports this module: the Lambda bundles never carry @slack/socket-mode (the build also stubs
 * Bolt's SocketModeReceiver out of them, and `test/build/bundle-size.test.ts` checks every bundle).
 */
import ReceiverModule from '@slack/bolt/dist/receivers/SocketModeReceiver.js';
import { App, type AppSetup, botTokenAuthorize, cjsDefault, setUpApp } from '../slack/app.ts';
import type { BoltApp } from '../slack/listeners/context.ts';
import { slackLogger } from '../slack/logger.ts';

const SocketModeReceiver = cjsDefault(ReceiverModule);

export type ConnectionState = 'connected' | 'reconnecting' | 'disconnected';

export interface SocketAppOptions extends AppSetup {
  /** The app-level token (`xapp-…`, scope `connections:write`). */
  appToken: string;
  /** The bot token (`xoxb-…`) the listeners' Web API client uses. */
  botToken: string;
  /** Web API base URL for the listeners (default Slack's). */
  slackApiUrl?: string;
  /** Web API base URL for `apps.connections.open` (default `slackApiUrl`). */
  socketApiUrl?: string;
  /** @slack/socket-mode's `clientPingTimeout`, also its reconnect back-off step (default 5,000 ms, the SDK's). */
  clientPingTimeoutMs?: number;
  /** Global middleware, run before the listeners (default none). */
  middleware?: ReadonlyArray<Parameters<BoltApp['use']>[0]>;
  /** Told when the connection comes up, drops, or is being re-established (default nobody). */
  onConnection?: (state: ConnectionState) => void;
}

export interface SocketApp {
  app: BoltApp;
  /** Connects; resolves once Slack has said hello. */
  start(): Promise<void>;
  /** Disconnects for good (no reconnect). */
  stop(): Promise<void>;
}

export function createSocketApp(options: SocketAppOptions): SocketApp {
  const logger = slackLogger(options.log, 'bolt');
  const socketApiUrl = options.socketApiUrl ?? options.slackApiUrl;
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger,
    ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
    // The socket client's own Web API client (apps.connections.open). A fresh object: the client writes its
    // retry settings into it.
    installerOptions: { clientOptions: socketApiUrl ? { slackApiUrl: socketApiUrl } : {} },
  });
  const app = new App({
    receiver,
    logger,
    authorize: botTokenAuthorize(options.botToken),
    clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {},
  });
  for (const middleware of options.middleware ?? []) app.use(middleware);
  // setUpApp hands the listeners only config, queue, log and clock: the tokens stay out of their context.
  setUpApp(app, options);

  const notify = options.onConnection;
  if (notify) {
    receiver.client.on('connected', () => notify('connected'));
    receiver.client.on('reconnecting', () => notify('reconnecting'));
    receiver.client.on('disconnected', () => notify('disconnected'));
  }

  return {
    app,
    async start() {
      await app.start();
    },
    async stop() {
      // Bolt's receiver.stop() doesn't wait for the socket to close; the client's disconnect() does.
      await receiver.client.disconnect();
    },
  };
}
