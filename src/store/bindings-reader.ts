/**
 * The channel's runtime bindings, read on the HTTP function's ack path with one SigV4-signed DynamoDB `Query`
 * (aws4 + node:https, see `src/aws/signed-call.ts`) instead of the AWS SDK.
 *
 * Why: every slash command, click and mention checks which projects its channel may see, cold starts included, and
 * Slack allows 3 seconds. Measured with `npm run bench` (the cold-start harness runs both): loading the SDK's
 * DynamoDB client for this one read costs a cold process far more than the signed request (see the README's
 * Performance section for the figures), while a warm read costs the same. The read is strongly consistent, so a
 * `/chatdash disconnect` takes effect at once, and the items are validated like every other read of the store.
 */
import { createAwsJsonClient } from '../aws/signed-call.ts';
import { createLog, type Log } from '../log.ts';
import { type RuntimeBinding, readBindings } from './binding-item.ts';
import { channelPk, SK } from './keys.ts';
import type { BindingsReader } from './store.ts';

export interface SignedBindingsReaderOptions {
  tableName: string;
  env?: NodeJS.ProcessEnv;
  log?: Log;
  /** Budget for the read, retries included (default 1000 ms: the ack must still fit Slack's 3 s if DynamoDB stalls). */
  timeoutMs?: number;
}

type AttributeValue = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean; M?: Record<string, AttributeValue>; L?: AttributeValue[] };

/** DynamoDB JSON → plain values, for the attribute types the state table uses. */
export function unmarshal(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.M) return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, unmarshal(v)]));
  if (value.L) return value.L.map(unmarshal);
  return undefined;
}

export function createSignedBindingsReader(options: SignedBindingsReaderOptions): BindingsReader {
  const log = options.log ?? createLog();
  const call = createAwsJsonClient({
    service: 'dynamodb',
    targetPrefix: 'DynamoDB_20120810',
    label: 'DynamoDB',
    timeoutMs: options.timeoutMs ?? 1000,
    ...(options.env ? { env: options.env } : {}),
  });
  return {
    async bindingsOf(channel: string): Promise<RuntimeBinding[]> {
      const answer = await call('Query', {
        TableName: options.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bind)',
        ExpressionAttributeValues: { ':pk': { S: channelPk(channel) }, ':bind': { S: SK.bindingPrefix } },
        ConsistentRead: true,
      });
      const items = Array.isArray(answer.Items) ? (answer.Items as Record<string, AttributeValue>[]) : [];
      return readBindings(
        items.map((raw) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unmarshal(v)]))),
        log,
      );
    },
  };
}
