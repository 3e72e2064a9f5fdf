/** Lambda: every-minute EventBridge tick that fans out the digests and the alert checks falling due. */
import { config } from '../src/config/source.ts';
import { createScheduleHandler } from '../src/schedule/handler.ts';

export const handler = createScheduleHandler({ config });
