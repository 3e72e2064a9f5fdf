/** The jobs queue as the HTTP function, the tick and the worker see it: one interface over SQS and its in-process stand-ins. */
import type { Job } from './schema.ts';

export interface SendOptions {
  /** Hold the job back this many seconds before the worker may receive it (SQS DelaySeconds: 0–900). */
  delaySeconds?: number;
}

/** Hands jobs to the worker. In AWS an SQS queue; in the demo and tests possibly an in-process stand-in. */
export interface JobQueue {
  send(job: Job, options?: SendOptions): Promise<void>;
  /** Sends many jobs, in batches where the transport allows it; `delaySeconds[i]` delays `jobs[i]`. */
  sendAll?(jobs: readonly Job[], options?: { delaySeconds?: readonly number[] }): Promise<void>;
}
