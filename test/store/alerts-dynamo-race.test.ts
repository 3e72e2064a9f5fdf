/**
 * The DynamoDB alert stores under real races, staged through a proxy in front of moto (`interceptor.ts`): an edit
 * and a check landing between each other's read and write never overwrite each other, a stale edit is refused, two
 * ticks claim an alert once, and two checks count a ChatDash failure twice, not once.
 */
import { describe, expect, it } from 'vitest';
import { editAlert } from '../../src/alerts/lifecycle.ts';
import { recordChatDashCheck } from '../../src/alerts/outage.ts';
import { AlertConflictError } from '../../src/alerts/store.ts';
import { createDynamoAlertStores } from '../../src/store/alerts-dynamo.ts';
import { makeAlert, SHOP_ALERT } from '../support/alert-input.ts';
import { T0 } from '../support/alert-store-contract.ts';
import { useStagedStateTable } from '../support/interceptor.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable } from '../support/moto.ts';

const UPDATE = 'DynamoDB_20120810.UpdateItem';

describe.skipIf(!motoAvailable)('DynamoDB alert stores under real races (moto behind a staging proxy)', () => {
  const staged = useStagedStateTable();

  const log = recordingLog().log;
  /** The stores under test, through the proxy; `other` writes straight to moto. */
  const via = () =>
    createDynamoAlertStores({ tableName: staged.table.name, env: { ...staged.table.env, AWS_ENDPOINT_URL: staged.proxy.endpoint }, log });
  const other = () => createDynamoAlertStores({ tableName: staged.table.name, env: staged.table.env, log });
  let n = 0;
  const fresh = async (now = T0) => {
    const made = makeAlert({}, { id: `al_race${++n}`, now });
    return other().store.create(made.definition, made.state, 'U0ALICE');
  };

  it('an edit that meets a check keeps the check’s state; one that starts the state over does it over the check’s', async () => {
    const created = await fresh();
    const id = created.definition.id;
    const checkWrites = () => async () => {
      const current = (await other().store.get(id))!;
      await other().store.saveState(id, current.state.version, { ...current.state, status: 'firing', breachStreak: 1 });
    };
    staged.proxy.before(UPDATE, checkWrites());
    const edited = await via().store.updateDefinition(id, { ...created.definition, name: 'Renamed' }, 'U0BOB');
    expect(edited?.definitionVersion).toBe(2);
    expect(await other().store.get(id)).toMatchObject({ definition: { name: 'Renamed' }, state: { status: 'firing', version: 1 } });

    // A new threshold: its write loses to the check, then goes again over what the check wrote.
    const retuned = editAlert(
      (await other().store.get(id))!,
      { ...SHOP_ALERT, condition: { kind: 'threshold', direction: 'below', value: 0.5 } },
      {
        actor: 'U0BOB',
        now: T0,
      },
    );
    if (!retuned.ok || !retuned.value.state) throw new Error('expected a fresh state');
    staged.proxy.before(UPDATE, checkWrites());
    const reset = await via().store.updateDefinition(id, retuned.value.definition, 'U0BOB', { state: retuned.value.state });
    expect(reset?.state).toMatchObject({ status: 'ok', breachStreak: 0, version: 3 });
    expect((await other().store.get(id))?.state).toEqual(reset?.state);
  });

  it('an edit naming its version that meets another edit is refused, and the other edit stays', async () => {
    const created = await fresh();
    const id = created.definition.id;
    staged.proxy.before(UPDATE, async () => {
      await other().store.updateDefinition(id, { ...created.definition, name: 'Admin’s' }, 'U0ADMIN');
    });
    await expect(
      via().store.updateDefinition(id, { ...created.definition, name: 'Alice’s' }, 'U0ALICE', { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(AlertConflictError);
    expect((await other().store.get(id))?.definition.name).toBe('Admin’s');
  });

  it('two ticks that read the same due alert claim it once', async () => {
    // Due a day before the others of this table: the only one due then.
    const dayBefore = new Date(T0.getTime() - 86_400_000);
    const created = await fresh(dayBefore);
    const lease = new Date(dayBefore.getTime() + 15 * 60_000);
    let theirs: string[] = [];
    staged.proxy.before(UPDATE, async () => {
      theirs = (await other().store.claimDue(dayBefore, { limit: 10, leaseUntil: lease })).map((a) => a.definition.id);
    });
    const ours = await via().store.claimDue(dayBefore, { limit: 10, leaseUntil: lease });
    expect(theirs).toEqual([created.definition.id]);
    expect(ours).toEqual([]);
  });

  it('two checks counting a ChatDash failure at once both count', async () => {
    const window = (hour: number) => ({ start: `2026-11-17T0${hour}:00:00.000Z`, end: `2026-11-17T0${hour + 1}:00:00.000Z` });
    const failure = (hour: number) => (previous: Parameters<typeof recordChatDashCheck>[0]) =>
      recordChatDashCheck(previous, { ok: false, window: window(hour), now: T0, error: 'timeout' });
    staged.proxy.before('DynamoDB_20120810.PutItem', async () => {
      await other().outages.updateOutage('proj_race', failure(1));
    });
    const { after } = await via().outages.updateOutage('proj_race', failure(2));
    expect(after).toMatchObject({ failures: 2, since: window(1).start, lastWindowEnd: window(2).end });
  });
});
