/**
 * How a subscription changes, whichever store keeps it: creation, an edit, a pause, a resume. Pure (the clock and
 * the id come in); both stores persist exactly what these return, so they agree on every rule: a new cron or time
 * zone moves the next run, a pause clears it, a resume restarts from now, each change bumps the version.
 */
import { randomBytes } from 'node:crypto';
import { nextRunAfter } from '../schedule/next-run.ts';
import { type Actor, actorLabel, type NewSubscription, type SubscriptionPatch } from './store.ts';
import { type PauseReason, type RuntimeSubscription, type SystemPauseReason, validSubscription } from './subscription-item.ts';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh runtime subscription id: `sub_` + 12 random lowercase letters and digits (~62 bits). */
export function newSubscriptionId(): string {
  const bytes = randomBytes(12);
  let id = 'sub_';
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/** Only people create subscriptions; the owner is the person who did. */
function userIdOf(actor: Actor): string {
  if (actor.type !== 'user') throw new TypeError('only a person can create a subscription');
  return actor.userId;
}

export function createdSubscription(input: NewSubscription, actor: Actor, now: Date, id = newSubscriptionId()): RuntimeSubscription {
  const at = now.toISOString();
  const userId = userIdOf(actor);
  const nextRunAt = nextRunAfter(input.schedule, input.timeZone, now);
  return validSubscription({
    id,
    ...coverageOf(input),
    channel: input.channel,
    schedule: input.schedule,
    timeZone: input.timeZone,
    period: input.period,
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(input.currencyDisplay !== undefined ? { currencyDisplay: input.currencyDisplay } : {}),
    ...(input.sections !== undefined ? { sections: input.sections } : {}),
    owner: input.owner,
    createdAt: at,
    createdBy: userId,
    updatedAt: at,
    updatedBy: userId,
    version: 1,
    ...(nextRunAt ? { nextRunAt } : {}),
  });
}

function touched(current: RuntimeSubscription, actor: Actor, now: Date): Pick<RuntimeSubscription, 'updatedAt' | 'updatedBy' | 'version'> {
  return { updatedAt: now.toISOString(), updatedBy: actorLabel(actor), version: current.version + 1 };
}

function withOptional<K extends 'locale' | 'currencyDisplay' | 'sections'>(
  current: RuntimeSubscription,
  patch: SubscriptionPatch,
  key: K,
): Partial<Pick<RuntimeSubscription, K>> {
  const value = patch[key];
  if (value === undefined) return current[key] === undefined ? {} : ({ [key]: current[key] } as Partial<Pick<RuntimeSubscription, K>>);
  if (value === null) return {};
  return { [key]: value } as Partial<Pick<RuntimeSubscription, K>>;
}

/** What a subscription covers (one project, or several, or `all`): the fields that are set (validation wants one). */
function coverageOf(settings: Pick<RuntimeSubscription, 'project' | 'projects'>): Pick<RuntimeSubscription, 'project' | 'projects'> {
  return {
    ...(settings.project !== undefined ? { project: settings.project } : {}),
    ...(settings.projects !== undefined ? { projects: settings.projects } : {}),
  };
}

export function patchedSubscription(current: RuntimeSubscription, patch: SubscriptionPatch, actor: Actor, now: Date): RuntimeSubscription {
  const schedule = patch.schedule ?? current.schedule;
  const timeZone = patch.timeZone ?? current.timeZone;
  const timingChanged = schedule !== current.schedule || timeZone !== current.timeZone;
  const { project: _p, projects: _ps, locale: _l, currencyDisplay: _c, sections: _s, nextRunAt: _n, ...rest } = current;
  let nextRunAt = current.nextRunAt;
  if (timingChanged && !current.paused) nextRunAt = nextRunAfter(schedule, timeZone, now);
  const coverage = patch.project !== undefined || patch.projects !== undefined ? coverageOf(patch) : coverageOf(current);
  // An overview has no sections: switching to several projects drops them.
  const sections = coverage.projects !== undefined ? {} : withOptional(current, patch, 'sections');
  return validSubscription({
    ...rest,
    ...coverage,
    schedule,
    timeZone,
    period: patch.period ?? current.period,
    ...withOptional(current, patch, 'locale'),
    ...withOptional(current, patch, 'currencyDisplay'),
    ...sections,
    ...touched(current, actor, now),
    ...(nextRunAt !== undefined ? { nextRunAt } : {}),
  });
}

export function pausedSubscription(current: RuntimeSubscription, reason: PauseReason, actor: Actor, now: Date): RuntimeSubscription {
  const { nextRunAt: _n, ...rest } = current;
  return validSubscription({
    ...rest,
    paused: { at: now.toISOString(), reason, ...(actor.type === 'user' ? { by: actor.userId } : {}) },
    ...touched(current, actor, now),
  });
}

export function resumedSubscription(current: RuntimeSubscription, actor: Actor, now: Date): RuntimeSubscription {
  const { paused: _p, nextRunAt: _n, ...rest } = current;
  const nextRunAt = nextRunAfter(current.schedule, current.timeZone, now);
  return validSubscription({ ...rest, ...touched(current, actor, now), ...(nextRunAt ? { nextRunAt } : {}) });
}

/** The fields a person's change (or a pause) rewrites; everything else (the last delivery) is left as it is. */
export const VERSIONED_FIELDS = [
  'project',
  'projects',
  'schedule',
  'timeZone',
  'period',
  'locale',
  'currencyDisplay',
  'sections',
  'updatedAt',
  'updatedBy',
  'version',
  'paused',
  'nextRunAt',
] as const satisfies readonly (keyof RuntimeSubscription)[];

/** Settings and state that matter in the audit trail (timestamps and version are implied by the log line). */
export function auditView(subscription: RuntimeSubscription | undefined): Record<string, unknown> | undefined {
  if (!subscription) return undefined;
  const { updatedAt: _u, updatedBy: _b, version: _v, lastDelivery: _d, ...rest } = subscription;
  return rest;
}

/** Reason codes for the pause when the worker can't post to a channel. */
export const PAUSE_FOR_SLACK_ERROR: Partial<Record<string, SystemPauseReason>> = {
  not_in_channel: 'bot_removed',
  is_archived: 'channel_archived',
  channel_not_found: 'channel_not_found',
};
