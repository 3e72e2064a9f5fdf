/**
 * The alerts part of `npm run demo`: two alerts on the web-shop bot, an incident played through the sandbox's
 * control API, and a simulated day of hourly checks through the real tick (the schedule handler) and the real worker
 * against the Slack double: the alert fires once, stays quiet, says "back to normal" in its thread, and answers
 * `@ChatDash misunderstood` there. Only the clock is simulated, for the worker and the sandbox alike.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newAlert } from '../alerts/lifecycle.ts';
import type { AlertDefinition } from '../alerts/model.ts';
import { describeAlert } from '../alerts/render.ts';
import type { Config } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { unescapeMrkdwn } from '../digest/mrkdwn.ts';
import { renderForTerminal } from '../digest/terminal.ts';
import { createLocalQueue } from '../jobs/local-queue.ts';
import { createLog } from '../log.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { createScheduleHandler } from '../schedule/handler.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import type { HttpHandler } from '../slack/http-handler.ts';
import { eventsApiEvent } from '../slack-double/requests.ts';
import type { SlackDouble } from '../slack-double/server.ts';
import { createMemoryAlertStores } from '../store/alerts-memory.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { createMemoryOnceGuard } from '../worker/idempotency.ts';

export interface AlertDemoOptions {
  config: Config;
  sandbox: Sandbox;
  /** The sandbox's clock (its `now` option): set to the simulated time while the day runs, then given back. */
  sandboxClock: { now: () => number };
  slack: SlackDouble;
  env: NodeJS.ProcessEnv;
  secrets: SecretsProvider;
  /** The demo's HTTP handler and the queue it sends to (for the @mention in the alert's thread). */
  http: HttpHandler;
  queue: ReturnType<typeof createLocalQueue>;
  signingSecret: string;
  /** Where `alert.json` goes. */
  out: string;
  step: (title: string) => void;
  indent: (text: string) => string;
}

const CHANNEL = 'C0SHOP';
const HOUR = 3_600_000;

/** Tuesday of last week, 08:00 UTC: a realistic, recent day with four weeks of sandbox history behind it. */
function demoMorning(now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const back = ((day.getUTCDay() - 2 + 7) % 7) + 7;
  return new Date(day.getTime() - back * 86_400_000 + 8 * HOUR);
}

export async function runAlertDemo(o: AlertDemoOptions): Promise<void> {
  const project = o.config.projects.find((p) => p.key === 'shop');
  if (!project) throw new Error('The demo configuration has no "shop" project');
  const lines: Array<Record<string, unknown>> = [];
  const log = createLog({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const morning = demoMorning(new Date());
  const clock = { now: morning };
  const once = createMemoryOnceGuard();
  const alerts = createMemoryAlertStores({ log, now: () => clock.now });
  const deps = { ...(await buildDeps(o.config, o.env, o.secrets, log, { alerts, once })), now: () => clock.now };
  const worker = createWorkerHandler({ config: o.config, env: o.env, deps, once, log });
  const queue = createLocalQueue();
  // The real tick, with the alert store (the demo's YAML digests are not this part's business).
  const schedule = createScheduleHandler({ config: { ...o.config, subscriptions: [] }, env: {}, queue, alerts: alerts.store, log });
  const tz = 'Europe/Paris';
  const fmt = createFormatter({ locale: 'en-GB' });
  const clockText = (at: Date | string) =>
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(new Date(at));
  const dayText = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: tz }).format(morning);

  o.step(`Alerts: ${project.name}, checked every hour (simulated ${dayText}, ${tz})`);
  const made: AlertDefinition[] = [];
  for (const [id, metric, condition] of [
    ['quality-unusual', { kind: 'understood_rate' }, { kind: 'unusual', direction: 'below' }],
    ['quality-floor', { kind: 'understood_rate' }, { kind: 'threshold', direction: 'below', value: 0.85 }],
  ] as const) {
    const alert = newAlert(
      { teamId: 'T0DEMO', channelId: CHANNEL, project: 'shop', frequency: 'hourly', timeZone: tz, metric, condition },
      { actor: 'U0ALICE', now: morning, id },
    );
    if (!alert.ok) throw new Error(`demo alert ${id} is invalid`);
    await alerts.store.create(alert.value.definition, alert.value.state, 'U0ALICE');
    made.push(alert.value.definition);
    console.log(`  #${CHANNEL}: ${unescapeMrkdwn(describeAlert(alert.value.definition, fmt))}`);
  }

  // The incident, switched on through the sandbox's control API as an operator would: 11:00–14:00 Paris time.
  const from = new Date(morning.getTime() + 2 * HOUR);
  const until = new Date(from.getTime() + 3 * HOUR);
  const control = await fetch(new URL('/__sandbox/incident', o.sandbox.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ projectId: project.id, incident: { from: from.toISOString(), until: until.toISOString(), missRate: 0.35 } }),
  });
  if (!control.ok) throw new Error(`the sandbox refused the incident (HTTP ${control.status})`);
  console.log(`  Sandbox: from ${clockText(from)} to ${clockText(until)} the bot misses 35% of messages (POST /__sandbox/incident)`);

  const requestsBefore = o.sandbox.requests.length;
  let firstFire: SlackMessage | undefined;
  let fireTs: string | undefined;
  const realClock = o.sandboxClock.now;
  o.sandboxClock.now = () => clock.now.getTime();
  for (let t = morning.getTime(); t <= morning.getTime() + 10 * HOUR; t += 10 * 60_000) {
    clock.now = new Date(t);
    const seen = lines.length;
    const postsBefore = o.slack.callsTo('chat.postMessage').length;
    await schedule({ time: clock.now.toISOString() });
    const event = queue.drain();
    if (event.Records.length === 0) continue;
    const result = await worker(event);
    if (result.batchItemFailures.length > 0) throw new Error('an alert check failed');
    for (const line of lines.slice(seen)) {
      if (line.event === 'alert.state') {
        const w = line.window as { start: string; end: string };
        const value = typeof line.value === 'number' ? fmt.percent(line.value) : 'n/a';
        const usual = typeof line.usual === 'number' ? `, usually ${fmt.percent(line.usual)}` : '';
        const events = (line.events as string[]).length > 0 ? ` → ${(line.events as string[]).join(', ')}` : '';
        console.log(
          `  ${clockText(clock.now)}  ${String(line.alertId).padEnd(15)} ${clockText(w.start)}–${clockText(w.end)}: ${value}${usual} (${line.outcome})${events}`,
        );
      }
      if (line.event === 'alert.posted' && line.kind === 'fire' && !fireTs) fireTs = String(line.ts);
    }
    for (const call of o.slack.callsTo('chat.postMessage').slice(postsBefore)) {
      if (!call.ok || call.body.channel !== CHANNEL) continue;
      const message = call.body as unknown as SlackMessage;
      console.log(`\n  ${call.body.thread_ts === undefined ? `Posted to #${CHANNEL}` : 'Replied in the alert\u2019s thread'}:`);
      console.log(o.indent(renderForTerminal(message)));
      firstFire ??= message;
    }
  }
  o.sandboxClock.now = realClock;
  const checks = lines.filter((l) => l.event === 'alert_check.done').length;
  console.log(
    `  ${checks} checks of ${made.length} alerts, ${o.sandbox.requests.length - requestsBefore} ChatDash requests (one per check, plus the past 4 weeks on the first check of each hour)`,
  );
  if (firstFire) {
    await writeFile(join(o.out, 'alert.json'), `${JSON.stringify({ text: firstFire.text, blocks: firstFire.blocks }, null, 2)}\n`);
    console.log(`  Block Kit JSON of the alert: ${join(o.out, 'alert.json')}`);
  }
  if (!fireTs) return;

  o.step('Someone asks "@ChatDash misunderstood" in the alert\u2019s thread');
  const mention = {
    token: 'unused',
    team_id: 'T0DEMO',
    api_app_id: 'A0CHATDASH',
    type: 'event_callback',
    event_id: 'EvDEMOALERT1',
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0CHATDASH> misunderstood',
      ts: `${fireTs}1`,
      thread_ts: fireTs,
      channel: CHANNEL,
      team: 'T0DEMO',
    },
  };
  const ack = await o.http(eventsApiEvent(mention, { secret: o.signingSecret }));
  console.log(`  HTTP ${ack.statusCode}; jobs queued: ${o.queue.size}`);
  // A later invocation on the real clock (drill-downs count their ChatDash budget from it).
  const live = createWorkerHandler({
    config: o.config,
    env: o.env,
    deps: await buildDeps(o.config, o.env, o.secrets, createLog({ quiet: true })),
    log: createLog({ quiet: true }),
  });
  await live(o.queue.drain());
  const reply = o.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.ok && c.body.thread_ts === fireTs)
    .at(-1);
  if (reply) console.log(o.indent(renderForTerminal(reply.body as unknown as SlackMessage)));
}
