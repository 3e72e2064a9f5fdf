/**
 * Writes that really race, on the DynamoDB store: moto does not serialise concurrent requests, so the race is staged
 * deterministically instead. A proxy in front of moto holds the store's write until another writer's change has
 * landed; the store's conditional write must then fail and say so (a version conflict, a pacer slot re-read).
 */
import { describe, expect, it } from 'vitest';
import { createDynamoStore } from '../../src/store/dynamo.ts';
import { pacerKey } from '../../src/store/keys.ts';
import { type RuntimeSubscription, StoreError } from '../../src/store/store.ts';
import { subscriptionItem } from '../../src/store/subscription-item.ts';
import { useStagedStateTable } from '../support/interceptor.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';
import { ADMIN, ALICE, settings, T0 } from '../support/store-contract.ts';

describe.skipIf(!motoAvailable)('DynamoDB store under real races (moto behind a staging proxy)', () => {
  const staged = useStagedStateTable();

  const storeVia = () =>
    createDynamoStore({
      tableName: staged.table.name,
      env: { ...staged.table.env, AWS_ENDPOINT_URL: staged.proxy.endpoint },
      log: recordingLog().log,
      now: () => T0,
    });

  it('an edit whose version changed between its read and its write is refused, and the other edit stays', async () => {
    const store = storeVia();
    const created = await store.createSubscription(settings(), ALICE);
    // Between Alice's read and her write, an admin's edit lands (version 2).
    staged.proxy.before('DynamoDB_20120810.UpdateItem', async () => {
      const admins: RuntimeSubscription = { ...created, period: 'this month', version: 2, updatedBy: 'U0ADMIN' };
      await staged.table.putRaw(subscriptionItem(admins));
    });
    const error = await store.updateSubscription(created.id, { period: 'last month' }, ALICE, 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('version_conflict');
    expect(await store.getSubscription(created.id)).toMatchObject({ period: 'this month', version: 2 });
  });

  it('a delete whose version changed meanwhile is refused; one of a subscription deleted meanwhile is not_found', async () => {
    const store = storeVia();
    const created = await store.createSubscription(settings(), ALICE);
    staged.proxy.before('DynamoDB_20120810.DeleteItem', async () => {
      await staged.table.putRaw(subscriptionItem({ ...created, version: 2 }));
    });
    await expect(store.deleteSubscription(created.id, ADMIN)).rejects.toMatchObject({ code: 'version_conflict' });

    const other = await store.createSubscription(settings(), ALICE);
    staged.proxy.before('DynamoDB_20120810.UpdateItem', async () => {
      await createDynamoStore({ tableName: staged.table.name, env: staged.table.env, log: recordingLog().log }).deleteSubscription(
        other.id,
        ADMIN,
      );
    });
    await expect(store.pauseSubscription(other.id, 'user', ALICE)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a pacer slot taken between the read and the write is not handed out twice: the loser gets the next one', async () => {
    const store = storeVia();
    const t = T0.getTime();
    await store.reserveSlot('C0RACE', { nowMs: t, intervalMs: 1000, maxWaitMs: 5000 });
    // Another worker reserves t+1000 after our read of the pacer, before our write.
    staged.proxy.before('DynamoDB_20120810.PutItem', async () => {
      await staged.table.putRaw({ ...pacerKey('C0RACE'), entity: 'pacer', nextFreeAt: t + 2000, expiresAt: 0 });
    });
    expect(await store.reserveSlot('C0RACE', { nowMs: t, intervalMs: 1000, maxWaitMs: 5000 })).toEqual({ ok: true, at: t + 2000 });
  });
});
