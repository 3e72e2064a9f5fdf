/**
 * One AWS JSON-protocol call (SQS, DynamoDB) as a single SigV4-signed HTTPS POST: `aws4` signs it with node:crypto,
 * node:https sends it. No AWS SDK.
 *
 * Why: the HTTP function calls AWS on Slack's 3-second ack path (SQS SendMessage, the DynamoDB read of a channel's
 * runtime bindings). An SDK client adds hundreds of KB and tens of milliseconds of module load to a cold start for
 * one call; `fetch` + Web Crypto cost ~30 ms more on a fresh process than node:https + node:crypto (measured by
 * `npm run bench`). Credentials come from the Lambda environment, as the SDK's would.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import aws4 from 'aws4';
import { awsEndpoint, awsRegion } from './env.ts';

export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(
    message: string,
    /** The AWS error type (`ConditionalCheckFailedException`), when AWS named one. */
    readonly type?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AwsJsonClientOptions {
  /** `sqs`, `dynamodb`: the signing name and the `AWS_ENDPOINT_URL_<SERVICE>` suffix. */
  service: string;
  /** Prefix of the `X-Amz-Target` header: `AmazonSQS`, `DynamoDB_20120810`. */
  targetPrefix: string;
  env?: NodeJS.ProcessEnv;
  /** Budget for one call, retries included (default 2000 ms): on the ack path it must leave time to answer. */
  timeoutMs?: number;
  /** Tries for 5xx, 429 and network errors (default 3). */
  maxAttempts?: number;
  /** Names the service in error messages (default the target prefix): `SQS SendMessage failed: …`. */
  label?: string;
}

export type AwsJsonCall = (action: string, payload: object) => Promise<Record<string, unknown>>;

interface HttpAnswer {
  status: number;
  text: string;
}

/** A caller of one AWS service's JSON protocol: `call('SendMessage', {...})` resolves to the parsed answer. */
export function createAwsJsonClient(options: AwsJsonClientOptions): AwsJsonCall {
  const env = options.env ?? process.env;
  const region = awsRegion(env);
  const endpoint = new URL(awsEndpoint(options.service, env) ?? `https://${options.service}.${region}.amazonaws.com`);
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxAttempts = options.maxAttempts ?? 3;
  const label = options.label ?? options.targetPrefix;

  return async (action, payload) => {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    if (!accessKeyId || !secretAccessKey) throw new AwsCallError(`No AWS credentials in the environment to call ${label}`);
    const body = JSON.stringify(payload);
    const deadline = Date.now() + timeoutMs;
    let answer: HttpAnswer | undefined;
    let failure: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const signed = aws4.sign(
        {
          service: options.service,
          region,
          protocol: endpoint.protocol,
          host: endpoint.host,
          path: endpoint.pathname,
          method: 'POST',
          headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `${options.targetPrefix}.${action}` },
          body,
        },
        { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
      );
      try {
        answer = await post(endpoint, signed, body, deadline - Date.now());
        failure = undefined;
        if (answer.status < 500 && answer.status !== 429) break;
      } catch (error) {
        failure = error;
      }
      const pause = 50 * 2 ** (attempt - 1) * Math.random();
      if (attempt === maxAttempts || Date.now() + pause >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    if (!answer || failure) {
      const reason = failure instanceof Error ? failure.message : 'no answer';
      throw new AwsCallError(`${label} ${action} failed: ${reason}`);
    }
    if (answer.status < 200 || answer.status >= 300) {
      const type = safeErrorType(answer.text);
      throw new AwsCallError(`${label} ${action} failed: HTTP ${answer.status}${type ? ` ${type}` : ''}`, type, answer.status);
    }
    return answer.text ? (JSON.parse(answer.text) as Record<string, unknown>) : {};
  };
}

/** One POST with node:http(s), bounded by `timeoutMs`. */
function post(endpoint: URL, signed: aws4.Request, body: string, timeoutMs: number): Promise<HttpAnswer> {
  if (timeoutMs <= 0) return Promise.reject(new Error('timed out'));
  const request = endpoint.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port: endpoint.port || undefined,
        path: signed.path,
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The AWS error type (`AWS.SimpleQueueService.NonExistentQueue`), never the message body verbatim. */
function safeErrorType(text: string): string | undefined {
  try {
    const type = (JSON.parse(text) as { __type?: unknown }).__type;
    return typeof type === 'string' ? type.replace(/^.*#/, '').slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}
