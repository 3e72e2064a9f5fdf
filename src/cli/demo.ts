/**
 * `npm run demo`: the whole bot on this machine, with no keys and no network but loopback.
 *
 *  1. starts the ChatDash sandbox and a Slack Web API double on 127.0.0.1;
 *  2. fetches the last 7 days of the demo text bot through the real ChatDash client and prints a summary;
 *  3. draws the digest's chart and the drill-downs' charts (ECharts → PNG), uploads them to the Slack double the way
 *     the worker does, writes the PNGs, renders the digest with its chart, prints it as it would look, posts it to the
 *     double, and writes its Block Kit JSON and a Block Kit Builder link (of the text version: the Builder can't
 *     show files uploaded to the double);
 *  4. sends a signed `/chatdash stats acme 30d` through the real HTTP handler, then runs the worker on the queued
 *     job and shows what it delivered to the response_url; then clicks a drill-down button the same way;
 *  5. sends `/chatdash overview` from the agency channel the same way and shows the ranked agency overview.
 *  6. subscribes #acme from the modal, lists it, clicks Send now and lets the tick post it (see demo-subscribe.ts);
 *     then sets up an alert from the alert modal and lists it (see demo-alerts-ui.ts).
 *  7. plays an incident on the web-shop bot and runs a simulated day of hourly alert checks (see demo-alerts.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../build/bundle.ts';
import { chartsFor } from '../charts/specs.ts';
import { createChatDashClient } from '../chatdash/client.ts';
import { DEMO_CONFIG_PATH } from '../config/demo.ts';
import { loadConfigFile } from '../config/load.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { blockKitBuilderUrl } from '../digest/builder-link.ts';
import { createFormatter } from '../digest/format.ts';
import { noun } from '../digest/plural.ts';
import { type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { renderForTerminal } from '../digest/terminal.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import { createLocalQueue } from '../jobs/local-queue.ts';
import { createLog } from '../log.ts';
import { parsePeriod } from '../periods/parse.ts';
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/index.ts';
import { createHttpHandler } from '../slack/http-handler.ts';
import { interactionEvent, slashCommandEvent } from '../slack-double/requests.ts';
import { startSlackDouble } from '../slack-double/server.ts';
import { createMemoryAlertStores } from '../store/alerts-memory.ts';
import { createMemoryStore } from '../store/memory.ts';
import { fetchInsights } from '../worker/analytics.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { chartImages } from '../worker/charts.ts';
import { createWorkerHandler } from '../worker/handler.ts';
import { exitWithUsage, optionsOrExit, UsageError } from './args.ts';
import { runAlertDemo } from './demo-alerts.ts';
import { demoAlertsUi } from './demo-alerts-ui.ts';
import { demoOverview } from './demo-overview.ts';
import { demoSubscribe } from './demo-subscribe.ts';

const values = optionsOrExit('demo', process.argv.slice(2), {
  project: { type: 'string', default: 'acme' },
  range: { type: 'string', default: '7d' },
  out: { type: 'string', default: join(ROOT, '.demo') },
  help: { type: 'boolean', short: 'h' },
});
if (values.help) {
  console.log(`Usage: npm run demo [-- --project acme] [--range 7d] [--out DIR]
--project: any project key of src/config/demo.yml (acme, bella, quiet, cara, nova, echo, shop).
Runs the bot against the bundled ChatDash sandbox and a local Slack double (no keys, no network),
prints the digest, writes its chart PNGs, its Block Kit JSON and a Block Kit Builder link to --out
(default .demo/), shows a /chatdash stats round trip through the real HTTP handler and worker, then
/chatdash overview from the agency channel (C0AGENCY), written to --out as overview.json and a Block Kit
Builder link, then a subscription made from the /chatdash subscribe modal (an inline error, then saved), listed,
sent now and posted by the tick, and the App Home (writes subscribe-modal.json and home.json), then an alert set
up from the /chatdash alert modal and listed (writes alert-modal.json), then an alert firing and recovering on a
simulated day of hourly checks (writes alert.json too).`);
  process.exit(0);
}

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (s: string) => console.log(`\n${bold(`\u25b6 ${s}`)}`);

const config = loadConfigFile(DEMO_CONFIG_PATH);
const project = config.projects.find((p) => p.key === values.project);
if (!project)
  exitWithUsage('demo', new UsageError(`Unknown demo project "${values.project}". Try: ${config.projects.map((p) => p.key).join(', ')}`));

// The demo's clock, which the sandbox, the subscribe step's worker and its state store read: the real one, except while
// a step plays a simulated time (the tick at its time: demo-subscribe.ts; a day of alert checks: demo-alerts.ts).
const demoClock = { now: Date.now };
const sandbox = await startSandbox({ now: () => demoClock.now() });
const slack = await startSlackDouble({ users: { U0ALICE: { tz: 'Europe/Paris' } } });
try {
  // 1–2. The real client against the sandbox.
  step(`ChatDash sandbox on ${sandbox.url}; fetching ${values.range} for ${project.name} (${project.id})`);
  const now = new Date();
  const parsed = parsePeriod(values.range, { now, timeZone: config.defaults.timeZone });
  if (!parsed.ok) throw new Error(parsed.error);
  const client = createChatDashClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url });
  const insights = await fetchInsights(client, project.id, parsed.period, DIGEST_METRICS, Date.now() + 15_000);
  const h = insights.headline;
  const n = (x: number | null, digits = 0) => (x === null ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits }));
  console.log(
    [
      `  Period         ${parsed.period.label} (${parsed.period.start} .. ${parsed.period.end}, ${parsed.period.timeZone})`,
      `  Conversations  ${n(h.conversations.value)} (previous ${n(h.conversations.previous)})`,
      `  Unique users   ${n(h.uniqueUsers.value)}`,
      `  Understood     ${h.understoodRate.value === null ? 'n/a' : `${(h.understoodRate.value * 100).toFixed(1)}%`}`,
      `  Total cost     ${n(h.totalCost.value, 2)} ${h.totalCost.currency ?? ''}`,
      `  Top topics     ${
        insights.topTopics.items
          .slice(0, 3)
          .map((t) => `${t.label} (${t.count})`)
          .join(', ') || 'none'
      }`,
      `  Unavailable    ${insights.unavailable.join(', ') || 'none'}`,
    ].join('\n'),
  );

  // 3. The charts and the digest as Slack would show them.
  const env = { SLACK_API_URL: slack.apiUrl, JOBS_QUEUE_URL: 'local', CHATDASH_API_URL: sandbox.url };
  const secrets = async () => ({
    slackSigningSecret: 'demo-signing-secret',
    slackBotToken: 'xoxb-test-token',
    chatdashApiKey: SANDBOX_API_KEY,
  });
  const quiet = createLog({ quiet: true });
  // What people make from Slack (the subscribe step), shared by the HTTP handler, the worker and the tick.
  const demoNow = () => new Date(demoClock.now());
  const state = createMemoryStore({ log: quiet, now: demoNow });
  const alertStores = createMemoryAlertStores({ log: quiet });
  const deps = { ...(await buildDeps(config, env, secrets, quiet, { store: state })), now: demoNow };
  step('Charts: drawn with ECharts + resvg and uploaded to the Slack double as the worker does');
  await mkdir(values.out, { recursive: true });
  const options: RenderOptions = {
    project: { id: project.id, name: project.name },
    locale: config.defaults.locale,
    buttons: true,
    dashboardUrl: project.dashboardUrl,
  };
  const fmt = createFormatter(options);
  const charted = await chartImages(chartsFor('digest', insights, fmt), deps, { job: 'demo' });
  const drilldownCharts = await chartImages([...chartsFor('costs', insights, fmt), ...chartsFor('topics', insights, fmt)], deps, {
    job: 'demo',
  });
  for (const image of [...charted, ...drilldownCharts]) {
    const file = slack.files().find((f) => f.id === image.fileId);
    if (!file?.bytes) continue;
    const pngPath = join(values.out, file.filename.replace(/^chatdash-/, 'chart-'));
    await writeFile(pngPath, file.bytes);
    console.log(`  ${image.title}: ${pngPath} (${Math.round(file.bytes.length / 1000)} KB, Slack file ${file.id})`);
  }
  if (charted.length === 0) console.log('  No chart for this period: the digest keeps its text sparkline.');

  step('The digest, as it would appear in Slack');
  const digest = renderDigest(insights, { ...options, images: charted });
  const digestText = renderDigest(insights, options);
  console.log(indent(renderForTerminal(digest)));
  const posted = await deps.slack.chat.postMessage({ channel: 'C0ACME', ...digest, unfurl_links: false });
  console.log(`  Posted to the Slack double: ${posted.ok ? 'accepted' : 'refused'} (ts ${String(posted.ts)})`);
  const jsonPath = join(values.out, 'digest.json');
  await writeFile(jsonPath, `${JSON.stringify({ text: digest.text, blocks: digest.blocks }, null, 2)}\n`);
  const textPath = join(values.out, 'digest-text.json');
  await writeFile(textPath, `${JSON.stringify({ text: digestText.text, blocks: digestText.blocks }, null, 2)}\n`);
  const linkPath = join(values.out, 'block-kit-builder-url.txt');
  await writeFile(linkPath, `${blockKitBuilderUrl(digestText)}\n`);
  console.log(
    `\n  Block Kit JSON: ${jsonPath} (${digest.blocks.length} blocks, the chart as an image block)` +
      `\n  Without the chart (what Slack gets when it can't be delivered): ${textPath}` +
      `\n  Block Kit Builder link: ${linkPath} (open it in a browser; the text version: the Builder can't show the double's files)`,
  );

  // 4. /chatdash stats through the real handler and worker.
  step('Slack sends a signed "/chatdash stats acme 30d" to the HTTP handler');
  const queue = createLocalQueue();
  // A digest the worker puts back for its channel's pace goes to this queue too (not to the placeholder SQS URL).
  deps.queue = queue;
  const http = createHttpHandler({ config, env, queue, secrets, log: quiet, bindings: state, store: state, alerts: alertStores.store });
  const responseUrl = slack.responseUrl('demo-stats');
  const signing = { secret: 'demo-signing-secret' };
  const started = performance.now();
  const ack = await http(slashCommandEvent({ text: 'stats acme 30d', response_url: responseUrl, trigger_id: 'demo.trigger.1' }, signing));
  const ackMs = performance.now() - started;
  console.log(`  HTTP ${ack.statusCode} in ${ackMs.toFixed(0)} ms (cold start included; ChatDash not touched): ${ack.body}`);
  console.log(`  Jobs queued: ${queue.size}`);

  step('The worker takes the job: ChatDash sandbox → render → response_url');
  const worker = createWorkerHandler({ config, env, deps, log: quiet });
  const result = await worker(queue.drain());
  const delivered = slack.callsTo('response_url').at(-1);
  const failures = result.batchItemFailures.length;
  console.log(`  Worker finished (${failures} ${noun(failures, 'failure')}); response_url received:`);
  if (delivered) console.log(indent(renderForTerminal(delivered.body as unknown as SlackMessage)));

  step('Clicking the "Topics" drill-down button on that answer');
  const blocks = (delivered?.body.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
  const button = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === 'drilldown:topics');
  if (button) {
    const payload = {
      type: 'block_actions',
      team: { id: 'T0DEMO' },
      user: { id: 'U0ALICE', team_id: 'T0DEMO' },
      channel: { id: 'C0ACME' },
      container: { type: 'message', message_ts: '1732550000.000100', channel_id: 'C0ACME', is_ephemeral: true },
      message: { ts: '1732550000.000100' },
      response_url: slack.responseUrl('demo-click'),
      trigger_id: 'demo.trigger.2',
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'actions', value: button.value, action_ts: '1732550001.000200' }],
    };
    const click = await http(interactionEvent(payload, signing));
    console.log(`  HTTP ${click.statusCode}; jobs queued: ${queue.size}`);
    await worker(queue.drain());
    const reply = slack.callsTo('response_url').at(-1);
    if (reply) console.log(indent(renderForTerminal(reply.body as unknown as SlackMessage)));
  }
  await demoOverview({ http, worker, queue, sandbox, slack, signing, out: values.out, step, indent });
  await demoSubscribe({
    config,
    http,
    worker,
    queue,
    slack,
    store: state,
    clock: demoClock,
    signing,
    log: quiet,
    out: values.out,
    step,
    indent,
  });
  await demoAlertsUi({ http, slack, signing, out: values.out, step, indent });
  // 7. Alerts: an incident, checked hourly, through the real tick and worker.
  await runAlertDemo({
    config,
    sandbox,
    sandboxClock: demoClock,
    slack,
    env,
    secrets,
    http,
    queue,
    signingSecret: signing.secret,
    out: values.out,
    step,
    indent,
  });
  console.log(`\n${bold('Done.')} Next: \`npm test\`, or \`npm run sandbox\` to explore the ChatDash sandbox with curl.`);
} finally {
  await slack.close();
  await sandbox.close();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
