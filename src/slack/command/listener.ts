/** `/chatdash …`: answered at once from configuration, or handed to the worker with a "working on it" ack. */

import { checkAccess } from '../../config/access.ts';
import type { Config, ProjectConfig } from '../../config/schema.ts';
import { suggest } from '../../config/suggest.ts';
import { escapeMrkdwn, fitLines } from '../../digest/mrkdwn.ts';
import { errorFields } from '../../log.ts';
import type { BoltApp, HandlerContext } from '../app.ts';
import { boundCommandText, inlineList, moreText, quotedWords } from '../replies.ts';
import { requesterOf } from '../requester.ts';
import { type EphemeralMessage, helpMessage, notice, quoteUserWord } from './help.ts';
import { parseCommand, SUBCOMMANDS } from './parse.ts';

/** Matches `/chatdash` and renamed installs such as `/chatdash-staging`. */
export const COMMAND = /^\/chatdash/;

export function registerCommand(app: BoltApp, ctx: HandlerContext): void {
  app.command(COMMAND, async ({ command, ack }) => {
    const started = Date.now();
    let answer: EphemeralMessage;
    try {
      answer = await answerCommand(ctx, command);
    } catch (error) {
      // A bug must still end in an answer: without an ack Slack shows the person a bare "dispatch_failed".
      ctx.log('error', 'slack.command_failed', errorFields(error));
      answer = notice(':warning: Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your admin.');
    }
    await ack(answer);
    ctx.log('info', 'slack.command', { team: command.team_id, channel: command.channel_id, ms: Date.now() - started });
  });
}

interface CommandPayload {
  text: string;
  team_id: string;
  channel_id: string;
  channel_name?: string;
  user_id: string;
  response_url: string;
  trigger_id: string;
}

export async function answerCommand(ctx: HandlerContext, command: CommandPayload): Promise<EphemeralMessage> {
  const { config } = ctx;
  const requester = requesterOf(command.team_id, command.channel_id, command.user_id, command.channel_name);
  if (!requester) return notice('Sorry, Slack sent this command without a team, channel or user, so I can\u2019t answer it.');

  // Read at most a few words of the text, however much was sent; the rest is only counted.
  const bounded = boundCommandText(command.text ?? '');
  const parsed = parseCommand(
    bounded.text,
    config.projects.map((p) => p.key),
  );
  if (parsed.kind === 'help') return helpMessage();
  if (parsed.kind === 'unknown') {
    const guess = suggest(parsed.word.toLowerCase(), SUBCOMMANDS);
    const didYouMean = guess ? ` Did you mean \`/chatdash ${guess}\`?` : '';
    return helpMessage(`I don\u2019t know the command ${quoteUserWord(parsed.word)}.${didYouMean}`);
  }

  const access = checkAccess(config, requester);
  if (!access.ok) return notice(access.message);
  const visible = access.projects;

  if (parsed.kind === 'projects') return projectsMessage(visible);

  if (parsed.unknownWords.length > 0 || bounded.droppedWords > 0) {
    return helpMessage(`I didn\u2019t understand ${quotedWords(parsed.unknownWords, bounded.droppedWords)}.`);
  }
  // Only projects this channel may see can be picked: no second access check is needed.
  const project = pickProject(parsed.projectWord, visible);
  if (!project.ok) return project.answer;

  try {
    await ctx.queue.send({
      kind: 'stats',
      idempotencyKey: `stats:${command.trigger_id}`,
      requester,
      projectKey: project.project.key,
      rangeText: parsed.rangeText,
      responseUrl: command.response_url,
      requestedAt: ctx.now().toISOString(),
    });
  } catch (error) {
    ctx.log('error', 'queue.send_failed', { kind: 'stats', ...errorFields(error) });
    return notice(':warning: Sorry, I couldn\u2019t start on that just now. Please try again in a minute.');
  }
  const range = parsed.rangeText ? ` (${escapeMrkdwn(parsed.rangeText)})` : ' (last 7 days)';
  return notice(`:hourglass_flowing_sand: Getting the numbers for *${escapeMrkdwn(project.project.name)}*${range}\u2026`);
}

type ProjectPick = { ok: true; project: ProjectConfig } | { ok: false; answer: EphemeralMessage };

/** The named project if this channel may see it; with no name, the channel's only project. */
function pickProject(word: string | undefined, visible: readonly ProjectConfig[]): ProjectPick {
  if (word === undefined) {
    if (visible.length === 1) return { ok: true, project: visible[0]! };
    return {
      ok: false,
      answer: helpMessage(
        `Which project? Here you can use ${inlineList(visible.map((p) => `\`${p.key}\``))}, e.g. \`/chatdash stats ${visible[0]?.key ?? 'acme'} 30d\`.`,
      ),
    };
  }
  const project = visible.find((p) => p.key === word);
  if (project) return { ok: true, project };
  // Suggestions come only from the projects this channel may see: nothing leaks about the others.
  const guess = suggest(
    word,
    visible.map((p) => p.key),
  );
  const didYouMean = guess ? ` Did you mean \`${guess}\`?` : '';
  return {
    ok: false,
    answer: notice(
      `I can\u2019t find a project called ${quoteUserWord(word)} for this channel.${didYouMean} \`/chatdash projects\` lists the ones you can use here.`,
    ),
  };
}

function projectsMessage(projects: readonly ProjectConfig[]): EphemeralMessage {
  const lines = ['*Projects you can look at from here*', ...projects.map((p) => `\u2022 \`${p.key}\`: ${escapeMrkdwn(p.name)}`)];
  const tryLine = `\nTry \`/chatdash stats ${projects[0]?.key ?? ''} last week\`.`;
  return notice(`${fitLines(lines, 2000, (n) => `_${moreText(n)}_`)}${tryLine}`);
}

export type { Config };
