/**
 * `/chatdash stats [project] [range]`: picks the project among those this channel may see and hands the rest to the
 * worker as a `stats` job, acking with "working on it". It never waits on ChatDash. `/chatdash stats all [range]`
 * is the overview of every project here (`overview.ts`).
 */
import { ALL_PROJECTS } from '../../../../config/all-projects.ts';
import type { ProjectConfig } from '../../../../config/schema.ts';
import { suggest } from '../../../../config/suggest.ts';
import { escapeMrkdwn } from '../../../../digest/mrkdwn.ts';
import { errorFields } from '../../../../log.ts';
import { COULD_NOT_START, type EphemeralMessage, inlineList, notice, quoteUserWord } from '../../../messages.ts';
import { notUnderstood } from './command-text.ts';
import { overview } from './overview.ts';
import { parseStatsArgs } from './stats-args.ts';
import type { Subcommand, SubcommandRequest } from './subcommand.ts';

export const stats: Subcommand = {
  name: 'stats',
  usage: '`/chatdash stats [project] [range]`: conversations, users, costs and what changed, e.g. `/chatdash stats acme 30d`',
  async run(ctx, request) {
    // `all` is a reserved project key (see `src/config/checks.ts`): wherever it stands, it means every project here.
    const all = request.words.findIndex((w) => w.toLowerCase() === ALL_PROJECTS);
    if (all >= 0) return overview.run(ctx, { ...request, words: request.words.filter((_, i) => i !== all) });
    const args = parseStatsArgs(
      request.words,
      ctx.config.projects.map((p) => p.key),
    );
    if (args.unknownWords.length > 0 || request.unreadWords > 0) {
      return request.help(`I didn\u2019t understand ${notUnderstood(args.unknownWords, request.unreadWords)}.`);
    }
    // Only projects this channel may see can be picked: no second access check is needed.
    const project = pickProject(args.projectWord, request);
    if (!project.ok) return project.answer;

    try {
      await ctx.queue.send({
        kind: 'stats',
        idempotencyKey: `stats:${request.triggerId}`,
        requester: request.requester,
        projectKey: project.project.key,
        rangeText: args.rangeText,
        responseUrl: request.responseUrl,
        requestedAt: ctx.now().toISOString(),
      });
    } catch (error) {
      ctx.log('error', 'queue.send_failed', { kind: 'stats', ...errorFields(error) });
      return notice(COULD_NOT_START);
    }
    const range = args.rangeText ? ` (${escapeMrkdwn(args.rangeText)})` : ' (last 7 days)';
    return notice(`:hourglass_flowing_sand: Getting the numbers for *${escapeMrkdwn(project.project.name)}*${range}\u2026`);
  },
};

type ProjectPick = { ok: true; project: ProjectConfig } | { ok: false; answer: EphemeralMessage };

/** The named project if this channel may see it; with no name, the channel's only project. */
function pickProject(word: string | undefined, request: SubcommandRequest): ProjectPick {
  const visible = request.projects;
  if (word === undefined) {
    if (visible.length === 1) return { ok: true, project: visible[0]! };
    return {
      ok: false,
      answer: request.help(
        `Which project? Here you can use ${inlineList(visible.map((p) => `\`${p.key}\``))}, e.g. \`/chatdash stats ${visible[0]?.key ?? 'acme'} 30d\`.`,
      ),
    };
  }
  const project = visible.find((p) => p.key === word);
  if (project) return { ok: true, project };
  return { ok: false, answer: projectNotHere(word, visible) };
}

/**
 * "No project called … for this channel", with a "did you mean" among the projects this channel may see only: the
 * same answer whether or not the word names a project elsewhere.
 */
export function projectNotHere(word: string, visible: readonly ProjectConfig[]): EphemeralMessage {
  const guess = suggest(
    word,
    visible.map((p) => p.key),
  );
  const didYouMean = guess ? ` Did you mean \`${guess}\`?` : '';
  return notice(
    `I can\u2019t find a project called ${quoteUserWord(word)} for this channel.${didYouMean} \`/chatdash projects\` lists the ones you can use here.`,
  );
}
