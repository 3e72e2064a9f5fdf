/**
 * Cold starts: every sample is a fresh `node` process that imports one bundle and answers two requests (see
 * child-script.ts). Variants are interleaved round by round, so ours and the baselines see the same machine state.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SlackDouble } from '../slack-double/server.ts';
import { CHILD_SCRIPT, RESULT_MARKER } from './child-script.ts';
import { answerProblem, sampleEvents, type VariantName } from './events.ts';
import type { SqsStandIn } from './sqs-stand-in.ts';
import { median } from './stats.ts';

export interface Variant {
  name: VariantName;
  /** How the row is shown when it is not just `name` (e.g. "http + secret read"). */
  label?: string;
  file: string;
  /** What a cold start loads (the entry and its static chunks). */
  bytes: number;
  /** The child's whole environment, when it is not the harness's (e.g. secrets read from Secrets Manager). */
  env?: NodeJS.ProcessEnv;
}

export interface Sample {
  /** Node start to the first line of the script. */
  bootMs: number;
  /** `import()` of the bundle. */
  loadMs: number;
  /** From before `import()` to the first answer: load + cold first request. */
  firstMs: number;
  /** The second request, in the same process. */
  warmMs: number;
  /** Spawn to exit, seen from the parent. */
  processMs: number;
  /** Web API calls (response_url posts not counted) the two requests made to the Slack double. */
  slackCalls: number;
}

export interface VariantResult {
  name: VariantName;
  label?: string;
  bytes: number;
  samples: Sample[];
  median: Sample;
}

export interface ColdStartHarness {
  /** Where the child script and the event files go. */
  dir: string;
  /** The whole environment of the child processes. */
  env: NodeJS.ProcessEnv;
  sqs: SqsStandIn;
  slack: SlackDouble;
}

interface ChildOutput {
  bootMs: number;
  loadMs: number;
  firstMs: number;
  warmMs: number;
  first: unknown;
  second: unknown;
}

export async function writeChildScript(dir: string): Promise<string> {
  const file = join(dir, 'child.mjs');
  await writeFile(file, CHILD_SCRIPT);
  return file;
}

/** A sample that takes longer than this has hung (Slack's own limit is 3 s). */
const CHILD_TIMEOUT_MS = 20_000;

function runChild(
  script: string,
  bundle: string,
  eventsFile: string,
  env: NodeJS.ProcessEnv,
): Promise<{ output: ChildOutput; processMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, bundle, eventsFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const processMs = performance.now() - started;
      if (signal === 'SIGKILL') {
        reject(new Error(`${bundle} did not answer within ${CHILD_TIMEOUT_MS / 1000} s: ${(stderr || stdout).trim().slice(-800)}`));
        return;
      }
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`${bundle} exited with ${String(code)}: ${(stderr || stdout).trim().slice(-800)}`));
        return;
      }
      resolve({ output: JSON.parse(line.slice(RESULT_MARKER.length)) as ChildOutput, processMs });
    });
  });
}

/** What a sample must have caused outside the process: jobs on the SQS stand-in, replies on the Slack double. */
function sideEffectProblem(
  variant: VariantName,
  harness: ColdStartHarness,
  before: { sqs: number; dynamo: number; slack: number },
  responseIds: string[],
): string | undefined {
  if (variant === 'http' || variant === 'http-sdk' || variant === 'schedule') {
    const sent = harness.sqs.messages.length - before.sqs;
    if (sent !== 2) return `${sent} SQS messages, expected 2`;
    // Each request read the channel's runtime bindings (http), each tick the due index twice (schedule: its subscriptions'
    // and its alerts' partitions), when the table is set.
    const reads = harness.sqs.dynamo.length - before.dynamo;
    const expected = variant === 'schedule' ? 4 : 2;
    return harness.env.STATE_TABLE && reads !== expected ? `${reads} DynamoDB requests, expected ${expected}` : undefined;
  }
  if (variant === 'http-subscribe' || variant === 'http-alert') {
    // Each submission stored one subscription (or alert) and told the channel.
    const puts = harness.sqs.dynamo.slice(before.dynamo).filter((r) => r.target.endsWith('.PutItem')).length;
    if (puts !== 2) return `${puts} DynamoDB PutItem requests, expected 2`;
    const told = harness.slack.calls
      .slice(before.slack)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ACME').length;
    return told === 2 ? undefined : `${told} announcements in #acme, expected 2`;
  }
  if (variant === 'worker' || variant === 'worker-charts' || variant === 'deadletter') {
    const replies = harness.slack.callsTo('response_url').filter((c) => responseIds.includes(String(c.body.__responseUrlId)));
    const replied = new Set(replies.map((c) => String(c.body.__responseUrlId)));
    const missing = responseIds.filter((id) => !replied.has(id));
    if (missing.length > 0) return `no response_url reply for ${missing.join(', ')}`;
    const images = replies.filter((c) => JSON.stringify(c.body.blocks ?? []).includes('"slack_file"')).length;
    if (variant === 'worker-charts' && images < responseIds.length) return `${images} of ${responseIds.length} answers showed a chart`;
    if (variant === 'worker' && images > 0) return 'a chart was drawn with CHARTS=off';
    return undefined;
  }
  return undefined;
}

async function sample(harness: ColdStartHarness, script: string, variant: Variant, id: string): Promise<Sample> {
  const ids: string[] = [];
  const events = sampleEvents(variant.name, id, (rid) => {
    ids.push(rid);
    return harness.slack.responseUrl(rid);
  });
  const eventsFile = join(harness.dir, `events-${variant.name}.json`);
  await writeFile(eventsFile, JSON.stringify(events));
  const slackBefore = harness.slack.calls.length;
  const before = { sqs: harness.sqs.messages.length, dynamo: harness.sqs.dynamo.length, slack: slackBefore };
  const { output, processMs } = await runChild(script, variant.file, eventsFile, variant.env ?? harness.env);
  const problem =
    answerProblem(variant.name, output.first) ??
    answerProblem(variant.name, output.second) ??
    sideEffectProblem(variant.name, harness, before, ids);
  if (problem) throw new Error(`${variant.name}: ${problem}`);
  const slackCalls = harness.slack.calls.slice(slackBefore).filter((c) => c.method !== 'response_url').length;
  return { bootMs: output.bootMs, loadMs: output.loadMs, firstMs: output.firstMs, warmMs: output.warmMs, processMs, slackCalls };
}

/**
 * `runs` samples of every variant, round-robin, after one unrecorded warm-up round (so the first variant does not
 * pay for a cold file cache alone). Medians per variant.
 */
export async function measureColdStarts(
  harness: ColdStartHarness,
  variants: readonly Variant[],
  runs: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<VariantResult[]> {
  const script = await writeChildScript(harness.dir);
  const keyOf = (v: Variant) => v.label ?? v.name;
  const samples = new Map<string, Sample[]>(variants.map((v) => [keyOf(v), []]));
  const total = (runs + 1) * variants.length;
  let done = 0;
  for (let round = 0; round <= runs; round++) {
    for (const variant of variants) {
      const result = await sample(harness, script, variant, `r${round}`);
      if (round > 0) samples.get(keyOf(variant))!.push(result);
      onProgress(++done, total);
    }
  }
  return variants.map((v) => {
    const list = samples.get(keyOf(v))!;
    const pick = (key: keyof Sample) => median(list.map((s) => s[key]));
    return {
      name: v.name,
      ...(v.label ? { label: v.label } : {}),
      bytes: v.bytes,
      samples: list,
      median: {
        bootMs: pick('bootMs'),
        loadMs: pick('loadMs'),
        firstMs: pick('firstMs'),
        warmMs: pick('warmMs'),
        processMs: pick('processMs'),
        slackCalls: pick('slackCalls'),
      },
    };
  });
}
