/**
 * Jobs the HTTP function and the scheduler hand to the worker through SQS. The schema is the source of the
 * types; the worker validates every message before it acts on it.
 */
import * as z from 'zod/mini';
import { DRILLDOWN_VIEWS } from '../insights/views.ts';

const slackId = z.string().check(z.regex(/^[A-Z0-9]+$/));
const isoInstant = z.iso.datetime();

/** Where an interactive request came from: used for access checks and to answer the person who asked. */
export const Requester = z.object({
  teamId: slackId,
  channelId: slackId,
  userId: slackId,
  isDirectMessage: z.boolean(),
});
export type Requester = z.infer<typeof Requester>;

export const StatsJob = z.object({
  kind: z.literal('stats'),
  /** Deduplicates SQS redeliveries (Slack's trigger_id for the command). */
  idempotencyKey: z.string(),
  requester: Requester,
  projectKey: z.string(),
  rangeText: z.string(),
  responseUrl: z.url(),
  /** When the person asked: periods are computed from this, not from when the worker runs. */
  requestedAt: isoInstant,
});
export type StatsJob = z.infer<typeof StatsJob>;

export const DrilldownJob = z.object({
  kind: z.literal('drilldown'),
  /** Button: message ts + action ts + user; mention: the Events API event_id (stable across Slack's retries). */
  idempotencyKey: z.string(),
  requester: Requester,
  /**
   * The clicked button's value as Slack sent it (untrusted: the worker decodes and checks it). Absent for
   * @mentions: the worker reads the same reference from the digest the thread hangs off.
   */
  buttonValue: z.optional(z.string().check(z.maxLength(2000))),
  /** Absent when a mention asked for nothing the bot knows: the worker answers with what it can show. */
  view: z.optional(z.enum(DRILLDOWN_VIEWS)),
  /** Thread to reply in (the digest's ts). */
  threadTs: z.string(),
  /** False for a mention outside any thread: the worker replies with a short how-to. */
  inThread: z.optional(z.boolean()),
  /** The click's response_url (buttons only): notices reach the person who clicked even where the bot can't post. */
  responseUrl: z.optional(z.url()),
  /** The click was on an ephemeral message (a /chatdash stats answer): the reply goes there, not to a thread. */
  ephemeral: z.optional(z.boolean()),
});
export type DrilldownJob = z.infer<typeof DrilldownJob>;

/** Where a subscription lives: the configuration file (by name) or the state store (`sub_…`). Default `config`. */
const SubscriptionSource = z.optional(z.enum(['config', 'runtime']));
/** Times a rate-limited job was put back on the queue (bounded: see src/worker/requeue.ts). */
const Requeues = z.optional(z.int().check(z.gte(0), z.lte(1000)));

export const DigestJob = z.object({
  kind: z.literal('digest'),
  /** The subscription's id: its name in the configuration, or a runtime `sub_…` id. */
  subscription: z.string().check(z.maxLength(100)),
  source: SubscriptionSource,
  /** The cron occurrence this digest is for; with the subscription it identifies the digest. */
  scheduledFor: isoInstant,
  /** `schedule` for the scheduler, `manual` for `npm run digest`. */
  trigger: z.enum(['schedule', 'manual']),
  requeues: Requeues,
});
export type DigestJob = z.infer<typeof DigestJob>;

/** "Send now": one click posts the subscription's digest to its channel now (period computed from the click). */
export const SendNowJob = z.object({
  kind: z.literal('send_now'),
  /** The click: message ts + action ts + user, stable across Slack's retries and SQS redeliveries. */
  idempotencyKey: z.string().check(z.maxLength(300)),
  subscription: z.string().check(z.maxLength(100)),
  source: SubscriptionSource,
  /** Who clicked, and where: permissions are checked again by the worker. */
  requester: Requester,
  requestedAt: isoInstant,
  /** The click's response_url: the outcome goes back to the person who clicked. */
  responseUrl: z.optional(z.url()),
  requeues: Requeues,
});
export type SendNowJob = z.infer<typeof SendNowJob>;

/** `/chatdash overview [range]` (or `stats all`): the overview of every project the asker may see there. */
const OverviewCommand = z.object({
  part: z.literal('command'),
  rangeText: z.string().check(z.maxLength(200)),
  responseUrl: z.url(),
  /** When the person asked: the period is computed from this. */
  requestedAt: isoInstant,
});

/** A click on an overview's "Full stats" or "List them" button. */
const OverviewClick = z.object({
  part: z.literal('click'),
  /** The button's value as Slack sent it (untrusted: the worker decodes and checks it). */
  buttonValue: z.string().check(z.maxLength(2000)),
  /** Thread to reply in (the overview's ts). */
  threadTs: z.string(),
  responseUrl: z.optional(z.url()),
  /** The click was on an ephemeral overview (a `/chatdash overview` answer): the reply is ephemeral too. */
  ephemeral: z.optional(z.boolean()),
});

export const OverviewJob = z.object({
  kind: z.literal('overview'),
  /** The command's trigger_id, or the click's message ts + action ts + user. */
  idempotencyKey: z.string(),
  requester: Requester,
  request: z.discriminatedUnion('part', [OverviewCommand, OverviewClick]),
});
export type OverviewJob = z.infer<typeof OverviewJob>;

/**
 * Checks the alerts of one project for one window (an hour or a day in their time zone) with one ChatDash query;
 * queued by the tick (see `src/alerts/jobs.ts`), one job per (project, window).
 */
export const AlertCheckJob = z.object({
  kind: z.literal('alert_check'),
  /** (project, window, alert ids): a duplicate tick or an SQS redelivery of the same check runs once. */
  idempotencyKey: z.string().check(z.maxLength(300)),
  /** Project key from the configuration. */
  project: z.string().check(z.maxLength(40)),
  frequency: z.enum(['hourly', 'daily']),
  timeZone: z.string().check(z.maxLength(64)),
  window: z.object({ start: isoInstant, end: isoInstant }),
  alertIds: z.array(z.string().check(z.maxLength(64))).check(z.minLength(1), z.maxLength(100)),
  /** When the tick queued it. */
  queuedAt: isoInstant,
});
export type AlertCheckJob = z.infer<typeof AlertCheckJob>;

export const Job = z.discriminatedUnion('kind', [StatsJob, DrilldownJob, DigestJob, OverviewJob, SendNowJob, AlertCheckJob]);
export type Job = z.infer<typeof Job>;
