/**
 * The alert stores' contract: one suite that both implementations pass (in memory, and DynamoDB on moto), on a fresh
 * state table shared with a state store, as in production. Alerts are made and changed through the lifecycle
 * functions the Slack UI calls (`newAlert`, `editAlert`, `setPaused`, `muteAlert`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { editAlert, muteAlert, setPaused } from '../../src/alerts/lifecycle.ts';
import type { WindowSnapshot } from '../../src/alerts/measures.ts';
import type { AlertState, StoredAlert } from '../../src/alerts/model.ts';
import { recordChatDashCheck } from '../../src/alerts/outage.ts';
import { AlertConflictError, AlertExistsError, type AlertPage, type AlertStore, type AlertStores } from '../../src/alerts/store.ts';
import { alertItem } from '../../src/store/alert-item.ts';
import type { ReadStats, StateStore } from '../../src/store/store.ts';
import { userActor } from '../../src/store/store.ts';
import { makeAlert, SHOP_ALERT } from './alert-input.ts';
import type { LogLine } from './log.ts';
import { subscriptionSettings } from './subscriptions.ts';

export interface AlertStoreHarness {
  stores: AlertStores & { readonly reads: ReadStats };
  /** The state store on the same table. */
  state: StateStore;
  /** Writes an item as is, bypassing validation. */
  putRaw(item: Record<string, unknown>): Promise<void>;
  /** Log lines the stores wrote, parsed. */
  entries(): LogLine[];
  /** The stores' clock (window expiry). */
  clock: { now: Date };
}

/** Tuesday 17 November 2026, 11:20 UTC. */
export const T0 = new Date('2026-11-17T11:20:00.000Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

const alertAt = (id: string, now: Date, change: Parameters<typeof makeAlert>[0] = {}): StoredAlert => makeAlert(change, { id, now });

export function alertStoreContract(name: string, makeHarness: () => Promise<AlertStoreHarness>): void {
  describe(`alert store contract: ${name}`, () => {
    let h: AlertStoreHarness;
    let store: AlertStore;
    beforeEach(async () => {
      h = await makeHarness();
      h.clock.now = T0;
      store = h.stores.store;
    });
    const changes = () => h.entries().filter((l) => l.event === 'store.change');
    const invalid = () => h.entries().filter((l) => l.event === 'store.invalid_item');
    const create = (alert: StoredAlert, actor = 'U0ALICE') => store.create(alert.definition, alert.state, actor);

    describe('alerts', () => {
      it('creates one (definition version 1, its state as given), reads it back and logs who created it', async () => {
        const made = alertAt('al_one', T0, { name: 'Checkout watch' });
        const created = await create(made);
        expect(created).toEqual({ ...made, definitionVersion: 1 });
        expect(await store.get('al_one')).toEqual(created);
        expect(await store.getMany(['al_one', 'al_missing', 'al_one'])).toEqual([created]);
        expect(await store.get('al_missing')).toBeUndefined();
        await expect(create(made, 'U0BOB')).rejects.toBeInstanceOf(AlertExistsError);
        const [line] = changes();
        expect(line).toMatchObject({ level: 'info', actor: 'U0ALICE', action: 'alert.create', id: 'al_one', version: 1 });
        expect(line).not.toHaveProperty('before');
        expect(line?.after).toMatchObject({ project: 'shop', channelId: 'C0SHOP', name: 'Checkout watch', createdBy: 'U0ALICE' });
      });

      it('refuses an invalid definition or state (a bug upstream) and stores nothing', async () => {
        const made = alertAt('al_bad', T0);
        await expect(store.create({ ...made.definition, timeZone: 'Mars/Base' }, made.state, 'U0ALICE')).rejects.toThrow(TypeError);
        await expect(store.create(made.definition, { ...made.state, version: -1 }, 'U0ALICE')).rejects.toThrow(TypeError);
        await expect(store.create({ ...made.definition, channelId: 'not-a-channel' }, made.state, 'U0ALICE')).rejects.toThrow(TypeError);
        expect(await store.get('al_bad')).toBeUndefined();
        expect((await store.listByChannel('T0DEMO', 'C0SHOP')).items).toEqual([]);
        expect(changes()).toEqual([]);
      });

      it('lists by channel (of its workspace), by creator, by project and all (by project then id), and never a subscription', async () => {
        await create(alertAt('al_b', T0));
        await create(alertAt('al_a', T0, { project: 'acme', channelId: 'C0ACME' }), 'U0BOB');
        await create(alertAt('al_c', T0));
        await create(alertAt('al_d', T0, { teamId: 'T0OTHER' }));
        // A subscription in the same channel, on the same indexes.
        const sub = await h.state.createSubscription(subscriptionSettings({ channel: 'C0SHOP', project: 'shop' }), userActor('U0ALICE'));
        const ids = (list: StoredAlert[]) => list.map((a) => a.definition.id);
        expect(ids((await store.listByChannel('T0DEMO', 'C0SHOP')).items)).toEqual(['al_b', 'al_c']);
        expect(ids((await store.listByChannel('T0OTHER', 'C0SHOP')).items)).toEqual(['al_d']);
        expect(ids((await store.listByChannel('T0DEMO', 'C0NONE')).items)).toEqual([]);
        expect(ids((await store.listByProject('shop')).items)).toEqual(['al_b', 'al_c', 'al_d']);
        expect(ids((await store.listByProject('acme')).items)).toEqual(['al_a']);
        expect(ids((await store.listAll()).items)).toEqual(['al_a', 'al_b', 'al_c', 'al_d']);
        // Who created an alert is in its definition (makeAlert: U0ALICE), whoever wrote it to the store.
        expect(ids((await store.listByOwner('U0ALICE')).items)).toEqual(['al_a', 'al_b', 'al_c', 'al_d']);
        expect(ids((await store.listByOwner('U0BOB')).items)).toEqual([]);
        // The subscription listings see the subscription only, and nothing was mistaken for an invalid item.
        expect((await h.state.listByChannel('C0SHOP')).items.map((s) => s.id)).toEqual([sub.id]);
        expect((await h.state.listByOwner('U0ALICE')).items.map((s) => s.id)).toEqual([sub.id]);
        expect(invalid()).toEqual([]);
      });

      /** Alerts `al_0000`… straight into the table, 25 at a time (cheap: no audit, no reads). */
      async function many(count: number, change: Parameters<typeof makeAlert>[0] = {}, prefix = 'al_'): Promise<string[]> {
        const made = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
        for (let i = 0; i < made.length; i += 25) {
          await Promise.all(made.slice(i, i + 25).map((id) => h.putRaw(alertItem({ ...alertAt(id, T0, change), definitionVersion: 1 }))));
        }
        return made;
      }

      /** Every page of a listing, each read checked: one request, at most `limit` items. */
      async function pages(list: (page: { limit: number; cursor?: string }) => Promise<AlertPage>, limit: number) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let count = 0;
        do {
          const requests = h.stores.reads.requests;
          const page = await list({ limit, ...(cursor ? { cursor } : {}) });
          expect(h.stores.reads.requests - requests).toBe(1);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          expect(page.after).toHaveLength(page.items.length);
          seen.push(...page.items.map((a) => a.definition.id));
          cursor = page.cursor;
          count++;
        } while (cursor && count < 100);
        return { seen, count };
      }

      it('pages every listing through more alerts than the old cap of 500: one bounded read a page, every alert once', async () => {
        const made = await many(501);
        await many(3, { channelId: 'C0ACME', project: 'acme' }, 'al_z');
        const inShop = await pages((p) => store.listByChannel('T0DEMO', 'C0SHOP', p), 100);
        expect(inShop.seen).toEqual(made);
        expect(inShop.count).toBeGreaterThanOrEqual(6);
        expect((await pages((p) => store.listByProject('shop', p), 100)).seen).toEqual(made);
        expect((await pages((p) => store.listByOwner('U0ALICE', p), 100)).seen).toHaveLength(504);
        const all = await pages((p) => store.listAll(p), 100);
        expect(all.seen).toEqual(['al_z0000', 'al_z0001', 'al_z0002', ...made]);
        // Without a page request: the first 25, and a cursor to go on.
        const first = await store.listByChannel('T0DEMO', 'C0SHOP');
        expect(first.items.map((a) => a.definition.id)).toEqual(made.slice(0, 25));
        expect(first.cursor).toBeDefined();
        // A page in the middle starts right after the row whose `after` it is given.
        const from = await store.listByChannel('T0DEMO', 'C0SHOP', { limit: 2, cursor: first.after[9]! });
        expect(from.items.map((a) => a.definition.id)).toEqual(made.slice(10, 12));
        expect(invalid()).toEqual([]);
        // 500 writes to moto, then some 30 Queries: more than a test's usual 20 s on a loaded machine.
      }, 90_000);

      it('refuses a cursor of another listing, a forged one, or one outside the listing (bad_cursor)', async () => {
        await many(4);
        await many(2, { teamId: 'T0OTHER' }, 'al_t');
        const channel = await store.listByChannel('T0DEMO', 'C0SHOP', { limit: 1 });
        const project = await store.listByProject('shop', { limit: 1 });
        const cursors = { channel: channel.cursor!, project: project.cursor! };
        const refused = (run: Promise<unknown>) => expect(run).rejects.toMatchObject({ code: 'bad_cursor' });
        await refused(store.listByOwner('U0ALICE', { cursor: cursors.channel }));
        await refused(store.listByChannel('T0DEMO', 'C0ACME', { cursor: cursors.channel }));
        await refused(store.listByChannel('T0OTHER', 'C0SHOP', { cursor: cursors.channel }));
        await refused(store.listAll({ cursor: cursors.project }));
        await refused(store.listByProject('acme', { cursor: cursors.project }));
        await refused(store.listByChannel('T0DEMO', 'C0SHOP', { cursor: 'Zm9yZ2Vk' }));
        // The other workspace's alerts in the same channel id are never listed here, and its cursor stays its own.
        const other = await pages((p) => store.listByChannel('T0OTHER', 'C0SHOP', p), 1);
        expect(other.seen).toEqual(['al_t0000', 'al_t0001']);
        // What it continues with is still a good cursor of its own listing.
        expect((await store.listByChannel('T0DEMO', 'C0SHOP', { cursor: cursors.channel })).items.map((a) => a.definition.id)).toEqual([
          'al_0001',
          'al_0002',
          'al_0003',
        ]);
      });

      it('a cursor whose alert was deleted meanwhile goes on after it: nothing repeated, nothing skipped', async () => {
        await many(6);
        const first = await store.listByProject('shop', { limit: 2 });
        expect(await store.delete('al_0001', 'U0ALICE')).toBe(true);
        expect(await store.delete('al_0002', 'U0ALICE')).toBe(true);
        const rest = await pages((p) => store.listByProject('shop', { ...p, ...(p.cursor ? {} : { cursor: first.cursor! }) }), 2);
        expect(rest.seen).toEqual(['al_0003', 'al_0004', 'al_0005']);
        expect((await store.listByChannel('T0DEMO', 'C0SHOP', { limit: 10 })).cursor).toBeUndefined();
      });

      it('an edit bumps the definition version, keeps the state unless it starts over, and logs only what changed', async () => {
        const created = await create(alertAt('al_edit', T0));
        const renamed = editAlert(created, { ...SHOP_ALERT, name: 'Night watch' }, { actor: 'U0BOB', now: at(5) });
        if (!renamed.ok) throw new Error('invalid edit');
        expect(renamed.value.state).toBeUndefined();
        const edited = await store.updateDefinition('al_edit', renamed.value.definition, 'U0BOB');
        expect(edited).toMatchObject({ definitionVersion: 2, definition: { name: 'Night watch', updatedBy: 'U0BOB' } });
        expect(edited?.state).toEqual(created.state);
        expect(await store.get('al_edit')).toEqual(edited);
        expect(changes().at(-1)).toMatchObject({
          actor: 'U0BOB',
          action: 'alert.update',
          id: 'al_edit',
          version: 2,
          before: { name: null, updatedBy: null, updatedAt: null },
          after: { name: 'Night watch', updatedBy: 'U0BOB', updatedAt: at(5).toISOString() },
        });

        // A new threshold changes what is watched: the state starts over (its version still moves on).
        const fired: AlertState = { ...edited!.state, status: 'firing', breachStreak: 3 };
        const saved = await store.saveState('al_edit', edited!.state.version, fired);
        const retuned = editAlert(
          { ...edited!, state: saved! },
          { ...SHOP_ALERT, name: 'Night watch', condition: { kind: 'threshold', direction: 'below', value: 0.7 } },
          { actor: 'U0BOB', now: at(6) },
        );
        if (!retuned.ok || !retuned.value.state) throw new Error('expected a fresh state');
        const reset = await store.updateDefinition('al_edit', retuned.value.definition, 'U0BOB', { state: retuned.value.state });
        expect(reset?.state).toMatchObject({
          status: 'ok',
          breachStreak: 0,
          version: saved!.version + 1,
          nextCheckAt: at(6).toISOString(),
        });
        expect(changes().at(-1)).toMatchObject({ action: 'alert.update', stateReset: true, version: 3 });
      });

      it('an edit naming a stale version is refused; a missing alert is undefined; an id never changes', async () => {
        const created = await create(alertAt('al_stale', T0));
        await store.updateDefinition('al_stale', muteAlert(created, 24, { actor: 'U0ALICE', now: at(1) }), 'U0ALICE', {
          expectedVersion: 1,
        });
        const late = muteAlert(created, 2, { actor: 'U0BOB', now: at(2) });
        await expect(store.updateDefinition('al_stale', late, 'U0BOB', { expectedVersion: 1 })).rejects.toBeInstanceOf(AlertConflictError);
        await expect(store.delete('al_stale', 'U0BOB', { expectedVersion: 1 })).rejects.toBeInstanceOf(AlertConflictError);
        expect((await store.get('al_stale'))?.definition.mutedUntil).toBe(new Date(at(1).getTime() + 24 * 3_600_000).toISOString());
        expect(await store.updateDefinition('al_gone', { ...late, id: 'al_gone' }, 'U0BOB')).toBeUndefined();
        await expect(store.updateDefinition('al_stale', { ...late, id: 'al_other' }, 'U0BOB')).rejects.toThrow(TypeError);
        await expect(store.updateDefinition('al_stale', { ...late, timeZone: 'Mars/Base' }, 'U0BOB')).rejects.toThrow(TypeError);
      });

      it('pausing takes it out of the due index; resuming makes it due at once', async () => {
        const created = await create(alertAt('al_pause', T0));
        const paused = setPaused(created, true, { actor: 'U0ALICE', now: at(1) });
        await store.updateDefinition('al_pause', paused.definition, 'U0ALICE');
        const lease = { limit: 10, leaseUntil: at(30) };
        expect(await store.claimDue(at(60 * 24), lease)).toEqual([]);
        // A check still running writes its state meanwhile: it stays out of the index.
        const current = (await store.get('al_pause'))!;
        await store.saveState('al_pause', current.state.version, { ...current.state, nextCheckAt: at(2).toISOString() });
        expect(await store.claimDue(at(60 * 24), lease)).toEqual([]);

        const resumed = setPaused((await store.get('al_pause'))!, false, { actor: 'U0BOB', now: at(90) });
        await store.updateDefinition('al_pause', resumed.definition, 'U0BOB', { ...(resumed.state ? { state: resumed.state } : {}) });
        expect((await store.claimDue(at(89), lease)).map((a) => a.definition.id)).toEqual([]);
        expect((await store.claimDue(at(90), { limit: 10, leaseUntil: at(105) })).map((a) => a.definition.id)).toEqual(['al_pause']);
      });

      it('claims what is due, earliest first, at most `limit`, once per lease, reading only what is due', async () => {
        // 20 alerts due tomorrow, 5 due now (at different times).
        for (let i = 0; i < 20; i++) await create(alertAt(`al_later${String(i).padStart(2, '0')}`, at(60 * 24)));
        for (const [i, minutes] of [10, -30, 5, -10, 0].entries()) await create(alertAt(`al_due${i}`, at(minutes)));
        const lease = at(10 + 15);
        const before = { ...h.stores.reads };
        const first = await store.claimDue(at(10), { limit: 3, leaseUntil: lease });
        expect(first.map((a) => a.definition.id)).toEqual(['al_due1', 'al_due3', 'al_due4']);
        expect(h.stores.reads.items - before.items).toBeLessThanOrEqual(3);
        for (const a of first) {
          expect(a.state).toMatchObject({ nextCheckAt: lease.toISOString(), version: 1 });
          expect((await store.get(a.definition.id))?.state).toEqual(a.state);
        }
        // The rest of what is due, then nothing until the leases run out.
        expect((await store.claimDue(at(10), { limit: 100, leaseUntil: lease })).map((a) => a.definition.id)).toEqual([
          'al_due2',
          'al_due0',
        ]);
        expect(await store.claimDue(at(11), { limit: 100, leaseUntil: at(40) })).toEqual([]);
        const again = await store.claimDue(lease, { limit: 100, leaseUntil: at(60) });
        expect(again.map((a) => a.definition.id).sort()).toEqual(['al_due0', 'al_due1', 'al_due2', 'al_due3', 'al_due4']);
        expect(again.every((a) => a.state.version === 2)).toBe(true);
      });

      it('writes a state only over the version it read: of two checks begun from one version, the second loses', async () => {
        const created = await create(alertAt('al_state', T0));
        const next = { ...created.state, status: 'firing' as const, lastWindowEnd: '2026-11-17T11:00:00.000Z' };
        const saved = await store.saveState('al_state', 0, next);
        expect(saved).toEqual({ ...next, version: 1 });
        expect(await store.saveState('al_state', 0, { ...created.state, status: 'ok' })).toBeUndefined();
        expect(await store.saveState('al_gone', 0, created.state)).toBeUndefined();
        expect((await store.get('al_state'))?.state).toEqual(saved);
        await expect(store.saveState('al_state', 1, { ...next, breachStreak: -1 })).rejects.toThrow(TypeError);
        // A definition change does not move the state's version: a check that read before it still writes.
        const renamed = await store.updateDefinition('al_state', { ...created.definition, name: 'Renamed' }, 'U0ALICE');
        expect(await store.saveState('al_state', 1, { ...next, okStreak: 1 })).toMatchObject({ version: 2 });
        expect(await store.get('al_state')).toMatchObject({
          definition: { name: 'Renamed' },
          definitionVersion: renamed!.definitionVersion,
        });
        // No state write ever logs a definition change.
        expect(changes().map((l) => l.action)).toEqual(['alert.create', 'alert.update']);
      });

      it('deletes it, logging what was deleted', async () => {
        const created = await create(alertAt('al_del', T0));
        expect(await store.delete('al_del', 'U0ADMIN', { expectedVersion: 1 })).toBe(true);
        expect(await store.delete('al_del', 'U0ADMIN')).toBe(false);
        expect(await store.get('al_del')).toBeUndefined();
        expect(await store.claimDue(at(60), { limit: 10, leaseUntil: at(75) })).toEqual([]);
        const line = changes().at(-1);
        expect(line).toMatchObject({ actor: 'U0ADMIN', action: 'alert.delete', id: 'al_del' });
        expect(line?.before).toMatchObject({ id: 'al_del', project: created.definition.project });
        expect(line).not.toHaveProperty('after');
      });

      it('an invalid stored alert is logged and skipped everywhere, never thrown', async () => {
        const good = await create(alertAt('al_good', T0));
        const broken = alertItem({ ...alertAt('al_broken', T0), definitionVersion: 1 });
        await h.putRaw({ ...broken, definition: { ...(broken.definition as object), timeZone: 'Mars/Base' } });
        const mismatched = alertItem({ ...alertAt('al_mismatch', T0), definitionVersion: 1 });
        await h.putRaw({ ...mismatched, dueAt: '2020-01-01T00:00:00.000Z' });
        await h.putRaw({ ...alertItem({ ...alertAt('al_shape', T0), definitionVersion: 1 }), state: 'firing' });
        expect(await store.get('al_broken')).toBeUndefined();
        expect(await store.getMany(['al_good', 'al_broken', 'al_mismatch', 'al_shape'])).toEqual([good]);
        expect((await store.listByChannel('T0DEMO', 'C0SHOP')).items.map((a) => a.definition.id)).toEqual(['al_good']);
        expect((await store.claimDue(at(60), { limit: 10, leaseUntil: at(75) })).map((a) => a.definition.id)).toEqual(['al_good']);
        const pks = new Set(invalid().map((l) => l.pk));
        expect(pks).toEqual(new Set(['ALERT#al_broken', 'ALERT#al_mismatch', 'ALERT#al_shape']));
        expect(invalid()[0]).toMatchObject({ level: 'error', sk: 'ALERT' });
        expect(JSON.stringify(invalid())).not.toContain('Mars/Base');
      });
    });

    describe('checked windows', () => {
      const snapshot = (start: string, end: string, projectId = 'proj_demo_shop'): WindowSnapshot => ({
        projectId,
        start,
        end,
        fetchedAt: T0.toISOString(),
        requested: ['conversations', 'understoodMessages'],
        data: {
          conversations: 12,
          messages: { total: 80, missed: 9 },
          totalCost: { amount: 1.25, currency: 'EUR' },
          tokens: [{ key: 'gpt-4o-mini', label: 'gpt-4o-mini', count: 5120 }],
          misunderstood: null,
          topics: [],
          countries: null,
        },
      });
      const w1 = snapshot('2026-11-17T10:00:00.000Z', '2026-11-17T11:00:00.000Z');
      const w2 = snapshot('2026-11-10T10:00:00.000Z', '2026-11-10T11:00:00.000Z');

      it('keeps snapshots per project and window, answers in the order asked, and forgets them after 35 days', async () => {
        const { windows } = h.stores;
        await windows.put([w1, w2, snapshot(w1.start, w1.end, 'proj_demo_text')]);
        const missing = { start: '2026-11-03T10:00:00.000Z', end: '2026-11-03T11:00:00.000Z' };
        expect(await windows.get('proj_demo_shop', [w1, missing, w2, w1])).toEqual([w1, undefined, w2, w1]);
        // The same window written in another ISO form is the same window.
        expect(await windows.get('proj_demo_shop', [{ start: '2026-11-17T11:00:00+01:00', end: '2026-11-17T12:00:00+01:00' }])).toEqual([
          w1,
        ]);
        expect((await windows.get('proj_demo_text', [w1, w2])).map((s) => s?.projectId)).toEqual(['proj_demo_text', undefined]);
        // A window checked again replaces the old numbers.
        await windows.put([{ ...w1, data: { ...w1.data, conversations: 13 } }]);
        expect((await windows.get('proj_demo_shop', [w1]))[0]?.data.conversations).toBe(13);
        h.clock.now = new Date(T0.getTime() + 35 * 86_400_000 + 1000);
        expect(await windows.get('proj_demo_shop', [w1, w2])).toEqual([undefined, undefined]);
      });

      it('refuses an invalid snapshot (writing none of the batch) and skips an invalid stored one', async () => {
        const { windows } = h.stores;
        await expect(windows.put([w2, { ...w1, data: { ...w1.data, conversations: -3 } }])).rejects.toThrow(TypeError);
        expect(await windows.get('proj_demo_shop', [w2])).toEqual([undefined]);
        await windows.put([w1]);
        await h.putRaw({
          pk: 'ALERTPROJ#proj_demo_shop',
          sk: 'WIN#2026-11-10T10:00:00.000Z/2026-11-10T11:00:00.000Z',
          entity: 'alert_window',
          schema: 1,
          snapshot: { ...w2, requested: 'everything' },
          expiresAt: 4_000_000_000,
        });
        expect(await windows.get('proj_demo_shop', [w1, w2])).toEqual([w1, undefined]);
        expect(invalid()).toEqual([
          expect.objectContaining({ pk: 'ALERTPROJ#proj_demo_shop', sk: expect.stringMatching(/^WIN#2026-11-10/) }),
        ]);
      });
    });

    describe('ChatDash outages', () => {
      const failed = (hour: number) => ({
        ok: false,
        error: 'unavailable',
        window: {
          start: `2026-11-17T${String(hour).padStart(2, '0')}:00:00.000Z`,
          end: `2026-11-17T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
        },
        now: new Date(`2026-11-17T${String(hour + 1).padStart(2, '0')}:07:00.000Z`),
      });

      it('keeps a record per project, replaced as a whole, and cleared when ChatDash answers', async () => {
        const { outages } = h.stores;
        const first = await outages.updateOutage('proj_demo_shop', (previous) => recordChatDashCheck(previous, failed(9)));
        expect(first.before).toBeUndefined();
        expect(first.after).toMatchObject({ failures: 1, since: '2026-11-17T09:00:00.000Z', lastError: 'unavailable' });
        const second = await outages.updateOutage('proj_demo_shop', (previous) => recordChatDashCheck(previous, failed(10)));
        expect(second).toEqual({
          before: first.after,
          after: { ...first.after, failures: 2, lastWindowEnd: '2026-11-17T11:00:00.000Z', lastFailedAt: '2026-11-17T11:07:00.000Z' },
        });
        // Another project has its own.
        expect((await outages.updateOutage('proj_demo_text', (previous) => previous)).before).toBeUndefined();
        // Nothing to change: nothing written.
        expect(await outages.updateOutage('proj_demo_shop', (previous) => previous)).toEqual({ before: second.after, after: second.after });
        const cleared = await outages.updateOutage('proj_demo_shop', (previous) =>
          recordChatDashCheck(previous, { ...failed(11), ok: true }),
        );
        expect(cleared).toEqual({ before: second.after });
        expect((await outages.updateOutage('proj_demo_shop', (previous) => previous)).before).toBeUndefined();
        await expect(outages.updateOutage('proj_demo_shop', () => ({ ...second.after!, failures: 0 }))).rejects.toThrow(TypeError);
      });
    });
  });
}
