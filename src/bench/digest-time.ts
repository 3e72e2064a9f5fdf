/** End-to-end digest time, in process: ChatDash sandbox → insights → Block Kit → chat.postMessage to the Slack double. */
import type { DigestJob } from '../jobs/schema.ts';
import { createMemoryStore } from '../store/memory.ts';
import type { WorkerDeps } from '../worker/deps.ts';
import { runDigest } from '../worker/digest.ts';
import { maxOf, median, minOf } from './stats.ts';

export interface DigestTimeResult {
  subscription: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Posts `subscription`'s digest `runs` times after one unrecorded warm-up; every run must post. */
export async function measureDigestTime(deps: WorkerDeps, subscription: string, runs: number): Promise<DigestTimeResult> {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const job: DigestJob = { kind: 'digest', subscription, scheduledFor: new Date().toISOString(), trigger: 'manual' };
    // A fresh store per run: the channel pacer would otherwise space the runs' posts a second apart, which is
    // Slack's pace, not the digest's cost.
    const runDeps = { ...deps, store: createMemoryStore({ log: deps.log }) };
    const started = performance.now();
    const outcome = await runDigest(job, runDeps);
    const ms = performance.now() - started;
    if (outcome !== 'posted') throw new Error(`digest ${subscription}: ${outcome}, expected posted`);
    if (i > 0) times.push(ms);
  }
  return { subscription, runs, medianMs: median(times), minMs: minOf(times), maxMs: maxOf(times) };
}
