/**
 * Who may do what with subscriptions and channel bindings. Pure: the caller brings the facts (the person, whether
 * they are an admin, what the channel may see) and gets a yes, or a refusal with a sentence for Slack.
 *
 * - Anyone who may query a project in a channel may subscribe that channel to it (to several: each of them; to
 *   `all`: anyone who may query there).
 * - Editing, pausing, resuming and deleting belong to the subscription's owner and to admins.
 * - Send now: the owner, admins, or anyone who may query the project (an overview: any project) in the
 *   subscription's own channel, from that channel (it posts there what they could ask for themselves).
 * - Subscriptions and bindings from the configuration file are read-only from Slack.
 * - Only admins bind and unbind channels, and see every subscription.
 * Refusals never name a project the person could not see anyway.
 */
import type { AccessDecision } from '../config/access.ts';
import { ALL_PROJECTS } from '../config/all-projects.ts';
import type { Config } from '../config/schema.ts';
import type { Subscription } from './model.ts';

export interface PolicyActor {
  userId: string;
  isAdmin: boolean;
}

export function policyActor(config: Pick<Config, 'admins'>, userId: string): PolicyActor {
  return { userId, isAdmin: config.admins.includes(userId) };
}

export type PolicyRefusal = 'read_only' | 'not_owner' | 'admins_only' | 'cannot_query';

export const POLICY_MESSAGES = {
  read_only:
    'This one comes from the bot\u2019s configuration file, so it can\u2019t be changed from Slack. Ask your ChatDash admin to change it there.',
  not_owner: 'Only the person who set this up, or a ChatDash admin, can change it.',
  admins_only: 'Only ChatDash admins can do that.',
  cannot_query: 'Sorry, there is no project by that name available in this channel.',
} as const satisfies Record<PolicyRefusal, string>;

export type Permission = { ok: true } | { ok: false; reason: PolicyRefusal | 'access'; message: string };

const allow: Permission = { ok: true };
const deny = (reason: PolicyRefusal): Permission => ({ ok: false, reason, message: POLICY_MESSAGES[reason] });

/** What a subscription covers: one project, or several (a list, or `all` the channel may see). */
export interface Coverage {
  project?: string | undefined;
  projects?: readonly string[] | typeof ALL_PROJECTS | undefined;
}

/**
 * `access`: the decision for the channel to subscribe, from `checkChannelAccess`. One project, or each listed one,
 * must be one the channel may see; `all` is whatever it may see.
 */
export function canSubscribe(access: AccessDecision, coverage: Coverage): Permission {
  if (!access.ok) return { ok: false, reason: 'access', message: access.message };
  if (coverage.projects === ALL_PROJECTS) return allow;
  const wanted = coverage.projects ?? (coverage.project === undefined ? [] : [coverage.project]);
  const visible = new Set(access.projects.map((p) => p.key));
  return wanted.length > 0 && wanted.every((key) => visible.has(key)) ? allow : deny('cannot_query');
}

/** Edit, pause, resume, delete. */
export function canManage(actor: PolicyActor, subscription: Pick<Subscription, 'source' | 'owner'>): Permission {
  if (subscription.source === 'config') return deny('read_only');
  if (actor.isAdmin || subscription.owner === actor.userId) return allow;
  return deny('not_owner');
}

/**
 * `fromChannel`: where the click came from; `access`: the decision for the subscription's channel (only consulted
 * for someone who is neither owner nor admin, clicking in that channel).
 */
export function canSendNow(
  actor: PolicyActor,
  subscription: Pick<Subscription, 'owner' | 'channel' | 'project' | 'projects'>,
  fromChannel: string,
  access: AccessDecision | undefined,
): Permission {
  if (actor.isAdmin || (subscription.owner !== undefined && subscription.owner === actor.userId)) return allow;
  if (fromChannel !== subscription.channel || !access) return deny('not_owner');
  // An overview only ever shows projects its channel may see (see coveredProjects): anyone who may query there.
  if (subscription.projects !== undefined) return access.ok ? allow : { ok: false, reason: 'access', message: access.message };
  return canSubscribe(access, { project: subscription.project });
}

export function canBind(actor: PolicyActor): Permission {
  return actor.isAdmin ? allow : deny('admins_only');
}

/** A binding from the configuration file can only be removed there. */
export function canUnbind(actor: PolicyActor, source: 'config' | 'runtime'): Permission {
  if (!actor.isAdmin) return deny('admins_only');
  return source === 'config' ? deny('read_only') : allow;
}

/** Every subscription and binding (the admins' App Home). */
export function canSeeEverything(actor: PolicyActor): Permission {
  return actor.isAdmin ? allow : deny('admins_only');
}
