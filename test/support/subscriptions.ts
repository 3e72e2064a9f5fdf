/**
 * Shared set-up for the subscription tests: default subscription settings, the ChatDash sandbox and Slack double for
 * a suite, and the real worker handler over a given state store (and, optionally, a queue for re-queued jobs).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { type SlackDouble, startSlackDouble } from '../../src/slack-double/server.ts';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory.ts';
import type { NewSubscription } from '../../src/store/store.ts';
import { createWorkerHandler } from '../../src/worker/handler.ts';
import { createMemoryOnceGuard } from '../../src/worker/idempotency.ts';
import { depsFor, recordingLog } from '../digests/support.ts';

export const demoConfig: Config = loadConfigFile(DEMO_CONFIG_PATH);

/** Acme's weekly digest in C0ACME, Mondays 09:00 Paris, last week, owned by U0ALICE; `overrides` change any of it. */
export function subscriptionSettings(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    project: 'acme',
    channel: 'C0ACME',
    schedule: '0 9 * * MON',
    timeZone: 'Europe/Paris',
    period: 'last week',
    owner: 'U0ALICE',
    ...overrides,
  };
}

export interface Loopback {
  readonly sandbox: Sandbox;
  readonly slack: SlackDouble;
}

/** The sandbox and the Slack double for this suite (the double is reset after each test). */
export function useSandboxAndSlack(): Loopback {
  let sandbox: Sandbox | undefined;
  let slack: SlackDouble | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
    slack = await startSlackDouble();
  });
  afterAll(async () => {
    await slack?.close();
    await sandbox?.close();
  });
  afterEach(() => slack?.reset());
  return {
    get sandbox() {
      return sandbox!;
    },
    get slack() {
      return slack!;
    },
  };
}

/** The real worker handler (deps as production builds them) over `store` (default: a fresh one in memory). */
export async function workerWithStore(loop: Loopback, options: { store?: MemoryStore; queue?: JobQueue; now?: () => Date } = {}) {
  const { log, lines } = recordingLog();
  const store = options.store ?? createMemoryStore({ log, ...(options.now ? { now: options.now } : {}) });
  const deps = { ...(await depsFor(demoConfig, loop.sandbox, loop.slack, log)), store, ...(options.queue ? { queue: options.queue } : {}) };
  const handler = createWorkerHandler({ config: demoConfig, env: {}, deps, once: createMemoryOnceGuard(), log, concurrency: 4 });
  return { handler, store, lines, log };
}
