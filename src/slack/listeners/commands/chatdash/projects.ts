/** `/chatdash projects`: the projects this channel may look at, answered at once from configuration. */
import type { ProjectConfig } from '../../../../config/schema.ts';
import { escapeMrkdwn, fitLines } from '../../../../digest/mrkdwn.ts';
import { type EphemeralMessage, moreText, notice } from '../../../messages.ts';
import type { Subcommand } from './subcommand.ts';

export const projects: Subcommand = {
  name: 'projects',
  usage: '`/chatdash projects`: the projects you can look at from this channel',
  run: async (_ctx, request) => projectsMessage(request.projects),
};

/** Room for the list in the answer's text, before the "Try …" line (a configuration may have hundreds). */
const LIST_CHARS = 2000;

export function projectsMessage(visible: readonly ProjectConfig[]): EphemeralMessage {
  const lines = ['*Projects you can look at from here*', ...visible.map((p) => `\u2022 \`${p.key}\`: ${escapeMrkdwn(p.name)}`)];
  const tryLine = `\nTry \`/chatdash stats ${visible[0]?.key ?? ''} last week\`.`;
  return notice(`${fitLines(lines, LIST_CHARS, (n) => `_${moreText(n)}_`)}${tryLine}`);
}
