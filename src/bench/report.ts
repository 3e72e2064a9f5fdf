/** The benchmark's verdicts and its printed table. Pure. */
import type { AlertBenchResult } from './alert-checks.ts';
import type { ChartRenderResult } from './chart-render.ts';
import type { VariantResult } from './cold-start.ts';
import type { DigestTimeResult } from './digest-time.ts';
import type { FanoutResult } from './fanout.ts';
import type { OverviewTimeResult } from './overview-time.ts';
import type { TickCostResult } from './tick-cost.ts';

/** Bundle sizes are in decimal kilobytes (1 KB = 1,000 bytes), as the budgets are. */
export const KB = 1000;
export const HTTP_BUNDLE_BUDGET_BYTES = 300 * KB;
/** Load + first ack of the HTTP function, at most this many times the slim one-command Bolt app's. */
export const MAX_RATIO_VS_SLIM_BOLT = 3;
/** The fan-out finishes within this many times Slack's floor (the busiest channel's digests at 1 message/s). */
export const MAX_FANOUT_RATIO_TO_FLOOR = 1.3;
/** The fan-out before digests were spread and re-queued (README, 2026-11-25): 1,000 digests, 100 channels. */
export const PREVIOUS_FANOUT = { seconds: 19.7, date: '2026-11-25' } as const;
/** A warm chart render (spec → PNG), each kind. */
export const MAX_WARM_CHART_MS = 150;
/** The worker's load + first answer for a stats job that draws no chart. */
export const MAX_WORKER_COLD_MS = 150;
/** What reading the secret from Secrets Manager (SDK load + one request) may add to the HTTP function's load + first ack. */
export const MAX_SECRET_READ_MS = 25;
/**
 * A cold http function saving the subscribe modal (the UI bundle, the DynamoDB SDK, a Query and a PutItem, the
 * announcement): Slack wants the view_submission's answer within 3 s; this leaves room for Slack's own round trips.
 */
export const MAX_SUBSCRIBE_COLD_MS = 1000;

/** The row label of a function measured with its secret read from Secrets Manager (as in AWS). */
export const withSecretRead = (name: string) => `${name} + secret read`;

export interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface BenchResults {
  runs: number;
  node: string;
  platform: string;
  cpus: number;
  coldStarts: VariantResult[];
  checks: Check[];
  charts?: ChartRenderResult;
  digest?: DigestTimeResult;
  fanout?: FanoutResult;
  tickCost?: TickCostResult[];
  /** moto_server's GetSecretValue round trip from a warm client (median), when the secret read was measured. */
  secretsRoundTripMs?: number;
  /** The overview on loopback, and with latency added to every ChatDash request. */
  overview?: OverviewTimeResult[];
  alertChecks?: AlertBenchResult;
  /** The same rounds with the alert stores on DynamoDB (moto), with what each round read; absent where moto is not installed. */
  alertChecksOnDynamo?: AlertBenchResult;
  totalSeconds?: number;
}

const byName = (results: readonly VariantResult[], name: string) => results.find((r) => r.name === name && r.label === undefined);
const byLabel = (results: readonly VariantResult[], label: string) => results.find((r) => r.label === label);

export function coldStartChecks(results: readonly VariantResult[]): Check[] {
  const http = byName(results, 'http');
  const slim = byName(results, 'slim-bolt');
  const naive = byName(results, 'naive-bolt');
  const checks: Check[] = [];
  if (!http) return checks;
  if (slim) {
    const ratio = http.median.firstMs / slim.median.firstMs;
    checks.push({
      name: 'http load+first ack vs slim Bolt',
      value: `${ratio.toFixed(2)}× (${ms(http.median.firstMs)} vs ${ms(slim.median.firstMs)} ms)`,
      target: `≤ ${MAX_RATIO_VS_SLIM_BOLT}×`,
      pass: ratio <= MAX_RATIO_VS_SLIM_BOLT,
    });
  }
  if (naive) {
    const ratio = http.median.firstMs / naive.median.firstMs;
    checks.push({
      name: 'http load+first ack vs naive Bolt',
      value: `${ratio.toFixed(2)}× (${ms(http.median.firstMs)} vs ${ms(naive.median.firstMs)} ms)`,
      target: '< 1× (faster)',
      pass: ratio < 1,
    });
  }
  const withSecret = byLabel(results, withSecretRead('http'));
  if (withSecret) {
    const added = withSecret.median.firstMs - http.median.firstMs;
    checks.push({
      name: 'http: what the secret read adds to load+first ack',
      value: `${ms(added)} ms (${ms(withSecret.median.firstMs)} vs ${ms(http.median.firstMs)} ms)`,
      target: `≤ ${MAX_SECRET_READ_MS} ms`,
      pass: added <= MAX_SECRET_READ_MS,
    });
  }
  const subscribe = byName(results, 'http-subscribe');
  if (subscribe) {
    checks.push({
      name: 'http load+first save of the subscribe modal (UI bundle and SDK loaded then)',
      value: `${ms(subscribe.median.firstMs)} ms`,
      target: `≤ ${MAX_SUBSCRIBE_COLD_MS} ms`,
      pass: subscribe.median.firstMs <= MAX_SUBSCRIBE_COLD_MS,
    });
  }
  const alert = byName(results, 'http-alert');
  if (alert) {
    checks.push({
      name: 'http load+first save of the alert modal (alerts UI bundle and SDK loaded then)',
      value: `${ms(alert.median.firstMs)} ms`,
      target: `≤ ${MAX_SUBSCRIBE_COLD_MS} ms`,
      pass: alert.median.firstMs <= MAX_SUBSCRIBE_COLD_MS,
    });
  }
  checks.push({
    name: 'http bundle size',
    value: `${kb(http.bytes)} KB`,
    target: `≤ ${HTTP_BUNDLE_BUDGET_BYTES / KB} KB`,
    pass: http.bytes <= HTTP_BUNDLE_BUDGET_BYTES,
  });
  return checks;
}

export function chartChecks(results: readonly VariantResult[], charts: ChartRenderResult | undefined): Check[] {
  const checks: Check[] = [];
  if (charts) {
    const [kind, worst] = Object.entries(charts.median)
      .map(([k, m]): [string, number] => [k, m.warmMs])
      .sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
    checks.push({
      name: 'warm chart render (slowest kind)',
      value: `${ms(worst)} ms (${kind})`,
      target: `≤ ${MAX_WARM_CHART_MS} ms`,
      pass: worst <= MAX_WARM_CHART_MS,
    });
  }
  const worker = byName(results, 'worker');
  if (worker) {
    checks.push({
      name: 'worker load+first answer, stats job without a chart',
      value: `${ms(worker.median.firstMs)} ms`,
      target: `≤ ${MAX_WORKER_COLD_MS} ms`,
      pass: worker.median.firstMs <= MAX_WORKER_COLD_MS,
    });
  }
  return checks;
}

export function formatCharts(c: ChartRenderResult): string {
  const rows = Object.entries(c.median).map(([kind, m]) => [
    kind,
    ms(m.loadMs),
    ms(m.coldMs),
    ms(m.secondMs),
    ms(m.warmMs),
    kb(m.pngBytes),
  ]);
  return [
    `Chart renders (ECharts SVG → resvg-wasm PNG, 1200×600): fresh node processes per chart, median of ${c.runs} (times in ms)`,
    table(['chart', 'load', 'cold', 'second', 'warm', 'PNG KB'], rows),
    'load = import() of the renderer; cold = the first chart of a process (wasm compile, fonts, first render);',
    `second = the next render (wasm still tiering up); warm = median of the ${c.warmRenders} renders after those two.`,
    `Renderer bundle ${kb(c.bundleBytes)} KB + resvg wasm ${kb(c.wasmBytes)} KB + fonts ${kb(c.fontBytes)} KB, loaded only when a chart is drawn.`,
  ].join('\n');
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function kb(bytes: number): string {
  return (bytes / KB).toFixed(1);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatColdStarts(results: readonly VariantResult[], runs: number): string {
  const rows = results.map((r) => [
    r.label ?? r.name,
    kb(r.bytes),
    ms(r.median.loadMs),
    ms(r.median.firstMs),
    ms(r.median.warmMs),
    ms(r.median.processMs),
    String(r.median.slackCalls),
  ]);
  return [
    `Cold starts: a fresh node process per sample, median of ${runs} (times in ms)`,
    table(['bundle', 'size KB', 'load', 'load+first', 'warm', 'process', 'Slack calls'], rows),
    'size = what a cold start loads (the entry, the handler it imports at init and their static chunks; "+ secret',
    'read" rows add the bundled Secrets Manager client); load = import() of the bundle; load+first = from before',
    'import() to the first answer (http: signed /chatdash stats 30d acked after the SQS send; worker: a stats job',
    'delivered, CHARTS=off; worker-charts: the same with its chart drawn, uploaded to the Slack double (ready at',
    'once) and shown; schedule: a tick that queues a digest; deadletter: a dead job reported); warm = a second',
    'request; process = spawn to exit; Slack calls = Web API calls made by the two requests (response_url posts',
    'not counted). "+ secret read": the secret read from Secrets Manager (moto_server on loopback) as in AWS,',
    'instead of from the environment; schedule reads no secret. With STATE_TABLE set, http reads the channel\u2019s',
    'runtime bindings per request (one signed DynamoDB Query); http-sdk is the same function reading them through',
    'the AWS SDK, for comparison (not deployed); http-subscribe is the http bundle saving the subscribe modal: its',
    'cold start as http\u2019s, then the subscription UI bundle and the DynamoDB SDK on that first request (a Query and',
    'a PutItem, then the announcement in the channel); http-alert the same saving the alert modal (the alerts UI',
    'bundle); schedule Queries the state table\u2019s due index through the SDK.',
  ].join('\n');
}

export function formatChecks(checks: readonly Check[]): string {
  return table(
    ['check', 'measured', 'target', ''],
    checks.map((c) => [c.name, c.value, c.target, c.pass ? 'PASS' : 'FAIL']),
  );
}

export function formatDigest(digest: DigestTimeResult): string {
  return `End-to-end digest (sandbox → render → chat.postMessage), ${digest.subscription}, median of ${digest.runs}: ${ms(digest.medianMs)} ms (min ${ms(digest.minMs)}, max ${ms(digest.maxMs)})`;
}

export function formatFanout(f: FanoutResult): string {
  return [
    `Fan-out: ${f.jobs.toLocaleString('en-US')} due digests, ${f.containers} workers × batches of ${f.batchSize} × concurrency ${f.concurrency}, Slack at 1 message/s/channel`,
    `  ${f.posted.toLocaleString('en-US')} posted in ${f.seconds.toFixed(1)} s = ${f.digestsPerSecond.toFixed(1)} digests/s;` +
      ` floor ${f.floorSeconds.toFixed(1)} s, ${f.ratioToFloor.toFixed(2)}× the floor (before spreading and re-queueing: ${PREVIOUS_FANOUT.seconds} s on ${PREVIOUS_FANOUT.date},` +
      ` ${(PREVIOUS_FANOUT.seconds / f.floorSeconds).toFixed(2)}×)`,
    `  ${f.requeued} re-queued instead of waiting, ${f.rateLimited} rate-limited answers, ${f.redeliveries} redeliveries,` +
      ` ${f.deadLettered} dead-lettered, ${f.channelMismatches} channels with a wrong count`,
  ].join('\n');
}

export function fanoutChecks(f: FanoutResult): Check[] {
  return [
    {
      name: 'fan-out vs Slack\u2019s floor',
      value: `${f.ratioToFloor.toFixed(2)}× (${f.seconds.toFixed(1)} s vs ${f.floorSeconds.toFixed(1)} s)`,
      target: `≤ ${MAX_FANOUT_RATIO_TO_FLOOR}×`,
      pass: f.ratioToFloor <= MAX_FANOUT_RATIO_TO_FLOOR,
    },
    {
      name: 'fan-out delivered every digest once',
      value: `${f.posted} of ${f.jobs}${f.channelMismatches > 0 ? `, ${f.channelMismatches} channels wrong` : ''}`,
      target: 'all',
      pass: f.posted === f.jobs && f.channelMismatches === 0,
    },
  ];
}

export function formatTickCost(results: readonly TickCostResult[]): string {
  const rows = results.map((r) => [
    r.store,
    r.stored.toLocaleString('en-US'),
    String(r.due),
    String(r.queued),
    String(r.itemsRead),
    String(r.requests),
    ms(r.ms),
  ]);
  return [
    'The tick with runtime subscriptions stored (one tick through the schedule handler):',
    table(['store', 'stored', 'due', 'queued', 'items read', 'requests', 'ms'], rows),
    'items read = what the store read (the due index range); ms on moto is moto\u2019s own index emulation.',
  ].join('\n');
}

/** O(due): the tick reads the due items and hardly anything more, whatever is stored. */
export function tickCostChecks(results: readonly TickCostResult[]): Check[] {
  return results.map((r) => ({
    name: `tick reads O(due) (${r.store})`,
    value: `${r.itemsRead} items for ${r.due} due of ${r.stored.toLocaleString('en-US')}`,
    target: `≤ ${r.due + 2}`,
    pass: r.itemsRead <= r.due + 2 && r.queued === r.due,
  }));
}

export function formatOverview(o: OverviewTimeResult): string {
  const latency = o.latencyMs > 0 ? `, ${o.latencyMs} ms added to each ChatDash request` : '';
  return [
    `Agency overview (/chatdash overview → sandbox → render → response_url), ${o.projects} projects, ${o.concurrency} at once${latency}, median of ${o.runs}: ${ms(o.medianMs)} ms (min ${ms(o.minMs)}, max ${ms(o.maxMs)})`,
    `  ${o.requestsPerRun} ChatDash requests per overview; ${o.maxLoading} projects still loading at worst (budget ${(o.budgetMs / 1000).toFixed(0)} s)`,
  ].join('\n');
}

/** Every project answered, within the worker's ChatDash budget, in every run. */
export function overviewCheck(o: OverviewTimeResult): Check {
  return {
    name: `overview of ${o.projects} projects within the budget${o.latencyMs > 0 ? ` (+${o.latencyMs} ms/request)` : ''}`,
    value: `${ms(o.maxMs)} ms at worst, ${o.maxLoading} still loading`,
    target: `all answered < ${(o.budgetMs / 1000).toFixed(0)} s`,
    pass: o.allDelivered && o.maxLoading === 0 && o.maxMs < o.budgetMs,
  };
}

export function formatAlertChecks(a: AlertBenchResult): string {
  const onDynamo = a.store !== 'in memory';
  const rows = a.rounds.map((r) => [
    r.name,
    String(r.jobs),
    String(r.alertsChecked),
    String(r.chatdashRequests),
    ...(onDynamo ? [`${r.storeReads.requests} / ${r.storeReads.items.toLocaleString('en-US')}`] : []),
    `${r.seconds.toFixed(2)} s`,
    `${Math.round(r.slowestJobMs)} ms`,
    `${r.redelivered}/${r.failed}`,
  ]);
  const headers = ['round', 'jobs', 'alerts checked', 'ChatDash requests'];
  if (onDynamo) headers.push('DynamoDB reads (requests / items)');
  return [
    `Alert check rounds (alert stores ${a.store}): ${a.alerts.toLocaleString('en-US')} hourly alerts on ${a.projects} projects, ${a.containers} workers × batches of ${a.batchSize} × concurrency ${a.concurrency}`,
    table([...headers, 'time', 'slowest job', 'redelivered/failed'], rows),
    ...(onDynamo
      ? [
          "  DynamoDB reads: the tick's due Query, and per job its alerts (one BatchGetItem), its past windows (one), ChatDash's health (one GetItem), its channel's bindings (one Query, the access re-check); time includes moto's latency.",
        ]
      : []),
  ].join('\n');
}

/** Verdicts on the alert rounds: every alert checked, and one ChatDash query per project once history is kept. */
export function alertCheckChecks(a: AlertBenchResult): Check[] {
  const warm = a.rounds[1];
  const all = a.rounds.every((r) => r.alertsChecked === a.alerts && r.failed === 0);
  const on = a.store === 'in memory' ? '' : ` (${a.store})`;
  const checks: Check[] = [
    {
      name: `alert rounds checked every alert${on}`,
      value: a.rounds.map((r) => r.alertsChecked).join(', '),
      target: `${a.alerts} each`,
      pass: all,
    },
  ];
  if (warm) {
    checks.push({
      name: `alert round: ChatDash requests with history kept${on}`,
      value: `${warm.chatdashRequests} for ${warm.jobs} jobs`,
      target: `= ${a.projects} (one per project)`,
      pass: warm.chatdashRequests === a.projects,
    });
  }
  return checks;
}

export function formatReport(results: BenchResults): string {
  const parts = [
    `chatdash-slack bench — node ${results.node}, ${results.platform}, ${results.cpus} CPUs`,
    '',
    formatColdStarts(results.coldStarts, results.runs),
    '',
    formatChecks(results.checks),
  ];
  if (results.charts) parts.push('', formatCharts(results.charts));
  if (results.secretsRoundTripMs !== undefined) {
    parts.push(
      '',
      `Secrets Manager stand-in (moto_server) round trip, warm client, median: ${ms(results.secretsRoundTripMs)} ms: part of every "+ secret read" figure, and moto's latency, not ours.`,
    );
  }
  if (results.digest) parts.push('', formatDigest(results.digest));
  if (results.fanout) parts.push('', formatFanout(results.fanout));
  if (results.tickCost && results.tickCost.length > 0) parts.push('', formatTickCost(results.tickCost));
  for (const overview of results.overview ?? []) parts.push('', formatOverview(overview));
  if (results.alertChecks) parts.push('', formatAlertChecks(results.alertChecks));
  if (results.alertChecksOnDynamo) parts.push('', formatAlertChecks(results.alertChecksOnDynamo));
  if (results.totalSeconds !== undefined) parts.push('', `Bench took ${results.totalSeconds.toFixed(1)} s.`);
  return parts.join('\n');
}
