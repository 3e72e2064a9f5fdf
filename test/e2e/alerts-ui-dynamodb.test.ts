/**
 * Issue 10's alerts created and managed from Slack, as deployed, on moto: the alert modal submitted through the real
 * HTTP handler (its alert store made from `STATE_TABLE`, as in AWS) is stored on the DynamoDB state table; listed,
 * muted and unmuted from `/chatdash alerts`; then the real tick and worker (their stores also from the environment)
 * fire it once against the sandbox's incident on the web-shop project, and the list says it is firing; the owner
 * deletes it. Every DynamoDB request the HTTP function made went through a proxy and is checked against the http
 * role's IAM statements in serverless.yml.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalQueue } from '../../src/jobs/local-queue.ts';
import { createHttpHandler } from '../../src/slack/http-handler.ts';
import { createDynamoAlertStores } from '../../src/store/alerts-dynamo.ts';
import { ALERT_CHANNEL, type AlertBed, SHOP, startAlertBed } from '../support/alerts.ts';
import { type CountingProxy, startCountingProxy } from '../support/counting-proxy.ts';
import { viewButtons } from '../support/modal.ts';
import { motoAvailable, useMoto } from '../support/moto.ts';
import { SECRETS } from '../support/secrets.ts';
import { allows, dynamoRequest, statements } from '../support/serverless-yml.ts';
import { allText, textsIn } from '../support/slack-messages.ts';
import { createStateTable } from '../support/state-table.ts';
import { chooseInModal, clickInList, openSubscribe, slash, submitModal } from '../support/subscribe-ui.ts';

const HOUR = 3_600_000;

describe.skipIf(!motoAvailable)('alerts from Slack, end to end on DynamoDB (moto)', () => {
  const moto = useMoto();
  let bed: AlertBed | undefined;
  let proxy: CountingProxy | undefined;

  afterEach(async () => {
    await bed?.close();
    await proxy?.close();
    bed = undefined;
    proxy = undefined;
  });

  it('the modal stores the alert on the state table within the http role’s IAM; the real tick and worker fire it once', async () => {
    const table = await createStateTable(moto);
    proxy = await startCountingProxy(moto.endpoint);
    // The checks' clock starts at the next 5 minutes: the alert, made now by the handler, is due by then.
    const start = new Date(Math.ceil(Date.now() / 300_000) * 300_000);
    bed = await startAlertBed({ start, env: table.env });
    const env = { ...bed.bot.env, ...table.env, AWS_ENDPOINT_URL: proxy.endpoint };
    // As in AWS: no store handed in; the alerts UI makes its own from STATE_TABLE, through the proxy.
    const http = createHttpHandler({
      config: bed.bot.config,
      env,
      queue: createLocalQueue(),
      secrets: async () => SECRETS,
      log: bed.bot.log,
    });
    const ui = { http, slack: bed.bot.slack };
    const where = { channel: ALERT_CHANNEL };
    const stored = createDynamoAlertStores({ tableName: table.name, env: table.env, log: bed.bot.log }).store;

    // 1. The modal, submitted: one alert on the table, the channel told.
    // "Below a value" picked first: the modal opens on "unusually low", without a value field.
    const open = await chooseInModal(ui, await openSubscribe(ui, 'alert shop', where), 'alert_condition', 'below', where);
    expect(
      await submitModal(
        ui,
        open,
        { alert_name: 'Shop quality', alert_condition: 'below', alert_threshold: '85', alert_frequency: 'hourly' },
        where,
      ),
    ).toBeUndefined();
    const [alert] = (await stored.listByChannel('T0DEMO', ALERT_CHANNEL)).items;
    expect(alert?.definition).toMatchObject({
      project: 'shop',
      condition: { kind: 'threshold', direction: 'below', value: 0.85 },
      createdBy: 'U0ALICE',
      timeZone: 'Europe/Paris',
    });
    expect(alert?.definitionVersion).toBe(1);
    const id = alert!.definition.id;
    expect(textsIn(bed.bot.slack, ALERT_CHANNEL).at(-1)).toContain('<@U0ALICE> set up an alert here: *Shop quality*');

    // 2. Listed; muted and unmuted from the list (each a conditional update of its definition).
    const buttons = (message: Record<string, unknown> | undefined) =>
      Object.fromEntries(
        viewButtons(message ?? {})
          .filter((b) => b.value.includes(id))
          .map((b) => [b.text, b]),
      );
    let list = await slash(ui, 'alerts', where);
    expect(allText(list.json)).toContain('*OK*');
    await clickInList(ui, buttons(list.json)['Mute 24 h']!, where);
    expect((await stored.get(id))?.definition.mutedUntil).toBeDefined();
    list = await slash(ui, 'alerts', where);
    await clickInList(ui, buttons(list.json).Unmute!, where);
    expect((await stored.get(id))?.definition).not.toHaveProperty('mutedUntil');
    expect((await stored.get(id))?.definitionVersion).toBe(3);

    // 3. The incident: the real tick and worker fire it, once.
    bed.bot.sandbox.setIncident(SHOP, { from: new Date(start.getTime() - 4 * HOUR).toISOString(), missRate: 0.4 });
    await bed.runUntil(new Date(start.getTime() + 2 * HOUR), 20);
    expect(bed.postedTs('fire')).toHaveLength(1);
    expect((await stored.get(id))?.state).toMatchObject({ status: 'firing' });
    list = await slash(ui, 'alerts', where);
    expect(allText(list.json)).toContain('*Firing* since');

    // 4. Deleted by its owner.
    await clickInList(ui, buttons(list.json).Delete!, where);
    expect(await stored.get(id)).toBeUndefined();

    // Every DynamoDB request of the HTTP function, checked against the http role.
    const used = proxy.requests.filter((r) => r.target.startsWith('DynamoDB_')).map(dynamoRequest);
    expect(used.filter((request) => !allows(statements('HttpRole'), request))).toEqual([]);
    expect([...new Set(used.map((u) => u.action))].sort()).toEqual(['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem']);
    expect(used.filter((u) => u.index).map((u) => u.index)).toContain('byChannel');
    expect(
      bed
        .entries()
        .filter((l) => l.event === 'store.change')
        .map((l) => l.action),
    ).toEqual(expect.arrayContaining(['alert.create', 'alert.update', 'alert.delete']));
  });
});
