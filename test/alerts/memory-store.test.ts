import { describe, expect, it } from 'vitest';
import { createMemoryAlertStore, createMemoryWindowStore } from '../../src/alerts/memory-store.ts';
import type { StoredAlert } from '../../src/alerts/model.ts';
import { AlertExistsError } from '../../src/alerts/store.ts';
import type { LogFields } from '../../src/log.ts';
import { makeAlert } from '../support/alert-input.ts';

const NOW = new Date('2026-11-17T11:20:00Z');
const made = (id: string, channelId = 'C0SHOP'): StoredAlert =>
  makeAlert({ channelId, metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } }, { id, now: NOW });

function store() {
  const lines: Array<LogFields & { event: string }> = [];
  return { lines, store: createMemoryAlertStore({ log: (_level, event, fields = {}) => lines.push({ event, ...fields }) }) };
}

describe('memory alert store', () => {
  it('creates, reads, lists by channel and logs who did what', async () => {
    const { store: s, lines } = store();
    const a = made('a1');
    await s.create(a.definition, a.state, 'U0ALICE');
    await s.create(made('a2', 'C0AGENCY').definition, made('a2').state, 'U0BOB');
    await expect(s.create(a.definition, a.state, 'U0ALICE')).rejects.toBeInstanceOf(AlertExistsError);
    expect(await s.get('a1')).toEqual(a);
    expect((await s.listByChannel('T0DEMO', 'C0SHOP')).map((x) => x.definition.id)).toEqual(['a1']);
    expect((await s.getMany(['a2', 'missing', 'a1', 'a1'])).map((x) => x.definition.id).sort()).toEqual(['a1', 'a2']);
    expect(lines[0]).toMatchObject({ event: 'alert.changed', actor: 'U0ALICE', action: 'create', alertId: 'a1', before: null });
  });

  it('validates on write and returns copies nobody can change behind its back', async () => {
    const { store: s } = store();
    const a = made('a1');
    await expect(s.create({ ...a.definition, timeZone: 'Mars/Base' }, a.state, 'U0ALICE')).rejects.toThrow(/invalid alert/);
    await expect(s.create(a.definition, { ...a.state, version: -1 }, 'U0ALICE')).rejects.toThrow(/invalid alert state/);
    await s.create(a.definition, a.state, 'U0ALICE');
    const read = await s.get('a1');
    read!.definition.channelId = 'C0HACKED';
    expect((await s.get('a1'))?.definition.channelId).toBe('C0SHOP');
  });

  it('writes state only over the version it read', async () => {
    const { store: s } = store();
    const a = made('a1');
    await s.create(a.definition, a.state, 'U0ALICE');
    const saved = await s.saveState('a1', 0, { ...a.state, status: 'firing' });
    expect(saved).toMatchObject({ version: 1, status: 'firing' });
    expect(await s.saveState('a1', 0, { ...a.state, status: 'ok' })).toBeUndefined();
    expect(await s.saveState('gone', 0, a.state)).toBeUndefined();
    expect((await s.get('a1'))?.state.status).toBe('firing');
  });

  it('claims due alerts once: a second claim before the lease ends gets nothing', async () => {
    const { store: s } = store();
    for (const id of ['a1', 'a2', 'a3']) {
      const a = made(id);
      await s.create(a.definition, a.state, 'U0ALICE');
    }
    await s.updateDefinition('a3', { ...made('a3').definition, paused: true }, 'U0BOB');
    const lease = new Date(NOW.getTime() + 15 * 60_000);
    const first = await s.claimDue(NOW, { limit: 10, leaseUntil: lease });
    expect(first.map((a) => a.definition.id)).toEqual(['a1', 'a2']);
    expect(await s.claimDue(NOW, { limit: 10, leaseUntil: lease })).toEqual([]);
    expect((await s.claimDue(lease, { limit: 1, leaseUntil: new Date(lease.getTime() + 1) })).map((a) => a.definition.id)).toEqual(['a1']);
  });

  it('updates and deletes with before/after in the log', async () => {
    const { store: s, lines } = store();
    const a = made('a1');
    await s.create(a.definition, a.state, 'U0ALICE');
    const updated = await s.updateDefinition('a1', { ...a.definition, name: 'Night shift' }, 'U0BOB', { state: a.state });
    expect(updated).toMatchObject({ definition: { name: 'Night shift' }, state: { version: 1 } });
    expect(await s.updateDefinition('nope', a.definition, 'U0BOB')).toBeUndefined();
    expect(await s.delete('a1', 'U0CAROL')).toBe(true);
    expect(await s.delete('a1', 'U0CAROL')).toBe(false);
    expect(lines.map((l) => [l.action, l.actor])).toEqual([
      ['create', 'U0ALICE'],
      ['update', 'U0BOB'],
      ['delete', 'U0CAROL'],
    ]);
    expect(lines[1]).toMatchObject({ before: { id: 'a1' }, after: { name: 'Night shift' }, stateReset: true });
  });
});

describe('memory window store', () => {
  const snapshot = {
    projectId: 'proj_demo_shop',
    start: '2026-11-17T10:00:00.000Z',
    end: '2026-11-17T11:00:00.000Z',
    fetchedAt: '2026-11-17T11:07:00.000Z',
    requested: ['conversations' as const],
    data: { conversations: 12, messages: null, totalCost: null, tokens: null, misunderstood: null, topics: null, countries: null },
  };
  it('keeps snapshots per project and window, and forgets them after 35 days', async () => {
    let now = Date.parse(snapshot.fetchedAt);
    const w = createMemoryWindowStore({ now: () => now });
    await w.put([snapshot]);
    expect(await w.get('proj_demo_shop', [snapshot, { start: snapshot.end, end: '2026-11-17T12:00:00.000Z' }])).toEqual([
      snapshot,
      undefined,
    ]);
    expect(await w.get('other', [snapshot])).toEqual([undefined]);
    now += 35 * 86_400_000;
    expect(await w.get('proj_demo_shop', [snapshot])).toEqual([undefined]);
  });

  it('refuses an invalid snapshot', async () => {
    const w = createMemoryWindowStore();
    await expect(w.put([{ ...snapshot, data: { ...snapshot.data, conversations: -3 } }])).rejects.toThrow(/invalid window snapshot/);
  });
});
