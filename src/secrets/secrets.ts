/**
 * The three secrets the bot needs. In AWS they live in one JSON secret in Secrets Manager (`SECRET_ID`), read
 * once per container and cached across warm invocations; locally they come from environment variables.
 * Neither path ever puts a secret value in an error or a log line.
 */
import { awsClientConfig } from '../aws/env.ts';
import { lazy } from '../lazy.ts';
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

async function fromSecretsManager(secretId: string, env: NodeJS.ProcessEnv): Promise<Secrets> {
  // Loaded on first use only: the SDK client costs tens of milliseconds to load and is needed once per container.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient(awsClientConfig('secrets_manager', env));
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
