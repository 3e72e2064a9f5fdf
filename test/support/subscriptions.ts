/**
 * Shared set-up for the subscription tests: default subscription settings, and the bot's real worker over a state
 * store of the test's own (optionally with a queue for re-queued jobs).
 */
import type { JobQueue } from '../../src/jobs/queue.ts';
import { createMemoryStore, type MemoryStore } from '../../src/store/memory.ts';
import type { NewSubscription, StateStore } from '../../src/store/store.ts';
import type { WorkerHandler } from '../../src/worker/handler.ts';
import type { Bot } from './bot.ts';

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

/** The same settings covering several projects (`projects`: a list or `all`) instead of one: the agency overview. */
export function overviewSettings(projects: NewSubscription['projects'], overrides: Partial<NewSubscription> = {}): NewSubscription {
  const { project: _one, ...rest } = subscriptionSettings({ channel: 'C0AGENCY', ...overrides });
  return { ...rest, projects };
}

export interface WorkerWithStoreOptions<S extends StateStore> {
  /** Default: a fresh store in memory (clock `now`), logging to the bot's log. */
  store?: S;
  /** Where re-queued jobs go (default: none, so they wait in place). */
  queue?: JobQueue;
  /** The fresh store's clock (default: the system clock). */
  now?: () => Date;
}

/** The bot's real worker handler (deps as production builds them) over `store`. */
export async function workerWithStore<S extends StateStore = MemoryStore>(
  bot: Bot,
  options: WorkerWithStoreOptions<S> = {},
): Promise<{ handler: WorkerHandler; store: S }> {
  const store = options.store ?? (createMemoryStore({ log: bot.log, ...(options.now ? { now: options.now } : {}) }) as StateStore as S);
  const deps = await bot.deps({ store, ...(options.queue ? { queue: options.queue } : {}) });
  return { handler: await bot.worker({ deps, concurrency: 4 }), store };
}

/** The outcomes of the jobs the bot's worker finished (`job.done`), sorted. */
export function jobOutcomes(bot: Bot): string[] {
  return bot
    .entries()
    .filter((l) => l.event === 'job.done')
    .map((l) => String(l.outcome))
    .sort();
}
