/** What `npm run dev` prints once it is connected: where its data and configuration come from, and what to try. Pure. */
import { relative } from 'node:path';
import type { DevBot } from './runner.ts';

export type BannerFacts = Pick<DevBot, 'identity' | 'config' | 'configPath' | 'open' | 'chatdashUrl' | 'usingSandbox' | 'notes'>;

export function devBanner(bot: BannerFacts, cwd = process.cwd()): string {
  const { identity, config } = bot;
  const path = relative(cwd, bot.configPath).startsWith('..') ? bot.configPath : relative(cwd, bot.configPath);
  const keys = config.projects.map((p) => p.key).join(', ');
  const data = bot.usingSandbox
    ? `the ChatDash sandbox on ${bot.chatdashUrl} (demo data; set CHATDASH_API_KEY for yours)`
    : `the ChatDash API at ${bot.chatdashUrl}`;
  const access = bot.open
    ? `open: any channel of this workspace may use ${keys} (--no-open applies the file as it is)`
    : `as written: ${config.workspaces.length} workspace(s), ${config.channels.length} channel binding(s) (--open lets your workspace in)`;
  const subscriptions = config.subscriptions.map((s) => s.name);
  const lines = [
    `ChatDash is running in Socket Mode in ${identity.team || 'your workspace'} (${identity.teamId})${identity.botName ? ` as @${identity.botName}` : ''}.`,
    `  Data           ${data}`,
    `  Configuration  ${path}, ${access}`,
    `  Schedule       every minute in this process: ${subscriptions.length === 0 ? 'no subscriptions' : subscriptions.join(', ')}`,
    `  Try            /chatdash stats ${config.projects[0]?.key ?? ''} 30d in a channel, then a drill-down button under the answer`,
    '  Stop           Ctrl-C',
  ];
  for (const note of bot.notes) lines.push(`\u25b2 ${note}`);
  return lines.join('\n');
}
