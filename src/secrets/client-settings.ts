/**
 * The Secrets Manager client's settings, all given up front so that its first request (on every cold start's path)
 * resolves none of them. Left unset, the SDK looks each one up in the environment and then in `~/.aws/config` and
 * `~/.aws/credentials` (files a Lambda function never has), which costs file reads and the code that parses them;
 * `npm run bench` measures the read. Each value is what the SDK itself would settle on in Lambda: its standard
 * environment variable when set, else its default.
 */
import type { SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';

const DEFAULTS_MODES = new Set(['standard', 'in-region', 'cross-region', 'mobile', 'auto', 'legacy'] as const);
type DefaultsMode = typeof DEFAULTS_MODES extends Set<infer M> ? M : never;

const isDefaultsMode = (value: string | undefined): value is DefaultsMode => DEFAULTS_MODES.has(value as DefaultsMode);

/** Settings for `new SecretsManagerClient(…)`, from the SDK's environment variables or its defaults. */
export function settledClientSettings(env: NodeJS.ProcessEnv) {
  const flag = (name: string) => env[name]?.toLowerCase() === 'true';
  const maxAttempts = Number.parseInt(env.AWS_MAX_ATTEMPTS ?? '', 10);
  const appId = env.AWS_SDK_UA_APP_ID;
  return {
    /** `AWS_DEFAULTS_MODE`, default `legacy` (the SDK's). */
    defaultsMode: isDefaultsMode(env.AWS_DEFAULTS_MODE) ? env.AWS_DEFAULTS_MODE : 'legacy',
    /** `AWS_MAX_ATTEMPTS`, default 3. */
    maxAttempts: maxAttempts > 0 ? maxAttempts : 3,
    /** `AWS_RETRY_MODE`, default `standard`. */
    retryMode: env.AWS_RETRY_MODE === 'adaptive' ? 'adaptive' : 'standard',
    /** `AWS_USE_FIPS_ENDPOINT`, default false. */
    useFipsEndpoint: flag('AWS_USE_FIPS_ENDPOINT'),
    /** `AWS_USE_DUALSTACK_ENDPOINT`, default false. */
    useDualstackEndpoint: flag('AWS_USE_DUALSTACK_ENDPOINT'),
    /** `AWS_DISABLE_CLOCK_SKEW_CORRECTION`, default false. */
    disableClockSkewCorrection: flag('AWS_DISABLE_CLOCK_SKEW_CORRECTION'),
    /** `AWS_AUTH_SCHEME_PREFERENCE` (comma-separated), default none. */
    authSchemePreference: (env.AWS_AUTH_SCHEME_PREFERENCE ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    /** `AWS_SDK_UA_APP_ID`, default none (a provider, so that "none" is not looked up again). */
    userAgentAppId: async () => appId,
    streamCollector: collectBody,
  } satisfies Partial<SecretsManagerClientConfig>;
}

/**
 * Reads a response body, in place of the SDK's collector: that one first checks whether the body is a web stream,
 * which loads Node's whole web-streams implementation for a body that is always a Node stream here.
 */
export async function collectBody(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
