/** The in-memory state store passes the store contract, also when saved to a JSON file. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.ts';
import { recordingLog } from '../support/log.ts';
import { ALICE, settings, storeContract, T0 } from '../support/store-contract.ts';

storeContract('in memory', async () => {
  const { log, entries } = recordingLog();
  const clock = { now: T0 };
  const store = createMemoryStore({ log, now: () => clock.now });
  return { store, putRaw: async (item) => store.putRawItem(item), entries, clock, requests: () => store.reads.requests };
});

describe('the in-memory store saved to a JSON file', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps subscriptions and bindings across a restart, validated again when read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chatdash-state-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const { log } = recordingLog();
    const first = createMemoryStore({ log, file, now: () => T0 });
    const created = await first.createSubscription(settings(), ALICE);
    await first.bindChannel('C0NEW', 'acme', { type: 'user', userId: 'U0ADMIN' });
    expect(JSON.parse(await readFile(file, 'utf8')).items).toHaveLength(2);

    const second = createMemoryStore({ log, file, now: () => T0 });
    expect(await second.getSubscription(created.id)).toEqual(created);
    expect((await second.bindingsOf('C0NEW')).map((b) => b.project)).toEqual(['acme']);
  });
});
