/**
 * "Do this once per key": EventBridge, SQS and Slack all deliver at least once, and a digest or reply is
 * posted once. In AWS the record lives in DynamoDB through AWS Lambda Powertools' Idempotency utility
 * (INPROGRESS while running, COMPLETED after, removed on failure so a retry can run, expired by TTL);
 * locally a process-wide map does the same.
 */
import type { Context } from 'aws-lambda';
import { awsClientConfig } from '../aws/env.ts';
import { lazy } from '../lazy.ts';

export interface OnceGuard {
  /** Runs `fn` unless `key` already completed; a duplicate gets the first run's result. */
  once<T extends Record<string, unknown>>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Lets in-progress records expire when this Lambda invocation would have timed out. */
  registerLambdaContext?(context: Context): void;
}

/** A run with this key is in progress elsewhere: the message should be retried later, not processed twice. */
export class AlreadyInProgressError extends Error {
  override readonly name = 'AlreadyInProgressError';
}

export function createMemoryOnceGuard(): OnceGuard {
  const done = new Map<string, Promise<Record<string, unknown>>>();
  return {
    async once(key, fn) {
      const existing = done.get(key);
      if (existing) return existing as ReturnType<typeof fn>;
      const run = fn();
      done.set(key, run);
      try {
        return await run;
      } catch (error) {
        done.delete(key);
        throw error;
      }
    },
  };
}

/** The guard of the environment: DynamoDB (Powertools) at `IDEMPOTENCY_TABLE` when set, else a per-process memory guard. */
export function onceGuardFromEnv(env: NodeJS.ProcessEnv): OnceGuard {
  return env.IDEMPOTENCY_TABLE ? createDynamoOnceGuard({ tableName: env.IDEMPOTENCY_TABLE, env }) : createMemoryOnceGuard();
}

export interface DynamoOnceOptions {
  tableName: string;
  /** How long a completed key is remembered: longer than SQS keeps a message (default 7 days). */
  expiresAfterSeconds?: number;
  env?: NodeJS.ProcessEnv;
}

export function createDynamoOnceGuard(options: DynamoOnceOptions): OnceGuard {
  const env = options.env ?? process.env;
  let lambdaContext: Context | undefined;

  // Loaded on first use: Powertools and the DynamoDB client are only needed when a job runs.
  const idempotent = lazy(async () => {
    const [{ makeIdempotent, IdempotencyConfig, IdempotencyAlreadyInProgressError }, { DynamoDBPersistenceLayer }] = await Promise.all([
      import('@aws-lambda-powertools/idempotency'),
      import('@aws-lambda-powertools/idempotency/dynamodb'),
    ]);
    const persistenceStore = new DynamoDBPersistenceLayer({ tableName: options.tableName, clientConfig: awsClientConfig('dynamodb', env) });
    const config = new IdempotencyConfig({
      eventKeyJmesPath: 'key',
      expiresAfterSeconds: options.expiresAfterSeconds ?? 7 * 24 * 3600,
      throwOnNoIdempotencyKey: true,
    });
    const run = makeIdempotent(async (payload: { key: string; fn: () => Promise<Record<string, unknown>> }) => payload.fn(), {
      persistenceStore,
      config,
    });
    return { run, config, InProgress: IdempotencyAlreadyInProgressError as unknown as new (...a: never[]) => Error };
  });

  return {
    registerLambdaContext(context) {
      lambdaContext = context;
    },
    async once(key, fn) {
      const { run, config, InProgress } = await idempotent();
      if (lambdaContext) config.registerLambdaContext(lambdaContext);
      try {
        return (await run({ key, fn })) as Awaited<ReturnType<typeof fn>>;
      } catch (error) {
        if (error instanceof InProgress) throw new AlreadyInProgressError(`Another delivery of ${key} is in progress`);
        throw error;
      }
    },
  };
}
