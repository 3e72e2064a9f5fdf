/**
 * Secrets Manager for the cold-start bench: moto_server on loopback holding the bot's secret, and the environment a
 * function needs to read it as in AWS (`SECRET_ID` and the endpoint). Undefined where moto_server is not installed.
 */
import { isMotoInstalled, startMoto } from '../aws/moto.ts';
import type { Secrets } from '../secrets/schema.ts';

export const BENCH_SECRET_ID = 'chatdash-slack/bench';

export interface BenchSecretsManager {
  /** `SECRET_ID`, the Secrets Manager endpoint, region and credentials for a child process. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSecretsManager(secrets: Secrets): Promise<BenchSecretsManager | undefined> {
  if (!isMotoInstalled()) return undefined;
  const moto = await startMoto();
  try {
    const { SecretsManagerClient, CreateSecretCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({
      region: moto.env.AWS_REGION,
      endpoint: moto.endpoint,
      credentials: { accessKeyId: moto.env.AWS_ACCESS_KEY_ID!, secretAccessKey: moto.env.AWS_SECRET_ACCESS_KEY! },
    });
    await client.send(new CreateSecretCommand({ Name: BENCH_SECRET_ID, SecretString: JSON.stringify(secrets) }));
    client.destroy();
  } catch (error) {
    await moto.stop();
    throw error;
  }
  return {
    // Only Secrets Manager goes to moto: SQS stays on the bench's stand-in (AWS_ENDPOINT_URL).
    env: { SECRET_ID: BENCH_SECRET_ID, AWS_ENDPOINT_URL_SECRETS_MANAGER: moto.endpoint },
    stop: () => moto.stop(),
  };
}
