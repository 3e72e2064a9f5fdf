/**
 * Alerts in production shape, on moto: alerts made through the lifecycle functions the Slack UI calls are stored on the
 * DynamoDB state table; the real schedule handler and the worker's deps make their stores from `STATE_TABLE` (as in
 * AWS), each only with what its IAM role allows; the worker runs each key once through Powertools' DynamoDB idempotency. A threshold alert fires once, stays
 * quiet, says "back to normal" in its thread; duplicate ticks and SQS redeliveries post once; ChatDash failing for
 * hours tells the admin channel once, and once when it answers again.
 */
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { type AlertInput, newAlert, setPaused } from '../../src/alerts/lifecycle.ts';
import { OUTAGE_REPORT_AFTER_FAILURES } from '../../src/alerts/outage.ts';
import type { AlertStore } from '../../src/alerts/store.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import { createScheduleHandler } from '../../src/schedule/handler.ts';
import { createDynamoAlertStores } from '../../src/store/alerts-dynamo.ts';
import { alertKey } from '../../src/store/keys.ts';
import { ALERT_CHANNEL, type AlertBed, SHOP, startAlertBed } from '../support/alerts.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { createPowertoolsGuard, useDynamo } from '../support/idempotency-table.ts';
import { recordingLog } from '../support/log.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { allowedOnly } from '../support/serverless-yml.ts';
import { postsTo } from '../support/slack-messages.ts';
import { createStateTable } from '../support/state-table.ts';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const understoodBelow85: Pick<AlertInput, 'metric' | 'condition'> = {
  metric: { kind: 'understood_rate' },
  condition: { kind: 'threshold', direction: 'below', value: 0.85 },
};

describe.skipIf(!motoAvailable)('alerts on DynamoDB (moto): state table, real tick, real worker, Powertools idempotency', () => {
  // The AWS SDK inside Powertools takes its credentials from the process environment.
  const moto = useMoto({ processEnv: true });
  const dynamo = useDynamo(moto);
  let bed: AlertBed | undefined;
  let n = 0;
  const proxies: CountingProxy[] = [];

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  /**
   * A fresh state table and idempotency table, and a bed whose schedule and worker use them as in AWS (through
   * `endpoints`, if given); `ui` writes alerts as the Slack UI will, straight to the table.
   */
  async function start(
    startAt: Date,
    endpoints: { worker?: string; schedule?: string } = {},
  ): Promise<{
    bed: AlertBed;
    ui: AlertStore;
    read: (id: string) => Promise<Record<string, unknown> | undefined>;
    tableEnv: Record<string, string>;
  }> {
    const table = await createStateTable(moto);
    // The worker's idempotency records go through its proxy too: checked against its role like its state.
    const once = await createPowertoolsGuard(dynamo, moto, `alerts-dynamo-idempotency-${++n}`, undefined, endpoints.worker);
    const made = await startAlertBed({
      start: startAt,
      once,
      env: { ...table.env, ...(endpoints.worker ? { AWS_ENDPOINT_URL: endpoints.worker } : {}) },
      ...(endpoints.schedule ? { scheduleEnv: { AWS_ENDPOINT_URL: endpoints.schedule } } : {}),
    });
    const doc = DynamoDBDocumentClient.from(dynamo);
    const read = async (id: string) =>
      (await doc.send(new GetCommand({ TableName: table.name, Key: alertKey(id), ConsistentRead: true }))).Item;
    const ui = createDynamoAlertStores({ tableName: table.name, env: table.env, log: made.bot.log }).store;
    return { bed: made, ui, read, tableEnv: table.env };
  }

  /** An alert on the web-shop bot in its channel, made as the Slack UI will: `newAlert`, then the store. */
  async function createAlert(ui: AlertStore, input: Pick<AlertInput, 'metric' | 'condition'>, id: string, now: Date) {
    const made = newAlert(
      { teamId: 'T0DEMO', channelId: ALERT_CHANNEL, project: 'shop', frequency: 'hourly', timeZone: 'Europe/Paris', ...input },
      { actor: 'U0ALICE', now, id },
    );
    if (!made.ok) throw new Error('invalid alert');
    return ui.create(made.value.definition, made.value.state, 'U0ALICE');
  }

  const roots = (b: AlertBed) => b.posts().filter((p) => p.body.thread_ts === undefined);
  const replies = (b: AlertBed) => b.posts().filter((p) => p.body.thread_ts !== undefined);

  it('fires once, stays quiet while firing, says "back to normal" in its thread; paused, it is not checked', async () => {
    // Each function's DynamoDB requests go through a proxy of its own: what they did is checked against their roles.
    const workerProxy = await startCountingProxy(moto.endpoint);
    const scheduleProxy = await startCountingProxy(moto.endpoint);
    proxies.push(workerProxy, scheduleProxy);
    const started = await start(at('2026-11-17T08:00:00Z'), { worker: workerProxy.endpoint, schedule: scheduleProxy.endpoint });
    bed = started.bed;
    const { ui } = started;
    const alert = await createAlert(ui, understoodBelow85, 'al_dynamo', bed.clock.now);
    // On the table as the key design says: one item, in the due index, the channel's, its creator's and its project's.
    expect(await started.read('al_dynamo')).toMatchObject({
      pk: 'ALERT#al_dynamo',
      sk: 'ALERT',
      entity: 'alert',
      definitionVersion: 1,
      stateVersion: 0,
      dueKey: 'DUE#ALERT',
      dueAt: alert.state.nextCheckAt,
      channelKey: `CHANNEL#${ALERT_CHANNEL}`,
      ownerKey: 'USER#U0ALICE',
      itemKey: 'ALERT#al_dynamo',
      kindKey: 'ALERT',
      kindSort: 'shop#al_dynamo',
    });
    expect((await ui.listByChannel('T0DEMO', ALERT_CHANNEL)).items.map((a) => a.definition.id)).toEqual(['al_dynamo']);

    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', until: '2026-11-17T13:00:00Z', missRate: 0.4 });
    await bed.runUntil(at('2026-11-17T16:00:00Z'), 20);
    expect(roots(bed)).toHaveLength(1);
    expect(replies(bed).map((r) => String(r.body.text))).toEqual([
      'Maya Shop Assistant: understood rate below 85% is back to normal (it lasted 3 h).',
    ]);
    const [fireTs] = bed.postedTs('fire');
    expect(replies(bed)[0]?.body.thread_ts).toBe(fireTs);
    const stored = await ui.get('al_dynamo');
    expect(stored?.state).toMatchObject({ status: 'ok', pending: [] });
    expect(stored?.state.version).toBeGreaterThan(10);

    // Paused from Slack (as the UI will): out of the due index, not checked, even through a new incident.
    const paused = setPaused(stored!, true, { actor: 'U0ALICE', now: bed.clock.now });
    await ui.updateDefinition('al_dynamo', paused.definition, 'U0ALICE', { expectedVersion: stored!.definitionVersion! });
    expect(await started.read('al_dynamo')).not.toHaveProperty('dueKey');
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T16:00:00Z', missRate: 0.5 });
    const checks = bed.entries().filter((l) => l.event === 'alert.state').length;
    await bed.runUntil(at('2026-11-17T19:00:00Z'), 20);
    expect(bed.entries().filter((l) => l.event === 'alert.state')).toHaveLength(checks);
    expect(roots(bed)).toHaveLength(1);
    expect(
      bed
        .entries()
        .filter((l) => l.event === 'store.change')
        .map((l) => [l.action, l.actor]),
    ).toEqual([
      ['alert.create', 'U0ALICE'],
      ['alert.update', 'U0ALICE'],
    ]);

    // Least privilege, as exercised: every DynamoDB request each function made is allowed by its role in serverless.yml.
    expect(allowedOnly(scheduleProxy, 'ScheduleRole')).toEqual(['Query', 'UpdateItem']);
    // (Query: each check reads its channel's bindings made from Slack, on CHANNEL#.)
    expect(allowedOnly(workerProxy, 'WorkerRole')).toEqual(['BatchGetItem', 'BatchWriteItem', 'GetItem', 'Query', 'UpdateItem']);
    // Each check ran once through Powertools' records: claimed (PutItem), then completed (UpdateItem).
    expect(allowedOnly(workerProxy, 'WorkerRole', 'IdempotencyTable')).toEqual(['PutItem', 'UpdateItem']);
  });

  it('a channel Slack refuses (bot removed): the alert is paused on the table by the worker, owner and admins told once', async () => {
    const workerProxy = await startCountingProxy(moto.endpoint);
    proxies.push(workerProxy);
    const started = await start(at('2026-11-17T09:00:00Z'), { worker: workerProxy.endpoint, schedule: moto.endpoint });
    bed = started.bed;
    await createAlert(started.ui, understoodBelow85, 'al_removed', bed.clock.now);
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    bed.bot.slack.setChannel(ALERT_CHANNEL, 'not_in_channel');
    await bed.runUntil(at('2026-11-17T14:00:00Z'), 20);
    // Out of the due index, with the reason, version bumped by the worker's conditional write.
    const item = await started.read('al_removed');
    expect(item).not.toHaveProperty('dueKey');
    expect(item).toMatchObject({ definitionVersion: 2, definition: { paused: true, pausedReason: 'bot_removed' } });
    expect(postsTo(bed.bot.slack, 'U0ALICE')).toHaveLength(1);
    expect(postsTo(bed.bot.slack, 'C0ADMIN')).toHaveLength(1);
    expect(bed.entries().filter((l) => l.event === 'store.change' && l.actor === 'system:worker')).toEqual([
      expect.objectContaining({ action: 'alert.update', id: 'al_removed', after: { paused: true, pausedReason: 'bot_removed' } }),
    ]);
    expect(allowedOnly(workerProxy, 'WorkerRole')).toEqual(expect.arrayContaining(['GetItem', 'Query', 'UpdateItem']));
  });

  it('a tick whose checks cannot be queued gives its claims back (due again at once), within the schedule role', async () => {
    const scheduleProxy = await startCountingProxy(moto.endpoint);
    proxies.push(scheduleProxy);
    const started = await start(at('2026-11-17T09:00:00Z'));
    bed = started.bed;
    await createAlert(started.ui, understoodBelow85, 'al_unqueued', bed.clock.now);
    const refusing: JobQueue = {
      send: async () => Promise.reject(new Error('queue unreachable')),
      sendAll: async () => Promise.reject(new Error('queue unreachable')),
    };
    // The real schedule handler, its alert store made from STATE_TABLE through the proxy, its queue refusing.
    const { log, entries } = recordingLog();
    const schedule = createScheduleHandler({
      config: { ...bed.bot.config, subscriptions: [] },
      env: { ...started.tableEnv, AWS_ENDPOINT_URL: scheduleProxy.endpoint },
      queue: refusing,
      log,
    });
    const tick = at('2026-11-17T10:05:00Z');
    await expect(schedule({ time: tick.toISOString() })).rejects.toThrow(/alert checks could not all be queued/);
    expect(
      entries()
        .filter((l) => l.level === 'error')
        .map((l) => l.event),
    ).toEqual(['alerts.send_failed', 'schedule.tick_failed']);
    // Given back: due at the tick, not a lease ahead, so the next tick claims it again.
    expect((await started.ui.get('al_unqueued'))?.state.nextCheckAt).toBe(tick.toISOString());
    expect(allowedOnly(scheduleProxy, 'ScheduleRole')).toEqual(['Query', 'UpdateItem']);
    // Claimed, then given back: two writes of its state.
    expect(scheduleProxy.targets.filter((t) => t.endsWith('.UpdateItem'))).toHaveLength(2);
  });

  it('duplicate ticks and SQS redeliveries of the checks post once per alert', async () => {
    const workerProxy = await startCountingProxy(moto.endpoint);
    proxies.push(workerProxy);
    const started = await start(at('2026-11-17T09:00:00Z'), { worker: workerProxy.endpoint, schedule: moto.endpoint });
    bed = started.bed;
    const { ui } = started;
    await createAlert(ui, understoodBelow85, 'al_dup_a', bed.clock.now);
    await createAlert(
      ui,
      { ...understoodBelow85, condition: { kind: 'threshold', direction: 'below', value: 0.9 } },
      'al_dup_b',
      bed.clock.now,
    );
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T10:00:00Z', missRate: 0.4 });
    const tick = at('2026-11-17T11:20:00Z');
    bed.clock.now = tick;
    // EventBridge delivers the tick twice: the second finds both alerts claimed.
    const first = await bed.schedule({ time: tick.toISOString() });
    const second = await bed.schedule({ time: tick.toISOString() });
    expect(first.alertChecks).toEqual({ alerts: 2, jobs: 1, failed: 0 });
    expect(second.alertChecks).toEqual({ alerts: 0, jobs: 0, failed: 0 });
    const [record, ...more] = bed.queue.drain().Records;
    expect(more).toEqual([]);
    const body = record!.body;
    // The job, delivered twice in one batch: one delivery finds the check in progress and goes back to SQS.
    const batch = await bed.worker({ Records: [sqsRecord(body, 'm1'), sqsRecord(body, 'm2')] });
    expect(batch.batchItemFailures).toHaveLength(1);
    // Redelivered (twice: the failed one, and the first again, as SQS may): both find it done.
    const again = await bed.worker({ Records: [sqsRecord(body, batch.batchItemFailures[0]!.itemIdentifier, 2), sqsRecord(body, 'm1', 2)] });
    expect(again.batchItemFailures).toEqual([]);
    expect(roots(bed)).toHaveLength(2);
    expect(new Set(roots(bed).map((p) => String(p.body.text).split(':')[1]))).toEqual(
      new Set([' understood rate below 85%', ' understood rate below 90%']),
    );
    // Nothing more is due for that hour.
    expect((await bed.tick(at('2026-11-17T11:40:00Z'))).jobs).toEqual([]);
    for (const id of ['al_dup_a', 'al_dup_b'])
      expect((await bed.alerts.store.get(id))?.state).toMatchObject({ status: 'firing', pending: [] });
    // Claims (a duplicate's conditional PutItem fails, returning the record) and completions: within the worker's role.
    expect(allowedOnly(workerProxy, 'WorkerRole', 'IdempotencyTable')).toEqual(['PutItem', 'UpdateItem']);
  });

  it('ChatDash failing for hours tells the admin channel once, and once when it answers again', async () => {
    const workerProxy = await startCountingProxy(moto.endpoint);
    proxies.push(workerProxy);
    const started = await start(at('2026-11-17T08:00:00Z'), { worker: workerProxy.endpoint, schedule: moto.endpoint });
    bed = started.bed;
    await createAlert(started.ui, understoodBelow85, 'al_blind_a', bed.clock.now);
    await createAlert(
      started.ui,
      { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } },
      'al_blind_b',
      bed.clock.now,
    );
    // The incident would fire the threshold alert: only ChatDash's failure keeps it from seeing it.
    bed.bot.sandbox.setIncident(SHOP, { from: '2026-11-17T08:00:00Z', missRate: 0.4 });
    bed.bot.sandbox.setFault({ type: 'malformed_json' }, SHOP);
    const hours = OUTAGE_REPORT_AFTER_FAILURES + 3;
    await bed.runUntil(new Date(Date.parse('2026-11-17T09:20:00Z') + (hours - 1) * HOUR), 30);
    const admin = () => postsTo(bed!.bot.slack, 'C0ADMIN');
    expect(bed.posts()).toEqual([]);
    expect(admin()).toHaveLength(1);
    expect(String(admin()[0]?.body.text)).toMatch(
      /^:rotating_light: Alerts on \*Maya Shop Assistant\* can't be checked: ChatDash has failed 6 checks in a row since 2026-11-17 06:00 UTC \(last: malformed\)\./,
    );
    expect(bed.entries().filter((l) => l.event === 'alert_check.chatdash_outage')).toEqual([
      expect.objectContaining({ level: 'error', project: 'shop', failures: 6 }),
    ]);
    expect(
      new Set(
        bed
          .entries()
          .filter((l) => l.event === 'alert.state')
          .map((l) => l.reason),
      ),
    ).toEqual(new Set(['chatdash_failed']));

    // ChatDash answers again: the admins hear it once, and the threshold alert now sees the incident.
    bed.bot.sandbox.setFault(undefined, SHOP);
    await bed.runUntil(new Date(bed.clock.now.getTime() + 3 * HOUR), 30);
    expect(admin()).toHaveLength(2);
    expect(String(admin()[1]?.body.text)).toMatch(
      /^:white_check_mark: ChatDash answers again for \*Maya Shop Assistant\*: its alerts are checked again \(it failed \d+ checks in a row since 2026-11-17 06:00 UTC\)\.$/,
    );
    expect(roots(bed)).toHaveLength(1);
    // The outage record was written, and deleted when ChatDash answered: both allowed on ALERTPROJ# only.
    expect(allowedOnly(workerProxy, 'WorkerRole')).toEqual(expect.arrayContaining(['DeleteItem', 'PutItem']));
  });
});
