/**
 * A runtime subscription (and a configuration subscription's delivery state) as stored: the zod schemas every
 * write and every read goes through, and the item attributes (keys, index entries) derived from the data.
 */
import * as z from 'zod/mini';
import { ALL_PROJECTS } from '../config/all-projects.ts';
import { CronExpression, CURRENCY_DISPLAYS, Locale, SECTIONS, TimeZone } from '../config/schema.ts';
import { summariseIssues } from './binding-item.ts';
import { channelPk, DUE, KIND, RUNTIME_SUBSCRIPTION_ID, subscriptionKey, subscriptionPk, subscriptionStateKey, userKey } from './keys.ts';

const ChannelId = z.string().check(z.regex(/^[CG][A-Z0-9]{2,}$/, 'is not a Slack channel id'));
const UserId = z.string().check(z.regex(/^[UW][A-Z0-9]{2,}$/, 'is not a Slack user id'));
const ProjectKey = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/), z.maxLength(40));
const Instant = z.iso.datetime();

/** Why a subscription is paused: by a person, or by the worker because its channel can't take messages. */
export const PAUSE_REASONS = ['user', 'bot_removed', 'channel_archived', 'channel_not_found', 'channel_unbound'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
/** The worker's reasons: the channel can't take the digest. */
export type SystemPauseReason = Exclude<PauseReason, 'user'>;

export const Pause = z.object({
  at: Instant,
  reason: z.enum(PAUSE_REASONS),
  /** Who paused it (reason `user`). */
  by: z.optional(UserId),
});
export type Pause = z.infer<typeof Pause>;

export const DELIVERY_TRIGGERS = ['schedule', 'send_now', 'manual'] as const;

/** The last time a digest of this subscription was (or could not be) posted. */
export const Delivery = z.object({
  result: z.enum(['posted', 'failed']),
  at: Instant,
  /** For failures: a short code (`not_in_channel`, `chatdash:unavailable`, `retries_exhausted`…). */
  reason: z.optional(z.string().check(z.regex(/^[a-z0-9_:.-]{1,100}$/))),
  /** The posted message's ts. */
  ts: z.optional(z.string().check(z.maxLength(40))),
  /** The occurrence (or the Send now click) the digest was for. */
  scheduledFor: z.optional(Instant),
  trigger: z.optional(z.enum(DELIVERY_TRIGGERS)),
});
export type Delivery = z.infer<typeof Delivery>;

/** The most projects a runtime subscription may list (`all` covers any number). */
export const MAX_LISTED_PROJECTS = 200;

/** Several projects, or `all` (every project its channel may see): the subscription posts the agency overview. */
export const ProjectList = z.union([z.literal(ALL_PROJECTS), z.array(ProjectKey).check(z.minLength(1), z.maxLength(MAX_LISTED_PROJECTS))]);
export type ProjectList = z.infer<typeof ProjectList>;

/**
 * What a subscription shows: the same fields as a YAML subscription (no name), with the time zone always set.
 * Exactly one of `project` and `projects` is set (see `coverageProblem`).
 */
export const SubscriptionSettings = z.object({
  /** One project: the subscription posts that project's digest. */
  project: z.optional(ProjectKey),
  /** A list of projects or `all`: the subscription posts the agency overview of those its channel may see. */
  projects: z.optional(ProjectList),
  channel: ChannelId,
  /** Standard 5-field cron, read in `timeZone`. */
  schedule: CronExpression,
  timeZone: TimeZone,
  /** Any period `/chatdash stats` accepts (`last week`, `7d`…). */
  period: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Unset: the configuration's default, read when the digest is built. */
  locale: z.optional(Locale),
  currencyDisplay: z.optional(z.enum(CURRENCY_DISPLAYS)),
  /** Parts of one project's digest (an overview has none). */
  sections: z.optional(z.array(z.enum(SECTIONS)).check(z.minLength(1), z.maxLength(SECTIONS.length))),
});
export type SubscriptionSettings = z.infer<typeof SubscriptionSettings>;

/** What ties the settings' fields together, as the configuration's checks do for YAML subscriptions. */
export function coverageProblem(settings: Pick<SubscriptionSettings, 'project' | 'projects' | 'sections'>): string | undefined {
  if (settings.project === undefined && settings.projects === undefined) return 'neither project nor projects is set';
  if (settings.project !== undefined && settings.projects !== undefined) return 'both project and projects are set';
  if (Array.isArray(settings.projects) && new Set(settings.projects).size !== settings.projects.length) return 'a project is listed twice';
  if (settings.projects !== undefined && settings.sections !== undefined) return 'an overview of projects has no sections';
  return undefined;
}

/** Where `listAll` puts a subscription: its project, or after every project for an overview of several. */
const OVERVIEW_GROUP = '~overview';

export const RuntimeSubscription = z.object({
  id: z.string().check(z.regex(RUNTIME_SUBSCRIPTION_ID)),
  ...SubscriptionSettings.shape,
  /** Who created it: may edit, pause and delete it (as may admins). */
  owner: UserId,
  createdAt: Instant,
  createdBy: UserId,
  updatedAt: Instant,
  /** A user id, or `system:<component>` for the worker's pauses. */
  updatedBy: z.string().check(z.maxLength(40)),
  /** Incremented by every change a person (or a pause) makes: an edit names the version it started from. */
  version: z.int().check(z.gte(1)),
  paused: z.optional(Pause),
  lastDelivery: z.optional(Delivery),
  /** The next cron occurrence to deliver; absent while paused (or for a cron that never runs again). */
  nextRunAt: z.optional(Instant),
});
export type RuntimeSubscription = z.infer<typeof RuntimeSubscription>;

/** The stored item: the subscription, its keys and its index entries (`due` only while it has a next run). */
export function subscriptionItem(subscription: RuntimeSubscription): Record<string, unknown> {
  return {
    ...subscriptionKey(subscription.id),
    entity: 'subscription',
    schema: 1,
    ...subscription,
    ...dueAttributes(subscription.nextRunAt),
    channelKey: channelPk(subscription.channel),
    ownerKey: userKey(subscription.owner),
    itemKey: subscriptionPk(subscription.id),
    kindKey: KIND.subscription,
    kindSort: `${subscription.project ?? OVERVIEW_GROUP}#${subscription.id}`,
  };
}

/** The `due` index entry for a next run (none when there is none). */
export function dueAttributes(nextRunAt: string | undefined): { dueKey?: string; dueAt?: string } {
  return nextRunAt === undefined ? {} : { dueKey: DUE.subscription, dueAt: nextRunAt };
}

const StoredSubscription = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('subscription'),
  schema: z.literal(1),
  ...RuntimeSubscription.shape,
  dueAt: z.optional(z.string()),
});

export type ItemParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The subscription in a stored item, or why it is not a valid one (the caller logs it and skips the item). */
export function parseSubscriptionItem(item: unknown): ItemParse<RuntimeSubscription> {
  const parsed = z.safeParse(StoredSubscription, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { pk, sk, entity: _entity, schema: _schema, dueAt, ...data } = parsed.data;
  const key = subscriptionKey(data.id);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the id' };
  if (data.paused && data.nextRunAt !== undefined) return { ok: false, problem: 'a paused subscription has a next run' };
  const coverage = coverageProblem(data);
  if (coverage) return { ok: false, problem: coverage };
  if (dueAt !== data.nextRunAt) return { ok: false, problem: 'the due index entry does not match nextRunAt' };
  return { ok: true, value: data };
}

/** The checked data of a subscription about to be written; throws on invalid data (a bug in the caller). */
export function validSubscription(data: RuntimeSubscription): RuntimeSubscription {
  const parsed = z.safeParse(RuntimeSubscription, data);
  if (!parsed.success) throw new TypeError(`invalid subscription: ${summariseIssues(parsed.error.issues)}`);
  if (parsed.data.paused && parsed.data.nextRunAt !== undefined) throw new TypeError('invalid subscription: paused with a next run');
  const coverage = coverageProblem(parsed.data);
  if (coverage) throw new TypeError(`invalid subscription: ${coverage}`);
  return parsed.data;
}

export function validDelivery(delivery: Delivery): Delivery {
  const parsed = z.safeParse(Delivery, delivery);
  if (!parsed.success) throw new TypeError(`invalid delivery: ${summariseIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** A YAML subscription's bookkeeping: its last delivery (the rest of it lives in the configuration). */
export const SubscriptionState = z.object({
  name: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/), z.maxLength(80)),
  lastDelivery: Delivery,
});
export type SubscriptionState = z.infer<typeof SubscriptionState>;

export function subscriptionStateItem(state: SubscriptionState): Record<string, unknown> {
  return { ...subscriptionStateKey(state.name), entity: 'subscription_state', schema: 1, ...state };
}

const StoredState = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal('subscription_state'),
  schema: z.literal(1),
  ...SubscriptionState.shape,
});

export function parseSubscriptionStateItem(item: unknown): ItemParse<SubscriptionState> {
  const parsed = z.safeParse(StoredState, item);
  if (!parsed.success) return { ok: false, problem: summariseIssues(parsed.error.issues) };
  const { pk, sk, name, lastDelivery } = parsed.data;
  const key = subscriptionStateKey(name);
  if (key.pk !== pk || key.sk !== sk) return { ok: false, problem: 'keys do not match the name' };
  return { ok: true, value: { name, lastDelivery } };
}
