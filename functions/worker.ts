/** Lambda: the jobs queue (SQS) — stats answers, drill-downs and digests. */
import { config } from '../src/config/source.ts';
import { createWorkerHandler } from '../src/worker/handler.ts';

export const handler = createWorkerHandler({ config });
