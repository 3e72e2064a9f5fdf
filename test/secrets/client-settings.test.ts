/** The Secrets Manager client's settings: the SDK's own environment variables when set, else its defaults. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectBody, settledClientSettings } from '../../src/secrets/client-settings.ts';

describe('settledClientSettings', () => {
  it('gives the SDK’s defaults when no AWS_* variable is set (as in Lambda)', async () => {
    const settings = settledClientSettings({});
    expect(settings).toMatchObject({
      defaultsMode: 'legacy',
      maxAttempts: 3,
      retryMode: 'standard',
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      disableClockSkewCorrection: false,
      authSchemePreference: [],
    });
    expect(await settings.userAgentAppId()).toBeUndefined();
  });

  it('takes each setting from the variable the SDK reads', async () => {
    const settings = settledClientSettings({
      AWS_DEFAULTS_MODE: 'in-region',
      AWS_MAX_ATTEMPTS: '5',
      AWS_RETRY_MODE: 'adaptive',
      AWS_USE_FIPS_ENDPOINT: 'true',
      AWS_USE_DUALSTACK_ENDPOINT: 'TRUE',
      AWS_DISABLE_CLOCK_SKEW_CORRECTION: 'true',
      AWS_AUTH_SCHEME_PREFERENCE: 'sigv4a, sigv4',
      AWS_SDK_UA_APP_ID: 'chatdash',
    });
    expect(settings).toMatchObject({
      defaultsMode: 'in-region',
      maxAttempts: 5,
      retryMode: 'adaptive',
      useFipsEndpoint: true,
      useDualstackEndpoint: true,
      disableClockSkewCorrection: true,
      authSchemePreference: ['sigv4a', 'sigv4'],
    });
    expect(await settings.userAgentAppId()).toBe('chatdash');
  });

  it('falls back to the defaults on values the SDK would not accept', () => {
    const settings = settledClientSettings({ AWS_DEFAULTS_MODE: 'fastest', AWS_MAX_ATTEMPTS: '-2', AWS_RETRY_MODE: 'eager' });
    expect(settings).toMatchObject({ defaultsMode: 'legacy', maxAttempts: 3, retryMode: 'standard' });
  });
});

describe('collectBody', () => {
  it('reads a Node stream whole, as bytes', async () => {
    const body = await collectBody(Readable.from([Buffer.from('{"Secret'), Buffer.from('String":"x"}')]));
    expect(body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(body).toString('utf8')).toBe('{"SecretString":"x"}');
  });

  it('reads an empty body as no bytes', async () => {
    expect((await collectBody(Readable.from([]))).byteLength).toBe(0);
  });
});
