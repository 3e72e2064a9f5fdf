/**
 * Lambda: the jobs queue (SQS) — stats answers, drill-downs, digests and alert checks.
 * The secret read starts first: its request to Secrets Manager is in flight while the worker's code loads.
 */
import { config } from '../src/config/source.ts';
import { prefetchSecrets } from '../src/secrets/secrets.ts';

const { secrets, requested } = prefetchSecrets();
await requested;
const { createWorkerHandler } = await import('../src/worker/handler.ts');

export const handler = createWorkerHandler({ config, secrets });
