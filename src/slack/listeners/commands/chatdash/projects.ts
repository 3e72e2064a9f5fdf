/** `/chatdash projects`: the projects this channel may look at, answered at once from configuration. */
import type { ProjectConfig } from '../../../../config/schema.ts';
import { escapeMrkdwn } from '../../../../digest/mrkdwn.ts';
import { type EphemeralMessage, notice } from '../../../messages.ts';
import type { Subcommand } from './subcommand.ts';

export const projects: Subcommand = {
  name: 'projects',
  usage: '`/chatdash projects`: the projects you can look at from this channel',
  run: async (_ctx, request) => projectsMessage(request.projects),
};

export function projectsMessage(visible: readonly ProjectConfig[]): EphemeralMessage {
  const lines = visible.map((p) => `\u2022 \`${p.key}\`: ${escapeMrkdwn(p.name)}`);
  return notice(`*Projects you can look at from here*\n${lines.join('\n')}\nTry \`/chatdash stats ${visible[0]?.key ?? ''} last week\`.`);
}
