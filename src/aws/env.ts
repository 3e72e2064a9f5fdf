/** Where AWS calls go: the real regional endpoint, or a local AWS-compatible one (`AWS_ENDPOINT_URL`). */
export function awsRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}

/** Honours the AWS SDK's own variables: `AWS_ENDPOINT_URL_<SERVICE>` first, then `AWS_ENDPOINT_URL`. */
export function awsEndpoint(service: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] ?? env.AWS_ENDPOINT_URL;
}
