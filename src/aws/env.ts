/** Where AWS calls go: the real regional endpoint, or a local AWS-compatible one (`AWS_ENDPOINT_URL`). */
export function awsRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** Honours the AWS SDK's own variables: `AWS_ENDPOINT_URL_<SERVICE>` first, then `AWS_ENDPOINT_URL`. */
export function awsEndpoint(service: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] ?? env.AWS_ENDPOINT_URL;
}

/**
 * Client settings for an AWS SDK v3 client from one environment object: region, endpoint and, when the
 * environment carries them, credentials (in Lambda the same values the SDK would read from process.env).
 */
export function awsClientConfig(service: string, env: NodeJS.ProcessEnv = process.env) {
  const endpoint = awsEndpoint(service, env);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return {
    region: awsRegion(env),
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
  };
}
