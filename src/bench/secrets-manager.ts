/**
 * Secrets Manager for the cold-start bench: moto_server on loopback holding the bot's secret, and the environment a
 * function needs to read it as in AWS (`SECRET_ID` and the endpoint). Undefined where moto_server is not installed.
 */
import { isMotoInstalled, startMoto } from '../aws/moto.ts';
import type { Secrets } from '../secrets/schema.ts';
import { median } from './stats.ts';

export const BENCH_SECRET_ID = 'chatdash-slack/bench';

export interface BenchSecretsManager {
  /** `SECRET_ID`, the Secrets Manager endpoint, region and credentials for a child process. */
  env: Record<string, string>;
  /**
   * Median time of `runs` GetSecretValue calls from a warm client: moto_server's own latency, which is part of every
   * "+ secret read" figure (and is not Secrets Manager's).
   */
  roundTripMs(runs: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startSecretsManager(secrets: Secrets): Promise<BenchSecretsManager | undefined> {
  if (!isMotoInstalled()) return undefined;
  const moto = await startMoto();
  const { SecretsManagerClient, CreateSecretCommand, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient(moto.clientConfig);
  try {
    await client.send(new CreateSecretCommand({ Name: BENCH_SECRET_ID, SecretString: JSON.stringify(secrets) }));
  } catch (error) {
    client.destroy();
    await moto.stop();
    throw error;
  }
  return {
    // Only Secrets Manager goes to moto: SQS stays on the bench's stand-in (AWS_ENDPOINT_URL).
    env: { SECRET_ID: BENCH_SECRET_ID, AWS_ENDPOINT_URL_SECRETS_MANAGER: moto.endpoint },
    async roundTripMs(runs) {
      await client.send(new GetSecretValueCommand({ SecretId: BENCH_SECRET_ID }));
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await client.send(new GetSecretValueCommand({ SecretId: BENCH_SECRET_ID }));
        times.push(performance.now() - started);
      }
      return median(times);
    },
    stop: async () => {
      client.destroy();
      await moto.stop();
    },
  };
}
