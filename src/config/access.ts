/**
 * Who may see what. Pure.
 *
 * A request is allowed from a configured workspace, in a channel bound to projects (or in a DM by an admin), for a
 * project bound to that channel. Refusals are polite and leak nothing: they never name or list projects bound
 * elsewhere, and "no such project" reads exactly like "not bound here", so nobody can probe for project names.
 */
import type { Config, ProjectConfig } from './schema.ts';
import { suggest } from './suggest.ts';

export interface AccessRequest {
  teamId: string;
  channelId: string;
  userId: string;
  isDirectMessage: boolean;
}

export type AccessRefusal = 'workspace' | 'dm_not_admin' | 'channel_not_bound' | 'project_not_bound';

export type AccessDecision =
  | {
      ok: true;
      /** The projects this channel (or this admin's DM) may query, in configuration order. */
      projects: ProjectConfig[];
      /** The requested project, when `projectKey` was given. */
      project?: ProjectConfig;
    }
  | { ok: false; reason: AccessRefusal; message: string };

export const ACCESS_MESSAGES = {
  workspace: 'Sorry, ChatDash isn\u2019t set up for this Slack workspace. Ask your ChatDash admin to add it.',
  dm_not_admin: 'Sorry, ChatDash answers direct messages from its admins only. Try `/chatdash` in a channel that has been set up for it.',
  channel_not_bound: 'Sorry, this channel isn\u2019t set up for ChatDash yet. Ask your ChatDash admin to connect it to a project.',
  project_not_bound: 'Sorry, there is no project by that name available in this channel.',
} as const satisfies Record<AccessRefusal, string>;

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A project by key or by display name (both case-insensitive), among `projects` (default: all). */
export function findProject(
  config: Pick<Config, 'projects'>,
  keyOrName: string,
  projects: readonly ProjectConfig[] = config.projects,
): ProjectConfig | undefined {
  const wanted = normalise(keyOrName);
  if (wanted === '') return undefined;
  return projects.find((p) => p.key.toLowerCase() === wanted) ?? projects.find((p) => normalise(p.name) === wanted);
}

/** Projects bound to a channel, in configuration order (a project bound twice is listed once). */
export function projectsForChannel(config: Config, channelId: string): ProjectConfig[] {
  const keys = new Set(config.channels.filter((b) => b.channel === channelId).flatMap((b) => b.projects));
  return config.projects.filter((p) => keys.has(p.key));
}

function refuse(reason: AccessRefusal, extra = ''): AccessDecision {
  return { ok: false, reason, message: ACCESS_MESSAGES[reason] + extra };
}

export function checkAccess(config: Config, request: AccessRequest, projectKey?: string): AccessDecision {
  if (!config.workspaces.includes(request.teamId)) return refuse('workspace');

  let projects: ProjectConfig[];
  if (request.isDirectMessage) {
    if (!config.admins.includes(request.userId)) return refuse('dm_not_admin');
    projects = [...config.projects];
  } else {
    projects = projectsForChannel(config, request.channelId);
    if (projects.length === 0) return refuse('channel_not_bound');
  }

  if (projectKey === undefined) return { ok: true, projects };
  const project = findProject(config, projectKey, projects);
  if (!project) {
    // Suggestions come only from the projects allowed here, so they are the same whether or not the word names a
    // project elsewhere. Keys are [a-z0-9-]: safe in mrkdwn.
    const guess = suggest(
      projectKey,
      projects.map((p) => p.key),
    );
    return refuse('project_not_bound', guess ? ` Did you mean \`${guess}\`?` : '');
  }
  return { ok: true, projects, project };
}
