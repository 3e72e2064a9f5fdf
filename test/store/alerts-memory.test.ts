/** The in-memory alert stores pass the alert store contract, on a memory table shared with a state store, also in a JSON file. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryAlertStores } from '../../src/store/alerts-memory.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { createMemoryTable } from '../../src/store/memory-table.ts';
import { userActor } from '../../src/store/store.ts';
import { makeAlert } from '../support/alert-input.ts';
import { alertStoreContract, T0 } from '../support/alert-store-contract.ts';
import { recordingLog } from '../support/log.ts';
import { subscriptionSettings } from '../support/subscriptions.ts';

alertStoreContract('in memory', async () => {
  const { log, entries } = recordingLog();
  const clock = { now: T0 };
  const table = createMemoryTable();
  const stores = createMemoryAlertStores({ log, now: () => clock.now, table });
  const state = createMemoryStore({ log, now: () => clock.now, table });
  return { stores, state, putRaw: async (item) => table.put(item), entries, clock };
});

describe('the in-memory alert stores saved to a JSON file with the state store', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keep alerts and subscriptions in one file across a restart (window snapshots are not kept)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chatdash-alerts-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const { log } = recordingLog();
    const table = createMemoryTable({ file });
    const alert = makeAlert({}, { id: 'al_kept', now: T0 });
    await createMemoryAlertStores({ log, table }).store.create(alert.definition, alert.state, 'U0ALICE');
    const sub = await createMemoryStore({ log, table }).createSubscription(subscriptionSettings(), userActor('U0ALICE'));
    await createMemoryAlertStores({ log, table }).windows.put([
      {
        projectId: 'proj_demo_shop',
        start: '2026-11-17T10:00:00.000Z',
        end: '2026-11-17T11:00:00.000Z',
        fetchedAt: T0.toISOString(),
        requested: ['conversations'],
        data: { conversations: 1, messages: null, totalCost: null, tokens: null, misunderstood: null, topics: null, countries: null },
      },
    ]);
    expect(
      JSON.parse(await readFile(file, 'utf8'))
        .items.map((i: { pk: string }) => i.pk)
        .sort(),
    ).toEqual(['ALERT#al_kept', `SUB#${sub.id}`]);

    const restarted = createMemoryTable({ file });
    expect(await createMemoryAlertStores({ log, table: restarted }).store.get('al_kept')).toEqual({ ...alert, definitionVersion: 1 });
    expect(await createMemoryStore({ log, table: restarted }).getSubscription(sub.id)).toEqual(sub);
  });
});
