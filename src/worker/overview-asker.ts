/**
 * Telling whoever asked for an overview (command or click) something short, ephemerally. Its own module so the
 * dead-letter function can use it without loading the overview job's code (and the chart delivery it reaches).
 */
import { textMessage } from '../digest/blocks.ts';
import type { OverviewJob } from '../jobs/schema.ts';
import type { WorkerDeps } from './deps.ts';

/** A short ephemeral notice to whoever asked (used for refusals, failures and by the dead-letter function). */
export async function tellOverviewAsker(deps: WorkerDeps, job: OverviewJob, safeText: string): Promise<void> {
  const { request } = job;
  const { text } = textMessage(safeText);
  if (request.part === 'command') {
    await deps.respond(request.responseUrl, { response_type: 'ephemeral', replace_original: true, text });
  } else if (request.responseUrl) {
    await deps.respond(request.responseUrl, { response_type: 'ephemeral', replace_original: false, text });
  } else {
    await deps.slack.chat.postEphemeral({
      channel: job.requester.channelId,
      user: job.requester.userId,
      thread_ts: request.threadTs,
      text,
    });
  }
}
