/** Lambda: the jobs dead-letter queue — reports jobs that failed every try. */
import { config } from '../src/config/source.ts';
import { createDeadLetterHandler } from '../src/deadletter/handler.ts';

export const handler = createDeadLetterHandler({ config });
