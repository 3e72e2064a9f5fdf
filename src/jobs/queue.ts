import type { Job } from './schema.ts';

/** Hands jobs to the worker. In AWS an SQS queue; in the demo and tests possibly an in-process stand-in. */
export interface JobQueue {
  send(job: Job): Promise<void>;
  /** Sends many jobs, in batches where the transport allows it. */
  sendAll?(jobs: readonly Job[]): Promise<void>;
}
