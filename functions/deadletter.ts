/**
 * Lambda: the jobs dead-letter queue — reports jobs that failed every try.
 * The secret read starts first: its request to Secrets Manager is in flight while the rest of the code loads.
 */
import { config } from '../src/config/source.ts';
import { prefetchSecrets } from '../src/secrets/secrets.ts';

const { secrets, requested } = prefetchSecrets();
await requested;
const { createDeadLetterHandler } = await import('../src/deadletter/handler.ts');

export const handler = createDeadLetterHandler({ config, secrets });
