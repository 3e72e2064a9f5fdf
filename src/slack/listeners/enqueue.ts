/** Hands a job to the worker from a listener; when the queue refuses it, the person hears so (this never throws). */
import type { Job } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import { COULD_NOT_START } from '../messages.ts';
import type { ListenerContext } from './context.ts';

/** Queues `job`; on failure logs `queue.send_failed` and tells the person through `tellUser` (whose own failure is logged). */
export async function enqueue(ctx: ListenerContext, job: Job, tellUser: (text: string) => Promise<void>): Promise<void> {
  try {
    await ctx.queue.send(job);
  } catch (error) {
    ctx.log('error', 'queue.send_failed', { kind: job.kind, ...errorFields(error) });
    await tellUser(COULD_NOT_START).catch((e: unknown) => {
      ctx.log('error', 'slack.tell_user_failed', errorFields(e));
    });
  }
}
