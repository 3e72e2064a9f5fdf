/**
 * `/chatdash overview [range]` (and `/chatdash stats all [range]`) on the ack path: after the usual access
 * check (done by the command listener), one overview job is queued and the person sees "working on it". Nothing
 * here touches ChatDash.
 */
import type { Requester } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import type { HandlerContext } from '../app.ts';
import { type EphemeralMessage, helpMessage, notice, quoteUserWord } from '../command/help.ts';

export async function answerOverview(
  ctx: HandlerContext,
  command: { trigger_id: string; response_url: string },
  requester: Requester,
  projectCount: number,
  parsed: { rangeText: string; unknownWords: string[] },
): Promise<EphemeralMessage> {
  if (parsed.unknownWords.length > 0) {
    return helpMessage(
      `I didn\u2019t understand ${parsed.unknownWords.map(quoteUserWord).join(', ')}: \`/chatdash overview\` takes a range only, e.g. \`/chatdash overview 30d\`.`,
    );
  }
  try {
    await ctx.queue.send({
      kind: 'overview',
      idempotencyKey: `overview:${command.trigger_id}`,
      requester,
      request: {
        part: 'command',
        rangeText: parsed.rangeText.slice(0, 200),
        responseUrl: command.response_url,
        requestedAt: ctx.now().toISOString(),
      },
    });
  } catch (error) {
    ctx.log('error', 'queue.send_failed', { kind: 'overview', ...errorFields(error) });
    return notice(':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.');
  }
  const range = parsed.rangeText ? quoteUserWord(parsed.rangeText) : 'the last 7 days';
  const projects = projectCount === 1 ? '1 project' : `${projectCount} projects`;
  return notice(`:hourglass_flowing_sand: Getting the overview of ${projects} for ${range}\u2026`);
}
