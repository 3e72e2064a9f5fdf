/**
 * Reading the secret at init: `prefetchSecrets` starts the Secrets Manager request before anything asks for the
 * secrets (a function's entry then loads the rest of its code during the round trip), reads it once, and a failed
 * read is neither an unhandled rejection nor kept: the first request reads again.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prefetchSecrets, SecretsError } from '../../src/secrets/secrets.ts';
import { type CountingProxy, startCountingProxy } from '../aws/counting-proxy.ts';
import { type Moto, motoAvailable, startMoto } from '../support/moto.ts';

const VALUES = {
  slackSigningSecret: 'prefetch-signing-secret-4444',
  slackBotToken: 'xoxb-prefetch-bot-token-5555',
  chatdashApiKey: 'prefetch-chatdash-key-6666',
};

describe('without SECRET_ID', () => {
  it('takes the secrets from the environment and has nothing to wait for', async () => {
    const { secrets, requested } = prefetchSecrets({
      SLACK_SIGNING_SECRET: VALUES.slackSigningSecret,
      SLACK_BOT_TOKEN: VALUES.slackBotToken,
      CHATDASH_API_KEY: VALUES.chatdashApiKey,
    });
    await requested;
    expect(await secrets()).toEqual(VALUES);
  });
});

describe.skipIf(!motoAvailable)('with SECRET_ID (moto)', () => {
  let moto: Moto;
  let proxy: CountingProxy;
  let env: Record<string, string>;

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startCountingProxy(moto.endpoint);
    env = { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint };
    const sm = new SecretsManagerClient({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await sm.send(new CreateSecretCommand({ Name: 'chatdash-slack/prefetch', SecretString: JSON.stringify(VALUES) }));
    sm.destroy();
  });
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });
  beforeEach(() => {
    proxy.targets.length = 0;
  });

  const reads = () => proxy.targets.filter((t) => t.endsWith('GetSecretValue')).length;

  /** Lets the loopback servers in this process answer, until `done()` or 200 turns of the event loop. */
  async function until(done: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('sends the request before anyone asks for the secrets, and reads once', async () => {
    const { secrets, requested } = prefetchSecrets({ ...env, SECRET_ID: 'chatdash-slack/prefetch' });
    await requested;
    await until(() => reads() === 1);
    expect(reads()).toBe(1);
    expect(await secrets()).toEqual(VALUES);
    expect(await secrets()).toEqual(VALUES);
    expect(reads()).toBe(1);
  });

  it('a failed read at init is not kept: a later request reads again and gets a clear error, without values', async () => {
    const { secrets, requested } = prefetchSecrets({ ...env, SECRET_ID: 'chatdash-slack/missing' });
    await requested;
    // The first request may still share the read started at init; once that has failed, the next one reads again.
    const first = await secrets().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(first).toBeInstanceOf(SecretsError);
    const readsSoFar = reads();
    expect([1, 2]).toContain(readsSoFar);
    const again = await secrets().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(again).toBeInstanceOf(SecretsError);
    expect(again?.message).toContain('chatdash-slack/missing');
    expect(reads()).toBe(readsSoFar + 1);
  });
});
