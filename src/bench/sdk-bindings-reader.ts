/**
 * The HTTP function's bindings reader built on the AWS SDK (the document client, as the state store uses) instead of
 * one signed request. Only the bench's `http-sdk` variant is built with it (it stands in for
 * `src/store/bindings-from-env.ts`), to measure what the SDK would cost the ack path; the product never uses it.
 */
import type { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { awsClientConfig } from '../aws/env.ts';
import { lazy } from '../lazy.ts';
import type { Log } from '../log.ts';
import { type RuntimeBinding, readBindings } from '../store/binding-item.ts';
import { channelPk, SK } from '../store/keys.ts';
import type { BindingsReader } from '../store/store.ts';

export function bindingsReaderFromEnv(env: NodeJS.ProcessEnv, log: Log): BindingsReader | undefined {
  const TableName = env.STATE_TABLE;
  if (!TableName) return undefined;
  const sdk = lazy(async (): Promise<{ doc: DynamoDBDocumentClient; Query: typeof QueryCommand }> => {
    const [{ DynamoDBClient }, lib] = await Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]);
    return { doc: lib.DynamoDBDocumentClient.from(new DynamoDBClient(awsClientConfig('dynamodb', env))), Query: lib.QueryCommand };
  });
  return {
    async bindingsOf(channel): Promise<RuntimeBinding[]> {
      const { doc, Query } = await sdk();
      const answer = await doc.send(
        new Query({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bind)',
          ExpressionAttributeValues: { ':pk': channelPk(channel), ':bind': SK.bindingPrefix },
          ConsistentRead: true,
        }),
      );
      return readBindings(answer.Items ?? [], log);
    },
  };
}

/** esbuild: builds the HTTP function with this reader in place of the signed one. */
export const SDK_BINDINGS_MODULE = new URL('./sdk-bindings-reader.ts', import.meta.url).pathname;
