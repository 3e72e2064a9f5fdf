/**
 * The three secrets the bot needs. In AWS they live in one JSON secret in Secrets Manager (`SECRET_ID`), read
 * once per container and cached across warm invocations; locally they come from environment variables.
 * Neither path ever puts a secret value in an error or a log line.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { awsClientConfig } from '../aws/env.ts';
import { lazy } from '../lazy.ts';
import { settledClientSettings } from './client-settings.ts';
import type { Secrets } from './schema.ts';

export type { Secrets };

/** Environment variable for each secret, for local runs. */
export const SECRET_ENV_VARS = {
  slackSigningSecret: 'SLACK_SIGNING_SECRET',
  slackBotToken: 'SLACK_BOT_TOKEN',
  chatdashApiKey: 'CHATDASH_API_KEY',
} as const satisfies Record<keyof Secrets, string>;

export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

export type SecretsProvider = () => Promise<Secrets>;

/** A provider that loads once and caches; a failed load is not cached, so the next invocation tries again. */
export function createSecretsProvider(env: NodeJS.ProcessEnv = process.env): SecretsProvider {
  // `async` so that a missing variable is a rejected promise, not a synchronous throw.
  return lazy(async () => (env.SECRET_ID ? fromSecretsManager(env.SECRET_ID, env) : fromEnv(env)));
}

export interface PrefetchedSecrets {
  secrets: SecretsProvider;
  /**
   * Resolves once the Secrets Manager request is on its way: its connection is up and the request written (or the
   * read is over, or there is nothing to read, or `REQUEST_WAIT_MS` passed). A function's entry awaits it before
   * loading the rest of its code, which then loads while Secrets Manager answers.
   */
  requested: Promise<void>;
}

/** The longest a function's init waits for the secret's request to go out before loading the rest anyway. */
export const REQUEST_WAIT_MS = 50;

/**
 * For a function's entry, at init: starts reading the secret from Secrets Manager now (when `SECRET_ID` is set) rather
 * than on the first request. A failure is not kept: the first request reads again, and reports it.
 */
export function prefetchSecrets(env: NodeJS.ProcessEnv = process.env): PrefetchedSecrets {
  const secretId = env.SECRET_ID;
  if (!secretId) return { secrets: createSecretsProvider(env), requested: Promise.resolve() };
  let markRequested: () => void = () => {};
  const requested = new Promise<void>((resolve) => {
    markRequested = resolve;
    setTimeout(resolve, REQUEST_WAIT_MS);
  });
  const secrets = lazy(() => fromSecretsManager(secretId, env, markRequested));
  secrets().then(markRequested, markRequested);
  return { secrets, requested };
}

/**
 * Keep-alive agents, as the SDK's own, that call `onRequestWritten` once a connection is up: Node writes the waiting
 * request as it connects, and the callback runs on the next turn of the event loop, after that write.
 */
function signallingAgents(onRequestWritten: () => void): { httpAgent: HttpAgent; httpsAgent: HttpsAgent } {
  const watch = <A extends HttpAgent>(agent: A, connected: 'connect' | 'secureConnect'): A => {
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) => {
      const socket = create(options, callback);
      socket?.once(connected, () => setImmediate(onRequestWritten));
      return socket;
    };
    return agent;
  };
  return {
    httpAgent: watch(new HttpAgent({ keepAlive: true }), 'connect'),
    httpsAgent: watch(new HttpsAgent({ keepAlive: true }), 'secureConnect'),
  };
}

export function fromEnv(env: NodeJS.ProcessEnv): Secrets {
  const values = {
    slackSigningSecret: env[SECRET_ENV_VARS.slackSigningSecret],
    slackBotToken: env[SECRET_ENV_VARS.slackBotToken],
    chatdashApiKey: env[SECRET_ENV_VARS.chatdashApiKey],
  };
  const missing = (Object.keys(values) as Array<keyof Secrets>).filter((k) => !values[k]).map((k) => SECRET_ENV_VARS[k]);
  if (missing.length > 0) {
    throw new SecretsError(`Missing secrets: set ${missing.join(', ')} (or SECRET_ID to read them from AWS Secrets Manager)`);
  }
  return values as Secrets;
}

async function fromSecretsManager(secretId: string, env: NodeJS.ProcessEnv, onRequestWritten?: () => void): Promise<Secrets> {
  // Loaded on first use only: the SDK client costs tens of milliseconds to load and is needed once per container.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({
    ...awsClientConfig('secrets_manager', env),
    ...settledClientSettings(env),
    ...(onRequestWritten ? { requestHandler: signallingAgents(onRequestWritten) } : {}),
  });
  let secretString: string | undefined;
  try {
    secretString = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'UnknownError';
    throw new SecretsError(`Could not read secret ${secretId} from Secrets Manager (${name})`);
  } finally {
    client.destroy();
  }
  let json: unknown;
  try {
    json = JSON.parse(secretString ?? '');
  } catch {
    throw new SecretsError(`Secret ${secretId} is not a JSON object`);
  }
  const { parseSecrets } = await import('./schema.ts');
  const parsed = parseSecrets(json);
  // Name the keys that are wrong, never their values.
  if (!parsed.ok) throw new SecretsError(`Secret ${secretId} must be a JSON object with non-empty ${parsed.badKeys.join(', ')}`);
  return parsed.secrets;
}
