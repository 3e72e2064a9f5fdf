/**
 * The state store's contract: one suite that every implementation passes (in memory, and DynamoDB on moto). Each
 * test gets a fresh, empty store whose clock it controls.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nextRunAfter } from '../../src/schedule/next-run.ts';
import { bindingItem } from '../../src/store/binding-item.ts';
import { encodeCursor } from '../../src/store/cursor.ts';
import { isStoreError, type RuntimeSubscription, type StateStore, StoreError, systemActor, userActor } from '../../src/store/store.ts';
import { subscriptionItem } from '../../src/store/subscription-item.ts';
import type { LogLine } from './log.ts';
import { subscriptionSettings } from './subscriptions.ts';

export interface StoreHarness {
  store: StateStore;
  /** Writes an item as is, bypassing validation. */
  putRaw(item: Record<string, unknown>): Promise<void>;
  /** Log lines the store wrote, parsed. */
  entries(): LogLine[];
  clock: { now: Date };
  /** How many requests the store has sent to where it keeps its items (DynamoDB: every API call, failed ones too). */
  requests(): number;
}

export const ALICE = userActor('U0ALICE');
export const BOB = userActor('U0BOB');
export const ADMIN = userActor('U0ADMIN');

/** Thursday 19 November 2026, 10:00 UTC. */
export const T0 = new Date('2026-11-19T10:00:00.000Z');

export const settings = subscriptionSettings;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function all<T>(list: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

export function storeContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`state store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: StateStore;
    beforeEach(async () => {
      h = await makeHarness();
      h.clock.now = T0;
      store = h.store;
    });
    const changes = () => h.entries().filter((l) => l.event === 'store.change');

    describe('subscriptions', () => {
      it('creates one with a fresh id, version 1 and its next run, and logs who created it', async () => {
        const created = await store.createSubscription(settings({ locale: 'en-GB', sections: ['headline', 'trend'] }), ALICE);
        expect(created.id).toMatch(/^sub_[a-z0-9]{12}$/);
        expect(created).toMatchObject({
          project: 'acme',
          channel: 'C0ACME',
          owner: 'U0ALICE',
          createdBy: 'U0ALICE',
          updatedBy: 'U0ALICE',
          version: 1,
          locale: 'en-GB',
          sections: ['headline', 'trend'],
          createdAt: T0.toISOString(),
          // Monday 23 November, 09:00 in Paris (UTC+1).
          nextRunAt: '2026-11-23T08:00:00.000Z',
        });
        expect(created.paused).toBeUndefined();
        expect(await store.getSubscription(created.id)).toEqual(created);
        const [line] = changes();
        expect(line).toMatchObject({ actor: 'U0ALICE', action: 'subscription.create', id: created.id });
        expect(line).not.toHaveProperty('before');
        expect(line?.after).toMatchObject({ project: 'acme', schedule: '0 9 * * MON', nextRunAt: '2026-11-23T08:00:00.000Z' });
      });

      it('refuses to write invalid settings (a bug upstream) and stores nothing', async () => {
        await expect(store.createSubscription(settings({ schedule: '0 9 * MON' }), ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription(settings({ timeZone: 'Mars/Base' }), ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription(settings(), systemActor('worker'))).rejects.toThrow(TypeError);
        expect((await store.listByChannel('C0ACME')).items).toEqual([]);
      });

      it('an edit names its version: it applies, bumps the version and logs only what changed', async () => {
        const created = await store.createSubscription(settings({ locale: 'en-GB' }), ALICE);
        h.clock.now = new Date('2026-11-19T11:00:00.000Z');
        const edited = await store.updateSubscription(created.id, { period: 'last 7 days', locale: null }, BOB, 1);
        expect(edited).toMatchObject({ version: 2, period: 'last 7 days', updatedBy: 'U0BOB', updatedAt: '2026-11-19T11:00:00.000Z' });
        expect(edited.locale).toBeUndefined();
        // The schedule did not change: neither did the next run.
        expect(edited.nextRunAt).toBe(created.nextRunAt);
        expect(await store.getSubscription(created.id)).toEqual(edited);
        const line = changes().at(-1);
        expect(line).toMatchObject({ actor: 'U0BOB', action: 'subscription.update', id: created.id });
        expect(line?.before).toEqual({ period: 'last week', locale: 'en-GB' });
        expect(line?.after).toEqual({ period: 'last 7 days', locale: null });
      });

      it('a new schedule or time zone moves the next run (from now)', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const daily = await store.updateSubscription(created.id, { schedule: '30 7 * * *', timeZone: 'America/New_York' }, ALICE, 1);
        expect(daily.nextRunAt).toBe(nextRunAfter('30 7 * * *', 'America/New_York', T0));
        expect(daily.nextRunAt).toBe('2026-11-19T12:30:00.000Z');
        const due = await store.dueSubscriptions(new Date('2026-11-19T12:30:00.000Z'), 10);
        expect(due.map((s) => s.id)).toEqual([created.id]);
      });

      it('a stale version is refused (version_conflict): of two edits begun from one version, the second loses', async () => {
        // (Writes that really race are covered for DynamoDB in dynamo-race.test.ts: moto does not serialise them.)
        const created = await store.createSubscription(settings(), ALICE);
        const first = await store.updateSubscription(created.id, { period: 'last month' }, ALICE, 1);
        expect(first.version).toBe(2);
        const stale = await rejection(store.updateSubscription(created.id, { period: 'this month' }, ADMIN, 1));
        expect(stale).toBeInstanceOf(StoreError);
        expect(isStoreError(stale, 'version_conflict')).toBe(true);
        expect(await store.getSubscription(created.id)).toMatchObject({ version: 2, period: 'last month' });
        expect((await rejection(store.updateSubscription('sub_doesnotexist', { period: '7d' }, ALICE, 1))) as StoreError).toMatchObject({
          code: 'not_found',
        });
      });

      it('pausing takes it out of the due index; resuming restarts from now (missed runs are not caught up)', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const paused = await store.pauseSubscription(created.id, 'user', ALICE, 1);
        expect(paused).toMatchObject({ version: 2, paused: { at: T0.toISOString(), reason: 'user', by: 'U0ALICE' } });
        expect(paused.nextRunAt).toBeUndefined();
        // Pausing again changes nothing.
        expect(await store.pauseSubscription(created.id, 'user', ADMIN)).toEqual(paused);
        expect(await store.dueSubscriptions(new Date('2026-12-31T00:00:00.000Z'), 10)).toEqual([]);
        // An edit of a paused subscription keeps it paused, with no next run.
        const edited = await store.updateSubscription(created.id, { schedule: '0 8 * * *' }, ALICE, 2);
        expect(edited.paused).toBeDefined();
        expect(edited.nextRunAt).toBeUndefined();

        h.clock.now = new Date('2026-12-02T10:00:00.000Z');
        const resumed = await store.resumeSubscription(created.id, ADMIN, 3);
        expect(resumed.paused).toBeUndefined();
        expect(resumed).toMatchObject({ version: 4, updatedBy: 'U0ADMIN', nextRunAt: '2026-12-03T07:00:00.000Z' });
        const due = await store.dueSubscriptions(new Date('2026-12-03T07:00:00.000Z'), 10);
        expect(due.map((s) => s.id)).toEqual([created.id]);
        expect(changes().map((l) => l.action)).toEqual([
          'subscription.create',
          'subscription.pause',
          'subscription.update',
          'subscription.resume',
        ]);
      });

      it('the worker pauses with its reason, and the version moves (an edit begun before it must start again)', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const paused = await store.pauseSubscription(created.id, 'bot_removed', systemActor('worker'));
        expect(paused.paused).toEqual({ at: T0.toISOString(), reason: 'bot_removed' });
        expect(paused.updatedBy).toBe('system:worker');
        expect(changes().at(-1)).toMatchObject({ actor: 'system:worker', action: 'subscription.pause' });
        await expect(store.updateSubscription(created.id, { period: '7d' }, ALICE, 1)).rejects.toMatchObject({ code: 'version_conflict' });
      });

      it('deletes with the version it saw; what was deleted is returned and logged', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        await store.updateSubscription(created.id, { period: '7d' }, ALICE, 1);
        await expect(store.deleteSubscription(created.id, ADMIN, 1)).rejects.toMatchObject({ code: 'version_conflict' });
        const deleted = await store.deleteSubscription(created.id, ADMIN, 2);
        expect(deleted.period).toBe('7d');
        expect(await store.getSubscription(created.id)).toBeUndefined();
        await expect(store.deleteSubscription(created.id, ADMIN)).rejects.toMatchObject({ code: 'not_found' });
        expect(changes().at(-1)).toMatchObject({ actor: 'U0ADMIN', action: 'subscription.delete' });
        expect(changes().at(-1)).not.toHaveProperty('after');
      });

      it('lists by channel, by owner and all (grouped by project), in bounded pages', async () => {
        const made: RuntimeSubscription[] = [];
        for (let i = 0; i < 7; i++) {
          made.push(
            await store.createSubscription(
              settings({
                channel: i < 5 ? 'C0ACME' : 'C0OTHER',
                owner: i % 2 === 0 ? 'U0ALICE' : 'U0BOB',
                project: i % 3 === 0 ? 'bella' : 'acme',
              }),
              i % 2 === 0 ? ALICE : BOB,
            ),
          );
        }
        const ids = (list: RuntimeSubscription[]) => list.map((s) => s.id);
        const inAcme = await all((cursor) => store.listByChannel('C0ACME', { limit: 2, ...(cursor ? { cursor } : {}) }));
        expect(inAcme.pages).toBeGreaterThanOrEqual(3);
        expect(ids(inAcme.items).sort()).toEqual(ids(made.slice(0, 5)).sort());
        const bob = await all((cursor) => store.listByOwner('U0BOB', { limit: 2, ...(cursor ? { cursor } : {}) }));
        expect(ids(bob.items).sort()).toEqual(ids(made.filter((s) => s.owner === 'U0BOB')).sort());
        const everything = await all((cursor) => store.listAll({ limit: 3, ...(cursor ? { cursor } : {}) }));
        expect(everything.items).toHaveLength(7);
        expect(everything.items.map((s) => s.project)).toEqual(['acme', 'acme', 'acme', 'acme', 'bella', 'bella', 'bella']);
        // A page is never larger than 100, whatever is asked.
        expect((await store.listAll({ limit: 10_000 })).items).toHaveLength(7);
      });

      it('refuses, before any read, a cursor of another listing, another channel, a forged one or one outside the listing (bad_cursor)', async () => {
        for (let i = 0; i < 3; i++) await store.createSubscription(settings(), ALICE);
        await store.createSubscription(settings({ owner: 'U0BOB' }), BOB);
        for (const project of ['acme', 'bella']) await store.bindChannel('C0ACME', project, ADMIN);
        const cursors = {
          channel: (await store.listByChannel('C0ACME', { limit: 1 })).cursor!,
          owner: (await store.listByOwner('U0ALICE', { limit: 1 })).cursor!,
          all: (await store.listAll({ limit: 1 })).cursor!,
          bindings: (await store.listBindings({ limit: 1 })).cursor!,
        };
        for (const cursor of Object.values(cursors)) expect(cursor).toBeDefined();
        /** A cursor as a forger would edit it: its key's fields, some of them changed. */
        const edited = (cursor: string, change: Record<string, string>) =>
          encodeCursor({ ...(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, string>), ...change });
        const refusals: Array<[string, () => Promise<unknown>]> = [
          ['another channel', () => store.listByChannel('C0OTHER', { cursor: cursors.channel })],
          ['the channel’s, listing an owner', () => store.listByOwner('U0ALICE', { cursor: cursors.channel })],
          ['the owner’s, listing a channel', () => store.listByChannel('C0ACME', { cursor: cursors.owner })],
          ['another owner', () => store.listByOwner('U0BOB', { cursor: cursors.owner })],
          ['the bindings’, listing all', () => store.listAll({ cursor: cursors.bindings })],
          ['all’s, listing the bindings', () => store.listBindings({ cursor: cursors.all })],
          ['not a cursor', () => store.listByChannel('C0ACME', { cursor: 'not a cursor' })],
          ['base64 of no JSON', () => store.listByChannel('C0ACME', { cursor: 'Zm9yZ2Vk' })],
          ['a field too many', () => store.listByChannel('C0ACME', { cursor: edited(cursors.channel, { extra: 'y' }) })],
          // In the channel's partition, but an alert's sort key: outside the listing (DynamoDB would refuse the Query).
          [
            'an alert’s sort key in the channel',
            () =>
              store.listByChannel('C0ACME', { cursor: edited(cursors.channel, { pk: 'ALERT#al_x', sk: 'ALERT', itemKey: 'ALERT#al_x' }) }),
          ],
          [
            'an alert’s sort key of the owner',
            () => store.listByOwner('U0ALICE', { cursor: edited(cursors.owner, { itemKey: 'ALERT#al_x' }) }),
          ],
        ];
        const before = h.requests();
        for (const [what, list] of refusals) {
          const error = await rejection(list());
          expect(isStoreError(error, 'bad_cursor'), `${what}: ${String(error)}`).toBe(true);
        }
        expect(h.requests() - before).toBe(0);
        // Each listing's own cursor still goes on where it left off.
        expect((await store.listByChannel('C0ACME', { cursor: cursors.channel })).items).toHaveLength(3);
        expect((await store.listByOwner('U0ALICE', { cursor: cursors.owner })).items).toHaveLength(2);
        expect((await store.listAll({ cursor: cursors.all })).items).toHaveLength(3);
        expect((await store.listBindings({ cursor: cursors.bindings })).items.map((b) => b.project)).toEqual(['bella']);
      });

      it('finds what is due by reading only what is due: 10 due among 200, oldest first', async () => {
        // 190 weekly on Mondays, 10 daily at 10:0x UTC (the clock says Thursday 10:00).
        for (let i = 0; i < 190; i++) await store.createSubscription(settings({ channel: `C0CH${i % 20}` }), ALICE);
        h.clock.now = new Date('2026-11-19T11:00:00.000Z');
        const due: RuntimeSubscription[] = [];
        for (let i = 0; i < 10; i++) {
          due.push(await store.createSubscription(settings({ schedule: `${i} 10 * * *`, timeZone: 'UTC', channel: 'C0DAILY' }), BOB));
        }
        const paused = await store.createSubscription(settings({ schedule: '5 10 * * *', timeZone: 'UTC' }), BOB);
        await store.pauseSubscription(paused.id, 'user', BOB);
        const before = { ...store.reads };
        const found = await store.dueSubscriptions(new Date('2026-11-20T10:30:00.000Z'), 1000);
        expect(found.map((s) => s.id).sort()).toEqual(due.map((s) => s.id).sort());
        expect(found.map((s) => s.nextRunAt)).toEqual([...found.map((s) => s.nextRunAt)].sort());
        expect(store.reads.items - before.items).toBe(10);
        // A limit bounds one tick's work; the rest stays due for the next.
        expect(await store.dueSubscriptions(new Date('2026-11-20T10:30:00.000Z'), 4)).toHaveLength(4);
        expect(await store.dueSubscriptions(new Date('2026-11-20T10:04:59.999Z'), 100)).toHaveLength(5);
      });

      it('advances a next run only from the value it read, and never on a paused subscription', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const from = created.nextRunAt!;
        const to = '2026-11-30T08:00:00.000Z';
        expect(await store.advanceNextRun(created.id, from, to)).toBe(true);
        // A second tick that read the old value loses.
        expect(await store.advanceNextRun(created.id, from, to)).toBe(false);
        const stored = await store.getSubscription(created.id);
        expect(stored).toMatchObject({ nextRunAt: to, version: 1 });
        expect(await store.dueSubscriptions(new Date('2026-11-29T00:00:00.000Z'), 10)).toEqual([]);
        expect((await store.dueSubscriptions(new Date(to), 10)).map((s) => s.id)).toEqual([created.id]);
        expect(changes().at(-1)).toMatchObject({ actor: 'system:schedule', action: 'subscription.advance', before: { nextRunAt: from } });
        // No next run any more (a cron that never runs again): out of the index.
        expect(await store.advanceNextRun(created.id, to, undefined)).toBe(true);
        expect((await store.getSubscription(created.id))?.nextRunAt).toBeUndefined();
        expect(await store.dueSubscriptions(new Date('2030-01-01T00:00:00.000Z'), 10)).toEqual([]);

        const other = await store.createSubscription(settings(), ALICE);
        await store.pauseSubscription(other.id, 'user', ALICE);
        expect(await store.advanceNextRun(other.id, other.nextRunAt!, to)).toBe(false);
        expect(await store.advanceNextRun('sub_missing0000', from, to)).toBe(false);
      });

      it('records the last delivery without moving the version, and an edit keeps it', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const posted = { result: 'posted' as const, at: '2026-11-23T08:00:05.000Z', ts: '1790000000.000100', trigger: 'schedule' as const };
        await store.recordDelivery({ source: 'runtime', id: created.id }, posted);
        expect(await store.getSubscription(created.id)).toMatchObject({ version: 1, lastDelivery: posted });
        const edited = await store.updateSubscription(created.id, { period: '7d' }, ALICE, 1);
        expect(edited.lastDelivery).toEqual(posted);
        expect((await store.getSubscription(created.id))?.lastDelivery).toEqual(posted);
        expect(changes().find((l) => l.action === 'subscription.delivery')).toMatchObject({ actor: 'system:worker' });
        // A deleted one: nothing to record, nothing thrown.
        await store.recordDelivery({ source: 'runtime', id: 'sub_gone00000000' }, posted);
        expect(await store.getSubscription('sub_gone00000000')).toBeUndefined();
        // YAML subscriptions keep theirs on a state item.
        const failed = { result: 'failed' as const, at: '2026-11-23T08:00:05.000Z', reason: 'not_in_channel' };
        expect(await store.configDelivery('acme-weekly')).toBeUndefined();
        await store.recordDelivery({ source: 'config', id: 'acme-weekly' }, failed);
        expect(await store.configDelivery('acme-weekly')).toEqual(failed);
        await expect(store.recordDelivery({ source: 'config', id: 'acme-weekly' }, { ...failed, reason: 'NOT OK!' })).rejects.toThrow(
          TypeError,
        );
      });

      it('records a delivery only if none was recorded since an instant, when asked (a late report never hides a newer one)', async () => {
        const created = await store.createSubscription(settings(), ALICE);
        const runtime = { source: 'runtime' as const, id: created.id };
        const failed = (at: string) => ({ result: 'failed' as const, at, reason: 'retries_exhausted', trigger: 'send_now' as const });
        const since = { onlyIfNoneSince: '2026-11-23T10:00:00.000Z' };
        // None yet: recorded.
        expect(await store.recordDelivery(runtime, failed('2026-11-23T10:05:00.000Z'), undefined, since)).toBe(true);
        // One since (that one): not again.
        expect(await store.recordDelivery(runtime, failed('2026-11-23T10:06:00.000Z'), undefined, since)).toBe(false);
        expect((await store.getSubscription(created.id))?.lastDelivery?.at).toBe('2026-11-23T10:05:00.000Z');
        // Only older ones: recorded.
        expect(
          await store.recordDelivery(runtime, failed('2026-11-23T10:07:00.000Z'), undefined, {
            onlyIfNoneSince: '2026-11-23T10:06:00.000Z',
          }),
        ).toBe(true);
        expect(
          await store.recordDelivery({ source: 'runtime', id: 'sub_gone00000000' }, failed('2026-11-23T10:05:00.000Z'), undefined, since),
        ).toBe(false);
        // YAML subscriptions, on their state item, alike.
        const config = { source: 'config' as const, id: 'bella-daily' };
        expect(await store.recordDelivery(config, failed('2026-11-23T10:05:00.000Z'), undefined, since)).toBe(true);
        expect(await store.recordDelivery(config, failed('2026-11-23T10:06:00.000Z'), undefined, since)).toBe(false);
        expect((await store.configDelivery('bella-daily'))?.at).toBe('2026-11-23T10:05:00.000Z');
      });

      it('one covering several projects (a list or all): stored, switched to one project and back, listed after the others', async () => {
        const { project: _one, ...rest } = settings({ channel: 'C0AGENCY', sections: undefined });
        const overview = await store.createSubscription({ ...rest, projects: ['nova', 'acme'] }, ALICE);
        expect(overview).toMatchObject({ projects: ['nova', 'acme'], version: 1, nextRunAt: '2026-11-23T08:00:00.000Z' });
        expect(overview.project).toBeUndefined();
        expect(await store.getSubscription(overview.id)).toEqual(overview);
        const single = await store.createSubscription(settings({ project: 'bella' }), BOB);
        // Grouped by project: the overviews of several come after every project.
        expect((await store.listAll()).items.map((s) => s.id)).toEqual([single.id, overview.id]);

        // To one project (with sections), then to `all`: the other field and the sections go.
        const one = await store.updateSubscription(overview.id, { project: 'acme', sections: ['headline'] }, ALICE, 1);
        expect(one).toMatchObject({ project: 'acme', sections: ['headline'], version: 2 });
        expect(one.projects).toBeUndefined();
        expect(await store.getSubscription(overview.id)).toEqual(one);
        const every = await store.updateSubscription(overview.id, { projects: 'all' }, ALICE, 2);
        expect(every).toMatchObject({ projects: 'all', version: 3 });
        expect(every.project).toBeUndefined();
        expect(every.sections).toBeUndefined();
        expect(await store.getSubscription(overview.id)).toEqual(every);
        expect(changes().at(-1)?.after).toMatchObject({ projects: 'all', project: null, sections: null });
      });

      it('refuses settings that cover nothing, both one project and several, or sections for an overview', async () => {
        const { project: _one, ...rest } = settings();
        await expect(store.createSubscription(rest, ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription({ ...rest, project: 'acme', projects: 'all' }, ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription({ ...rest, projects: 'all', sections: ['costs'] }, ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription({ ...rest, projects: ['acme', 'acme'] }, ALICE)).rejects.toThrow(TypeError);
        await expect(store.createSubscription({ ...rest, projects: [] }, ALICE)).rejects.toThrow(TypeError);
        expect((await store.listByChannel('C0ACME')).items).toEqual([]);
        // And one stored that way is skipped when read.
        const good = await store.createSubscription(settings(), ALICE);
        await h.putRaw({ ...subscriptionItem({ ...good, id: 'sub_bothkinds000' }), projects: 'all' });
        expect(await store.getSubscription('sub_bothkinds000')).toBeUndefined();
        expect(h.entries().some((l) => l.event === 'store.invalid_item' && l.pk === 'SUB#sub_bothkinds000')).toBe(true);
      });

      it('an invalid stored item is logged and skipped, never thrown', async () => {
        const good = await store.createSubscription(settings(), ALICE);
        const broken = { ...good, id: 'sub_broken000000', schedule: 'every monday', version: 1 };
        await h.putRaw(subscriptionItem(broken as RuntimeSubscription));
        const wrongShape = subscriptionItem({ ...good, id: 'sub_wrongshape00' });
        await h.putRaw({ ...wrongShape, owner: 42 });
        expect(await store.getSubscription('sub_broken000000')).toBeUndefined();
        expect((await store.listByChannel('C0ACME')).items.map((s) => s.id)).toEqual([good.id]);
        expect((await store.dueSubscriptions(new Date('2027-01-01T00:00:00.000Z'), 10)).map((s) => s.id)).toEqual([good.id]);
        const invalid = h.entries().filter((l) => l.event === 'store.invalid_item');
        expect(invalid.length).toBeGreaterThanOrEqual(3);
        expect(invalid[0]).toMatchObject({ level: 'error', pk: 'SUB#sub_broken000000', sk: 'SUB' });
        expect(JSON.stringify(invalid)).not.toContain('every monday');
      });
    });

    describe('channel bindings', () => {
      it('binds, lists, unbinds; binding twice is harmless; both are logged with the admin', async () => {
        expect(await store.bindingsOf('C0NEW')).toEqual([]);
        const first = await store.bindChannel('C0NEW', 'acme', ADMIN);
        expect(first).toEqual({
          created: true,
          binding: { channel: 'C0NEW', project: 'acme', createdAt: T0.toISOString(), createdBy: 'U0ADMIN' },
        });
        expect((await store.bindChannel('C0NEW', 'acme', ADMIN)).created).toBe(false);
        await store.bindChannel('C0NEW', 'bella', ADMIN);
        await store.bindChannel('C0ELSE', 'acme', ADMIN);
        expect((await store.bindingsOf('C0NEW')).map((b) => b.project)).toEqual(['acme', 'bella']);
        const listed = await all((cursor) => store.listBindings({ limit: 2, ...(cursor ? { cursor } : {}) }));
        expect(listed.items.map((b) => `${b.project}/${b.channel}`)).toEqual(['acme/C0ELSE', 'acme/C0NEW', 'bella/C0NEW']);
        expect(await store.unbindChannel('C0NEW', 'acme', ADMIN)).toBe(true);
        expect(await store.unbindChannel('C0NEW', 'acme', ADMIN)).toBe(false);
        expect((await store.bindingsOf('C0NEW')).map((b) => b.project)).toEqual(['bella']);
        expect(changes().map((l) => [l.action, l.actor])).toEqual([
          ['binding.create', 'U0ADMIN'],
          ['binding.create', 'U0ADMIN'],
          ['binding.create', 'U0ADMIN'],
          ['binding.delete', 'U0ADMIN'],
        ]);
        await expect(store.bindChannel('C0NEW', 'acme', systemActor('worker'))).rejects.toThrow(TypeError);
        await expect(store.bindChannel('not-a-channel', 'acme', ADMIN)).rejects.toThrow(TypeError);
      });

      it('skips (and logs) an invalid stored binding', async () => {
        await store.bindChannel('C0NEW', 'acme', ADMIN);
        await h.putRaw({
          ...bindingItem({ channel: 'C0NEW', project: 'zzz', createdAt: T0.toISOString(), createdBy: 'U0ADMIN' }),
          createdBy: 'nobody',
        });
        expect((await store.bindingsOf('C0NEW')).map((b) => b.project)).toEqual(['acme']);
        expect(h.entries().some((l) => l.event === 'store.invalid_item' && l.sk === 'BIND#zzz')).toBe(true);
      });
    });

    describe('Send-now claims', () => {
      const ref = { source: 'runtime' as const, id: 'sub_abcdefgh1234' };
      const t = T0.getTime();

      it('one claim per window; the same job may claim again; a released claim frees the next click', async () => {
        expect(await store.claimSendNow(ref, 'click-1', t, 60_000)).toEqual({ ok: true });
        expect(await store.claimSendNow(ref, 'click-2', t + 2_000, 60_000)).toEqual({ ok: false, claimedAt: t });
        expect(await store.claimSendNow(ref, 'click-1', t + 3_000, 60_000)).toEqual({ ok: true });
        // Another subscription is not affected.
        expect(await store.claimSendNow({ source: 'config', id: 'acme-weekly' }, 'click-9', t + 3_000, 60_000)).toEqual({ ok: true });
        // Only the claim's own job releases it.
        await store.releaseSendNow(ref, 'click-2');
        expect((await store.claimSendNow(ref, 'click-3', t + 4_000, 60_000)).ok).toBe(false);
        await store.releaseSendNow(ref, 'click-1');
        expect(await store.claimSendNow(ref, 'click-3', t + 5_000, 60_000)).toEqual({ ok: true });
        // After the window anyone may claim.
        expect(await store.claimSendNow(ref, 'click-4', t + 5_000 + 60_001, 60_000)).toEqual({ ok: true });
      });
    });

    describe('channel pacer', () => {
      it('hands out one slot per interval per channel, and refuses (reserving nothing) beyond the longest wait', async () => {
        const t = T0.getTime();
        const reserve = (channel: string, nowMs: number) => store.reserveSlot(channel, { nowMs, intervalMs: 1000, maxWaitMs: 1500 });
        expect(await store.nextFreeSlot('C0A')).toBe(0);
        expect(await reserve('C0A', t)).toEqual({ ok: true, at: t });
        expect(await store.nextFreeSlot('C0A')).toBe(t + 1000);
        expect(await reserve('C0A', t + 10)).toEqual({ ok: true, at: t + 1000 });
        expect(await reserve('C0B', t + 10)).toEqual({ ok: true, at: t + 10 });
        expect(await reserve('C0A', t + 20)).toEqual({ ok: false, retryInMs: 1980 });
        expect(await store.nextFreeSlot('C0A')).toBe(t + 2000);
        expect(await reserve('C0A', t + 600)).toEqual({ ok: true, at: t + 2000 });
        // Long after, the channel is free at once.
        expect(await reserve('C0A', t + 60_000)).toEqual({ ok: true, at: t + 60_000 });
      });
    });
  });
}
