/**
 * The secrets provider against a local Secrets Manager (moto): read once, cached, and never quoted in an error. Read at
 * init (`prefetchSecrets`): the request starts before anything asks for the secrets (a function's entry then loads the
 * rest of its code during the round trip), and a failed read is neither an unhandled rejection nor kept.
 */

import { CreateSecretCommand, DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSecretsProvider, prefetchSecrets, SecretsError } from '../../src/secrets/secrets.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';

const VALUES = {
  slackSigningSecret: 'sm-signing-secret-value-1111',
  slackBotToken: 'xoxb-sm-bot-token-value-2222',
  chatdashApiKey: 'sm-chatdash-key-value-3333',
};

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('prefetchSecrets without SECRET_ID', () => {
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

describe.skipIf(!motoAvailable)('secrets from Secrets Manager (moto)', () => {
  const moto = useMoto();
  let proxy: CountingProxy;
  let sm: SecretsManagerClient;
  let env: Record<string, string>;
  let n = 0;

  beforeAll(async () => {
    proxy = await startCountingProxy(moto.endpoint);
    env = { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint };
    sm = new SecretsManagerClient(moto.clientConfig);
  });
  afterAll(async () => {
    sm?.destroy();
    await proxy?.close();
  });
  beforeEach(() => {
    proxy.targets.length = 0;
  });

  async function createSecret(value: string): Promise<string> {
    const name = `chatdash/test-${++n}`;
    await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return name;
  }

  const getCalls = () => proxy.targets.filter((t) => t.endsWith('GetSecretValue'));

  it('reads the three secrets from one JSON secret, once: the second call makes no request', async () => {
    const name = await createSecret(JSON.stringify(VALUES));
    const secrets = createSecretsProvider({ ...env, SECRET_ID: name });
    expect(await secrets()).toEqual(VALUES);
    expect(getCalls()).toHaveLength(1);

    await sm.send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }));
    expect(await secrets()).toEqual(VALUES);
    expect(getCalls()).toHaveLength(1);
    // The secret is really gone: a fresh provider (a new container) cannot read it.
    await expect(createSecretsProvider({ ...env, SECRET_ID: name })()).rejects.toThrow(SecretsError);
  });

  it('a secret missing a key → an error naming the key, never a value', async () => {
    const { chatdashApiKey: _omitted, ...partial } = VALUES;
    const name = await createSecret(JSON.stringify({ ...partial, slackBotToken: '' }));
    const error = await failure(createSecretsProvider({ ...env, SECRET_ID: name })());
    expect(error).toBeInstanceOf(SecretsError);
    expect(error.message).toContain(name);
    expect(error.message).toContain('chatdashApiKey');
    expect(error.message).toContain('slackBotToken');
    expect(error.message).not.toContain('slackSigningSecret');
    for (const value of Object.values(VALUES)) expect(error.message).not.toContain(value);
  });

  it('a secret that is not JSON → an error that does not quote it', async () => {
    const name = await createSecret(`signing=${VALUES.slackSigningSecret}`);
    const error = await failure(createSecretsProvider({ ...env, SECRET_ID: name })());
    expect(error.message).toBe(`Secret ${name} is not a JSON object`);
  });

  it('a missing secret → an error without values; not cached, so a later call can succeed', async () => {
    const name = `chatdash/later-${++n}`;
    const secrets = createSecretsProvider({ ...env, SECRET_ID: name });
    const error = await failure(secrets());
    expect(error).toBeInstanceOf(SecretsError);
    expect(error.message).toContain(`Could not read secret ${name}`);
    expect(error.message).toContain('ResourceNotFoundException');
    expect(error.message).not.toMatch(/testing/);

    await sm.send(new CreateSecretCommand({ Name: name, SecretString: JSON.stringify(VALUES) }));
    expect(await secrets()).toEqual(VALUES);
  });

  it('without SECRET_ID, reads the environment and names the missing variables only', () => {
    const secrets = createSecretsProvider({ SLACK_SIGNING_SECRET: VALUES.slackSigningSecret });
    return failure(secrets()).then((error) => {
      expect(error.message).toContain('SLACK_BOT_TOKEN, CHATDASH_API_KEY');
      expect(error.message).not.toContain(VALUES.slackSigningSecret);
      expect(proxy.targets).toEqual([]);
    });
  });

  /** Lets the loopback servers in this process answer, until `done()` or 200 turns of the event loop. */
  async function until(done: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('prefetchSecrets sends the request before anyone asks for the secrets, and reads once', async () => {
    const name = await createSecret(JSON.stringify(VALUES));
    const { secrets, requested } = prefetchSecrets({ ...env, SECRET_ID: name });
    await requested;
    await until(() => getCalls().length === 1);
    expect(getCalls()).toHaveLength(1);
    expect(await secrets()).toEqual(VALUES);
    expect(await secrets()).toEqual(VALUES);
    expect(getCalls()).toHaveLength(1);
  });

  it('prefetchSecrets: a failed read at init is not kept: a later request reads again and gets a clear error, without values', async () => {
    const name = `chatdash/missing-${++n}`;
    const { secrets, requested } = prefetchSecrets({ ...env, SECRET_ID: name });
    await requested;
    // The first request may still share the read started at init; once that has failed, the next one reads again.
    const first = await failure(secrets());
    expect(first).toBeInstanceOf(SecretsError);
    const readsSoFar = getCalls().length;
    expect([1, 2]).toContain(readsSoFar);
    const again = await failure(secrets());
    expect(again).toBeInstanceOf(SecretsError);
    expect(again.message).toContain(name);
    expect(getCalls()).toHaveLength(readsSoFar + 1);
  });
});
