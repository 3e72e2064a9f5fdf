/**
 * `npm run bench`: cold starts of the Lambda bundles next to a naive and a slim one-command Bolt app and a
 * signature-only floor (the worker with and without a chart, and the HTTP function reading runtime bindings through
 * the AWS SDK instead of a signed request), each function also with its secret read from Secrets Manager as in AWS
 * (moto_server), chart render times (cold and warm per chart), end-to-end digest time, fan-out throughput for 1,000
 * subscriptions against Slack's floor, the tick's cost with 10,000 runtime subscriptions stored, the agency
 * overview's time and ChatDash requests for 50 projects, and the ChatDash requests, time and DynamoDB reads of an
 * alert check round for 500 alerts. Loopback only: the ChatDash sandbox, the Slack double, an SQS and DynamoDB stand-in run in this
 * process, moto_server beside it.
 *
 *   npm run bench [-- --runs 7] [--quick] [--json results.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isMotoInstalled, startMoto } from '../aws/moto.ts';
import { runAlertBench } from '../bench/alert-checks.ts';
import { buildBaselines } from '../bench/baselines.ts';
import { measureChartRenders } from '../bench/chart-render.ts';
import { measureColdStarts, type Variant } from '../bench/cold-start.ts';
import { measureDigestTime } from '../bench/digest-time.ts';
import { BENCH_SIGNING_SECRET } from '../bench/events.ts';
import { runFanout } from '../bench/fanout.ts';
import { FANOUT_TICK, fanoutConfig } from '../bench/fanout-config.ts';
import { measureOverviewTime } from '../bench/overview-time.ts';
import {
  alertCheckChecks,
  type BenchResults,
  chartChecks,
  coldStartChecks,
  fanoutChecks,
  formatReport,
  overviewCheck,
  tickCostChecks,
  withSecretRead,
} from '../bench/report.ts';
import { SDK_BINDINGS_MODULE } from '../bench/sdk-bindings-reader.ts';
import { startSecretsManager } from '../bench/secrets-manager.ts';
import { startSqsStandIn } from '../bench/sqs-stand-in.ts';
import { createStateTableIn } from '../bench/state-table.ts';
import { measureTickCostInMemory, measureTickCostOnMoto, type TickCostResult } from '../bench/tick-cost.ts';
import { bundleFunctions, ROOT } from '../build/bundle.ts';
import { createChatDashClient } from '../chatdash/client.ts';
import { DEMO_CONFIG_PATH } from '../config/demo.ts';
import { loadConfigFile } from '../config/load.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import { createLocalQueue } from '../jobs/local-queue.ts';
import type { DigestJob } from '../jobs/schema.ts';
import { createLog } from '../log.ts';
import { parsePeriod } from '../periods/parse.ts';
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/index.ts';
import { createScheduleHandler } from '../schedule/handler.ts';
import type { SecretsProvider } from '../secrets/secrets.ts';
import { startSlackDouble } from '../slack-double/server.ts';
import { fetchInsights } from '../worker/analytics.ts';
import { buildDeps } from '../worker/build-deps.ts';
import { exitWithUsage, optionsOrExit, UsageError } from './args.ts';

const values = optionsOrExit('bench', process.argv.slice(2), {
  runs: { type: 'string' },
  quick: { type: 'boolean', default: false },
  json: { type: 'string' },
  subscriptions: { type: 'string', default: '1000' },
  channels: { type: 'string', default: '100' },
  stored: { type: 'string', default: '10000' },
  'overview-projects': { type: 'string', default: '50' },
  alerts: { type: 'string', default: '500' },
  'alert-projects': { type: 'string', default: '100' },
  help: { type: 'boolean', short: 'h' },
});
if (values.help) {
  console.log(`Usage: npm run bench [-- --runs N] [--quick] [--json FILE] [--subscriptions 1000] [--channels 100] [--stored 10000]
                 [--overview-projects 50] [--alerts 500] [--alert-projects 100]
Builds the Lambda bundles (into node_modules/.cache/chatdash-bench) and measures, in fresh node processes:
size, load, load + first answer and a warm answer for http, worker (a stats job without a chart, and
worker-charts: with its chart drawn and uploaded), schedule and deadletter, side by side with a naive Bolt
bundle, a slim Bolt bundle and a signature-only floor; http, worker and deadletter again with their secret
read from Secrets Manager (moto_server on loopback; skipped, with a notice, where it is not installed), as
every cold function does in AWS; http-sdk: the HTTP function reading runtime bindings through the AWS SDK; and
http-subscribe: the HTTP function saving the subscribe modal (the subscription UI's own bundle and the state store's
SDK loaded by that first request; the /chatdash stats ack loads neither), and http-alert: the same saving the alert
modal (the alerts UI's own bundle).
Then chart render times (cold and warm per chart, fresh processes), the end-to-end digest time, the fan-out of
--subscriptions digests over --channels channels at Slack's 1 message/s/channel against that floor (those two
without charts), one tick with --stored runtime subscriptions of which 10 are due (in memory, and on moto's
DynamoDB where moto_server is installed), the agency overview's time and ChatDash requests for
--overview-projects projects (on loopback, and with 250 ms added to each ChatDash request), then alert check rounds
for --alerts hourly alerts over --alert-projects projects (ChatDash requests and time per round), with the alert
stores in memory, then on moto's DynamoDB (with the reads of each round; skipped, with a notice, without moto_server).
--runs     samples per bundle and digest runs (default 7; 3 with --quick)
--json     also write every sample and result to FILE
Exits 1 if a target is missed.`);
  process.exit(0);
}

const runs = positiveInt(values.runs ?? (values.quick ? '3' : '7'), '--runs');
const subscriptionCount = positiveInt(values.subscriptions, '--subscriptions');
const channelCount = positiveInt(values.channels, '--channels');
const storedCount = positiveInt(values.stored, '--stored');
const overviewProjects = positiveInt(values['overview-projects'], '--overview-projects');
/** Stands in for a real API's latency in the second overview measurement. */
const OVERVIEW_LATENCY_MS = 250;
const alertCount = positiveInt(values.alerts, '--alerts');
const alertProjects = positiveInt(values['alert-projects'], '--alert-projects');
const benchStarted = performance.now();
const progress = (text: string) => process.stderr.write(`${text}\n`);

const dir = join(ROOT, 'node_modules', '.cache', 'chatdash-bench');
await mkdir(dir, { recursive: true });

progress('Building the function bundles and the baselines…');
const functions = await bundleFunctions({ configPath: DEMO_CONFIG_PATH, outdir: join(dir, 'functions') });
const baselines = await buildBaselines(join(dir, 'baselines'));
// The HTTP function with its bindings read through the AWS SDK instead of one signed request.
const [httpSdk] = await bundleFunctions({
  configPath: DEMO_CONFIG_PATH,
  outdir: join(dir, 'http-sdk'),
  functions: ['http'],
  plugins: [
    {
      name: 'sdk-bindings',
      setup(build) {
        build.onResolve({ filter: /store\/bindings-from-env\.ts$/ }, () => ({ path: SDK_BINDINGS_MODULE }));
      },
    },
  ],
});

const sandbox = await startSandbox();
// Files are ready at once here: Slack's own processing (1–2 s per Metabase) comes on top in production.
const slack = await startSlackDouble({ users: { U0ALICE: { tz: 'Europe/Paris' } }, fileProcessingPolls: 0 });
const sqs = await startSqsStandIn();
const secretValues = { slackSigningSecret: BENCH_SIGNING_SECRET, slackBotToken: 'xoxb-test-token', chatdashApiKey: SANDBOX_API_KEY };
const secretsManager = await startSecretsManager(secretValues);
if (!secretsManager) {
  progress('!!! moto_server is not installed: the cold starts WITHOUT the secret read from Secrets Manager only !!!');
}
try {
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCHLOCAL',
    AWS_SECRET_ACCESS_KEY: 'bench-local-not-a-secret',
    AWS_ENDPOINT_URL: sqs.url,
    JOBS_QUEUE_URL: `${sqs.url}/000000000000/chatdash-jobs`,
    STATE_TABLE: 'chatdash-bench-state',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    CHATDASH_API_KEY: SANDBOX_API_KEY,
    CHATDASH_API_URL: sandbox.url,
  };
  // The worker twice: `worker` answers without a chart (CHARTS=off), `worker-charts` draws, uploads and shows it.
  const variants: Variant[] = [...functions, ...baselines].flatMap((b): Variant[] =>
    b.name === 'worker'
      ? [
          { name: 'worker', file: b.file, bytes: b.bytes, env: { ...childEnv, CHARTS: 'off' } },
          { name: 'worker-charts', file: b.file, bytes: b.bytes },
        ]
      : [{ name: b.name, file: b.file, bytes: b.bytes }],
  );
  variants.splice(functions.length + 1, 0, { name: 'http-sdk', file: httpSdk!.file, bytes: httpSdk!.bytes });
  // The same http bundle saving the subscribe modal: its cold start, then the subscription UI bundle and the SDK on first use.
  const http = functions.find((f) => f.name === 'http')!;
  variants.splice(functions.length + 2, 0, { name: 'http-subscribe', file: http.file, bytes: http.bytes });
  // And saving the alert modal: then the alerts UI bundle and the SDK on first use.
  variants.splice(functions.length + 3, 0, { name: 'http-alert', file: http.file, bytes: http.bytes });
  if (secretsManager) {
    // As in AWS: no secret in the environment, only where to read it.
    const { SLACK_SIGNING_SECRET: _s, SLACK_BOT_TOKEN: _b, CHATDASH_API_KEY: _k, ...withoutSecrets } = childEnv;
    const env = { ...withoutSecrets, ...secretsManager.env };
    for (const fn of functions.filter((f) => f.secretsClient)) {
      const fnEnv = fn.name === 'worker' ? { ...env, CHARTS: 'off' } : env;
      variants.push({
        name: fn.name,
        label: withSecretRead(fn.name),
        file: fn.file,
        bytes: fn.bytes + fn.secretsClient!.bytes,
        env: fnEnv,
      });
    }
    // The alternative: the Lambda runtime's own copy of the client (here, node_modules), not bundled.
    const [runtimeSdk] = await bundleFunctions({
      configPath: DEMO_CONFIG_PATH,
      outdir: join(dir, 'functions-runtime-sdk'),
      functions: ['http'],
      secretsClient: 'runtime',
    });
    variants.push({
      name: 'http',
      label: `${withSecretRead('http')} (runtime SDK)`,
      file: runtimeSdk!.file,
      bytes: runtimeSdk!.bytes,
      env,
    });
  }

  progress(`Cold starts: ${variants.length} bundles × ${runs} fresh processes (+1 warm-up round)…`);
  const coldStarts = await measureColdStarts({ dir, env: childEnv, sqs, slack }, variants, runs, (done, total) => {
    if (done % variants.length === 0) progress(`  round ${done / variants.length} of ${total / variants.length}`);
  });

  const secretsRoundTripMs = secretsManager ? await secretsManager.roundTripMs(runs * 3) : undefined;

  const quiet = createLog({ quiet: true });
  const secrets: SecretsProvider = async () => ({
    slackSigningSecret: BENCH_SIGNING_SECRET,
    slackBotToken: 'xoxb-test-token',
    chatdashApiKey: SANDBOX_API_KEY,
  });
  const env = { SLACK_API_URL: slack.apiUrl, CHATDASH_API_URL: sandbox.url, CHARTS: 'off' };

  progress(`Chart renders: ${runs} fresh processes × every chart…`);
  const chartPeriod = parsePeriod('30d', { now: new Date(), timeZone: 'Europe/Paris' });
  if (!chartPeriod.ok) throw new Error(chartPeriod.error);
  const chartInsights = await fetchInsights(
    createChatDashClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url }),
    loadConfigFile(DEMO_CONFIG_PATH).projects[0]!.id,
    chartPeriod.period,
    DIGEST_METRICS,
    Date.now() + 15_000,
  );
  const charts = await measureChartRenders(dir, chartInsights, runs);

  progress(`End-to-end digest × ${runs}…`);
  const demoConfig = loadConfigFile(DEMO_CONFIG_PATH);
  slack.reset();
  const digest = await measureDigestTime(await buildDeps(demoConfig, env, secrets, quiet), 'acme-weekly', runs);

  progress(`Fan-out: ${subscriptionCount} subscriptions over ${channelCount} channels…`);
  const config = fanoutConfig({ subscriptions: subscriptionCount, channels: channelCount, projects: demoConfig.projects });
  // The real tick queues them: each channel's digests a second apart.
  const tickQueue = createLocalQueue();
  await createScheduleHandler({ config, queue: tickQueue, log: quiet, env: {} })({ time: FANOUT_TICK });
  const jobs = tickQueue.waiting().map((w) => ({ job: w.job as DigestJob, delaySeconds: w.delaySeconds }));
  if (jobs.length !== subscriptionCount) throw new Error(`${jobs.length} digests due on the tick, expected ${subscriptionCount}`);
  const fanout = await runFanout({ config, jobs, env, secrets, slack, log: quiet });

  progress(`The tick with ${storedCount.toLocaleString('en-US')} runtime subscriptions stored, 10 due…`);
  const tickCost: TickCostResult[] = [await measureTickCostInMemory(demoConfig, storedCount, 10, quiet)];
  if (isMotoInstalled()) tickCost.push(await measureTickCostOnMoto(demoConfig, storedCount, 10, quiet));
  else progress('  moto_server is not installed: the tick on DynamoDB is not measured.');

  progress(
    `Agency overview of ${overviewProjects} projects × ${runs}, on loopback and with ${OVERVIEW_LATENCY_MS} ms per ChatDash request…`,
  );
  slack.reset();
  const overview = [
    await measureOverviewTime({ projects: overviewProjects, runs, slack, log: quiet }),
    await measureOverviewTime({ projects: overviewProjects, runs, slack, log: quiet, latencyMs: OVERVIEW_LATENCY_MS }),
  ];

  progress(`Alert check rounds: ${alertCount} alerts on ${alertProjects} projects…`);
  slack.reset();
  const alertBench = { alerts: alertCount, projects: alertProjects, config: demoConfig, slack, secrets, log: quiet };
  const alertChecks = await runAlertBench(alertBench);
  let alertChecksOnDynamo: Awaited<ReturnType<typeof runAlertBench>> | undefined;
  if (isMotoInstalled()) {
    progress('  …again with the alert stores on DynamoDB (moto), counting what each round reads…');
    const moto = await startMoto();
    const client = new DynamoDBClient(moto.clientConfig);
    try {
      await createStateTableIn(client, 'chatdash-bench-alerts');
      slack.reset();
      alertChecksOnDynamo = await runAlertBench({ ...alertBench, dynamo: { tableName: 'chatdash-bench-alerts', env: { ...moto.env } } });
    } finally {
      client.destroy();
      await moto.stop();
    }
  } else {
    progress('  !!! moto_server is not installed: DynamoDB reads per alert round are NOT measured (pip install "moto[server]") !!!');
  }

  const results: BenchResults = {
    runs,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpus: availableParallelism(),
    coldStarts,
    checks: [...coldStartChecks(coldStarts), ...chartChecks(coldStarts, charts), ...fanoutChecks(fanout), ...tickCostChecks(tickCost)],
    charts,
    digest,
    fanout,
    tickCost,
    ...(secretsRoundTripMs !== undefined ? { secretsRoundTripMs } : {}),
    overview,
    alertChecks,
    ...(alertChecksOnDynamo ? { alertChecksOnDynamo } : {}),
    totalSeconds: (performance.now() - benchStarted) / 1000,
  };
  results.checks.push(
    ...overview.map(overviewCheck),
    ...alertCheckChecks(alertChecks),
    ...(alertChecksOnDynamo ? alertCheckChecks(alertChecksOnDynamo) : []),
  );
  console.log(formatReport(results));
  if (values.json) {
    const file = resolve(values.json);
    await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${file}`);
  }
  if (results.checks.some((c) => !c.pass)) process.exitCode = 1;
} finally {
  await Promise.allSettled([slack.close(), sandbox.close(), sqs.close(), secretsManager?.stop()]);
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    exitWithUsage('bench', new UsageError(`${flag} must be a positive whole number, not ${JSON.stringify(text)}`));
  return n;
}
