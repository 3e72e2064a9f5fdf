/**
 * `/chatdash overview [range]` (also `/chatdash stats all [range]`, routed here by `stats.ts`): every project this
 * channel may see on one screen. On the ack path only: one `overview` job is queued and the person sees "working on
 * it"; the worker fetches and ranks. Nothing here touches ChatDash.
 */
import { noun } from '../../../../digest/plural.ts';
import { type EphemeralMessage, notice, quoteUserWord } from '../../../messages.ts';
import { enqueue } from '../../enqueue.ts';
import { notUnderstood } from './command-text.ts';
import { splitRangeWords } from './range-words.ts';
import type { Subcommand } from './subcommand.ts';

export const overview: Subcommand = {
  name: 'overview',
  usage:
    '`/chatdash overview [range]`: every project of this channel on one screen, what needs attention first (also `/chatdash stats all`)',
  async run(ctx, request) {
    const { rangeText, otherWords } = splitRangeWords(request.words);
    if (otherWords.length > 0 || request.unreadWords > 0) {
      return request.help(
        `I didn\u2019t understand ${notUnderstood(otherWords, request.unreadWords)}: \`/chatdash overview\` takes a range only, e.g. \`/chatdash overview 30d\`.`,
      );
    }
    let refused: EphemeralMessage | undefined;
    await enqueue(
      ctx,
      {
        kind: 'overview',
        idempotencyKey: `overview:${request.triggerId}`,
        requester: request.requester,
        request: {
          part: 'command',
          rangeText: rangeText.slice(0, 200),
          responseUrl: request.responseUrl,
          requestedAt: ctx.now().toISOString(),
        },
      },
      async (text) => {
        refused = notice(text);
      },
    );
    if (refused) return refused;
    const range = rangeText ? quoteUserWord(rangeText) : 'the last 7 days';
    const count = request.projects.length;
    return notice(`:hourglass_flowing_sand: Getting the overview of ${count} ${noun(count, 'project')} for ${range}\u2026`);
  },
};
