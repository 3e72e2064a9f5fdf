/**
 * First-run help for `npm run dev`: a new workspace is not in the configuration yet, so its requests are refused
 * (politely, in Slack, by the real listeners). This tells the developer, in the terminal, which ids Slack sent
 * and which YAML lines let them in; with `--open` it lets the bot's own workspace in for the session instead,
 * binding each channel it is used from to every project (and taking DMs from anyone in that workspace).
 *
 * The functions are pure; `devAccessMiddleware` is the Bolt global middleware that applies them before the
 * listeners run (it never answers Slack itself: the listeners' access checks and messages stay the real ones).
 */
import { relative } from 'node:path';
import * as z from 'zod/mini';
import { projectsForChannel } from '../config/access.ts';
import type { ChannelBinding, Config } from '../config/schema.ts';
import type { Requester } from '../jobs/schema.ts';
import type { BoltApp } from '../slack/listeners/context.ts';
import { requesterOf } from '../slack/requester.ts';

export interface SeenRequest {
  /** What arrived, for the developer: "a /chatdash command", "a button click", "an @mention". */
  what: string;
  requester: Requester;
}

const CommandBody = z.object({
  command: z.string(),
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  channel_name: z.optional(z.string()),
});
const InteractionBody = z.object({
  type: z.string(),
  team: z.optional(z.nullable(z.object({ id: z.string() }))),
  user: z.object({ id: z.string(), team_id: z.optional(z.string()) }),
  channel: z.optional(z.nullable(z.object({ id: z.string() }))),
  container: z.optional(z.object({ channel_id: z.optional(z.string()) })),
});
const EventBody = z.object({
  type: z.literal('event_callback'),
  team_id: z.string(),
  event: z.object({ type: z.string(), channel: z.optional(z.string()), user: z.optional(z.string()) }),
});

/** Who is asking from where, for any request body Bolt hands its middleware (undefined when it doesn't say). */
export function seenRequestOf(body: unknown): SeenRequest | undefined {
  const command = CommandBody.safeParse(body);
  if (command.success) {
    const c = command.data;
    const requester = requesterOf(c.team_id, c.channel_id, c.user_id, c.channel_name);
    return requester && { what: `a ${c.command} command`, requester };
  }
  const event = EventBody.safeParse(body);
  if (event.success) {
    const e = event.data;
    const requester = requesterOf(e.team_id, e.event.channel, e.event.user);
    return requester && { what: e.event.type === 'app_mention' ? 'an @mention' : `a ${e.event.type} event`, requester };
  }
  const interaction = InteractionBody.safeParse(body);
  if (interaction.success) {
    const i = interaction.data;
    const requester = requesterOf(i.team?.id ?? i.user.team_id, i.channel?.id ?? i.container?.channel_id, i.user.id);
    return requester && { what: i.type === 'block_actions' ? 'a button click' : `a ${i.type} interaction`, requester };
  }
  return undefined;
}

/** What `--open` adds to the configuration to let this request in (undefined: nothing to add, or not our workspace). */
export interface Opening {
  workspace?: string;
  admin?: string;
  binding?: ChannelBinding;
}

export function openingFor(config: Config, requester: Requester, ownTeamId: string): Opening | undefined {
  if (requester.teamId !== ownTeamId) return undefined;
  const opening: Opening = {};
  if (!config.workspaces.includes(ownTeamId)) opening.workspace = ownTeamId;
  if (requester.isDirectMessage) {
    if (!config.admins.includes(requester.userId)) opening.admin = requester.userId;
  } else if (projectsForChannel(config, requester.channelId).length === 0) {
    opening.binding = { channel: requester.channelId, projects: config.projects.map((p) => p.key) };
  }
  return Object.keys(opening).length > 0 ? opening : undefined;
}

/** Applies an opening to the configuration the listeners and the worker share (in memory only). */
export function applyOpening(config: Config, opening: Opening): void {
  if (opening.workspace) config.workspaces.push(opening.workspace);
  if (opening.admin) config.admins.push(opening.admin);
  if (opening.binding) config.channels.push(opening.binding);
}

const list = (items: readonly string[]) => `[${items.join(', ')}]`;

function yamlFor(config: Config, missing: { workspace?: string; admin?: string; channel?: string }, projects: readonly string[]): string[] {
  const lines: string[] = [];
  if (missing.workspace) lines.push(`workspaces: ${list([...config.workspaces, missing.workspace])}`);
  if (missing.admin) lines.push(`admins: ${list([...config.admins, missing.admin])}`);
  if (missing.channel) lines.push('channels:', `  - channel: ${missing.channel}`, `    projects: ${list(projects)}`);
  return lines;
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || rel === '' ? path : rel;
}

/** What an opening allows, and the YAML that would keep it. Describe it before applying it. */
export function describeOpening(config: Config, opening: Opening, seen: SeenRequest): string {
  const parts = [
    opening.workspace && `workspace ${opening.workspace}`,
    opening.admin && `DMs from ${opening.admin}`,
    opening.binding && `channel ${opening.binding.channel} with every project (${opening.binding.projects.join(', ')})`,
  ].filter(Boolean);
  const yaml = yamlFor(
    config,
    {
      ...(opening.workspace ? { workspace: opening.workspace } : {}),
      ...(opening.admin ? { admin: opening.admin } : {}),
      ...(opening.binding ? { channel: opening.binding.channel } : {}),
    },
    opening.binding?.projects ?? [],
  );
  return [
    `\u25cf --open: allowed ${parts.join(' and ')} for this session (${seen.what}). To keep it without --open, add to your configuration:`,
    ...yaml.map((l) => `    ${l}`),
  ].join('\n');
}

/**
 * Why the configuration refuses this request and the YAML that would let it in, or undefined when it is allowed
 * (or refused for a reason the developer needn't fix, like an unknown project). Mirrors `checkAccess`.
 */
export function refusalHint(config: Config, seen: SeenRequest, file: ConfigFile, ownTeamId: string): string | undefined {
  const { requester } = seen;
  const missingWorkspace = !config.workspaces.includes(requester.teamId);
  const missingAdmin = requester.isDirectMessage && !config.admins.includes(requester.userId);
  const missingChannel = !requester.isDirectMessage && projectsForChannel(config, requester.channelId).length === 0;
  if (!missingWorkspace && !missingAdmin && !missingChannel) return undefined;

  const where = requester.isDirectMessage ? `a DM (user ${requester.userId})` : `channel ${requester.channelId}`;
  const reasons = [
    missingWorkspace && 'the workspace is not in `workspaces`',
    missingAdmin && 'DMs are answered for `admins` only',
    missingChannel && 'the channel is not bound to a project in `channels`',
  ].filter(Boolean);
  const path = shownPath(file.path);
  const keys = config.projects.map((p) => p.key);
  const yaml = yamlFor(
    config,
    {
      ...(missingWorkspace ? { workspace: requester.teamId } : {}),
      ...(missingAdmin ? { admin: requester.userId } : {}),
      ...(missingChannel ? { channel: requester.channelId } : {}),
    },
    keys.slice(0, 1),
  );
  const lines = [
    `\u25b2 Refused ${seen.what} from workspace ${requester.teamId}, ${where}: ${reasons.join(' and ')} (${path}).`,
    `  To allow it, add to your configuration${missingChannel ? ` (the channel may have any of ${keys.join(', ')})` : ''}:`,
    ...yaml.map((l) => `    ${l}`),
    file.isDemo
      ? `  The demo configuration is part of the code: copy it first (cp ${path} chatdash.local.yml), then npm run dev -- --config chatdash.local.yml.`
      : '  then restart npm run dev.',
  ];
  if (requester.teamId === ownTeamId) {
    lines.push('  Or restart with `npm run dev -- --open` to let this workspace use every project from any channel, for the session.');
  }
  return lines.join('\n');
}

/** Where the configuration came from, for the hints. */
export interface ConfigFile {
  path: string;
  /** The bundled demo configuration (to be copied, not edited). */
  isDemo: boolean;
}

export interface DevAccessOptions {
  /** The configuration the listeners and the worker use (`--open` adds to it in memory). */
  config: Config;
  /** Its file, for the hints. */
  configFile: ConfigFile;
  /** Let the bot's own workspace in (`--open`). */
  open: boolean;
  /** The bot's own workspace (from `auth.test`). */
  teamId: string;
  /** Where hints go (the terminal). */
  print: (text: string) => void;
}

type GlobalMiddleware = Parameters<BoltApp['use']>[0];

export function devAccessMiddleware(options: DevAccessOptions): GlobalMiddleware {
  const hinted = new Set<string>();
  return async ({ body, next }) => {
    const seen = seenRequestOf(body);
    if (seen) {
      const opening = options.open ? openingFor(options.config, seen.requester, options.teamId) : undefined;
      if (opening) {
        const text = describeOpening(options.config, opening, seen);
        applyOpening(options.config, opening);
        options.print(text);
      } else {
        const hint = refusalHint(options.config, seen, options.configFile, options.teamId);
        const key = `${seen.requester.teamId}/${seen.requester.channelId}/${seen.requester.isDirectMessage ? seen.requester.userId : ''}`;
        if (hint && !hinted.has(key)) {
          hinted.add(key);
          options.print(hint);
        }
      }
    }
    await next();
  };
}
