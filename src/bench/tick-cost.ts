/**
 * What one tick costs with many runtime subscriptions stored and a few due: items read, store requests and time,
 * through the real schedule handler. On the in-memory store (its read counter counts what DynamoDB would read) and,
 * where moto_server is installed, on a DynamoDB table (moto). Time on moto is moto's own: it scans in Python where
 * DynamoDB reads an index range; the items read are the figure that carries over.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startMoto } from '../aws/moto.ts';
import type { Config } from '../config/schema.ts';
import { createLocalQueue } from '../jobs/local-queue.ts';
import type { Log } from '../log.ts';
import { createScheduleHandler } from '../schedule/handler.ts';
import { createDynamoStore } from '../store/dynamo.ts';
import { createMemoryStore } from '../store/memory.ts';
import { type NewSubscription, type StateStore, userActor } from '../store/store.ts';
import { subscriptionItem } from '../store/subscription-item.ts';
import { createdSubscription } from '../store/transitions.ts';
import { batchWrite, createStateTableIn } from './state-table.ts';

export interface TickCostResult {
  store: string;
  stored: number;
  due: number;
  /** Jobs the tick queued. */
  queued: number;
  itemsRead: number;
  requests: number;
  ms: number;
}

/** Subscriptions are made on Thursday 19 November 2026, 09:00 UTC; the tick runs at 10:00:20, when the daily ones fall due. */
const MADE = new Date('2026-11-19T09:00:00.000Z');
const TICK = '2026-11-19T10:00:20.000Z';

/** `stored − due` weekly subscriptions (Mondays) over 100 channels, and `due` daily ones at 10:00 UTC. */
export function tickCostItems(stored: number, due: number): Record<string, unknown>[] {
  const actor = userActor('U0BENCH');
  const make = (input: Partial<NewSubscription>, i: number) =>
    subscriptionItem(
      createdSubscription(
        {
          project: 'acme',
          channel: `C0TICK${i % 100}`,
          schedule: '0 9 * * MON',
          timeZone: 'Europe/Paris',
          period: 'last week',
          owner: 'U0BENCH',
          ...input,
        },
        actor,
        MADE,
      ),
    );
  return [
    ...Array.from({ length: stored - due }, (_, i) => make({}, i)),
    ...Array.from({ length: due }, (_, i) => make({ schedule: '0 10 * * *', timeZone: 'UTC' }, i)),
  ];
}

async function tickOnce(config: Config, store: StateStore, label: string, stored: number, due: number, log: Log): Promise<TickCostResult> {
  const queue = createLocalQueue();
  const tick = createScheduleHandler({ config: { ...config, subscriptions: [] }, queue, store, log });
  const before = { ...store.reads };
  const started = performance.now();
  const result = await tick({ time: TICK });
  const ms = performance.now() - started;
  return {
    store: label,
    stored,
    due,
    queued: result.due,
    itemsRead: store.reads.items - before.items,
    requests: store.reads.requests - before.requests,
    ms,
  };
}

export async function measureTickCostInMemory(config: Config, stored: number, due: number, log: Log): Promise<TickCostResult> {
  const store = createMemoryStore({ log, now: () => MADE });
  for (const item of tickCostItems(stored, due)) store.putRawItem(item);
  return tickOnce(config, store, 'in memory', stored, due, log);
}

export async function measureTickCostOnMoto(config: Config, stored: number, due: number, log: Log): Promise<TickCostResult> {
  const moto = await startMoto();
  const client = new DynamoDBClient({
    region: moto.env.AWS_REGION,
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  try {
    const name = 'chatdash-bench-state';
    await createStateTableIn(client, name);
    await batchWrite(client, name, tickCostItems(stored, due));
    const store = createDynamoStore({ tableName: name, env: { ...moto.env }, log, now: () => MADE });
    // Load the SDK first: the figure is the tick's reads, not a cold start.
    await store.getSubscription('sub_warmup00000');
    return await tickOnce(config, store, 'DynamoDB (moto)', stored, due, log);
  } finally {
    client.destroy();
    await moto.stop();
  }
}
