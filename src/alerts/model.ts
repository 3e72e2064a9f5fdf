/**
 * The alert model: what an alert watches, when it fires, and the incident state the checks keep. The zod schemas
 * are the source of the types and check every alert on write and on read (store items are untrusted too).
 * Light on purpose (zod/mini only, no luxon or croner): the Slack UI will validate modal input with it on the
 * HTTP function's ack path.
 */
import * as z from 'zod/mini';

/** What can be watched (see README "Alerts"). */
export const ALERT_METRIC_KINDS = [
  'understood_rate',
  'cost_per_conversation',
  'total_cost',
  'conversations',
  'tokens',
  'misunderstood_message',
  'topic',
] as const;
export type AlertMetricKind = (typeof ALERT_METRIC_KINDS)[number];

export const FREQUENCIES = ['hourly', 'daily'] as const;

/**
 * Why the worker paused an alert: its channel can't take posts any more (the bot was removed, the channel archived
 * or gone, or no longer connected to the project), or its project left the configuration. A person's pause has none.
 */
export const ALERT_PAUSE_REASONS = ['bot_removed', 'channel_archived', 'channel_not_found', 'channel_unbound', 'project_removed'] as const;
export type AlertPauseReason = (typeof ALERT_PAUSE_REASONS)[number];
export type Frequency = (typeof FREQUENCIES)[number];

/** Bounds on everything a person can type or a store can hold. */
export const ALERT_LIMITS = {
  name: 80,
  itemLabel: 500,
  itemId: 256,
  model: 200,
  /** Notices waiting to be posted (outbox); more are never needed (fire, reminder, recovery). */
  pending: 5,
  /** Largest threshold or volume floor accepted. */
  number: 1e15,
} as const;

const isoInstant = z.iso.datetime();
const finiteNumber = z
  .number()
  .check(
    z.refine(Number.isFinite, 'must be a finite number'),
    z.gte(0, 'must not be negative'),
    z.lte(ALERT_LIMITS.number, 'is too large'),
  );

/** IANA time zone Intl accepts. */
function validTimeZone(tz: string): boolean {
  try {
    return tz.trim() !== '' && new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

const slackId = (prefixes: string) => z.string().check(z.regex(new RegExp(`^[${prefixes}][A-Z0-9]{2,}$`)));
export const AlertId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'));

/** A misunderstood message or topic, as ChatDash lists it: matched by id when there is one, else by label. */
export const ItemRef = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(ALERT_LIMITS.itemId))),
  label: z.string().check(z.minLength(1), z.maxLength(ALERT_LIMITS.itemLabel)),
});
export type ItemRef = z.infer<typeof ItemRef>;

export const AlertMetric = z.discriminatedUnion('kind', [
  /** Share of user messages the bot understood in the window (0..1). */
  z.object({ kind: z.literal('understood_rate') }),
  /** Total cost / conversations in the window. */
  z.object({ kind: z.literal('cost_per_conversation') }),
  /** Total cost of the window (a daily check watches the cost per day). */
  z.object({ kind: z.literal('total_cost') }),
  /** Conversations in the window: a drop (below) or a surge (above). */
  z.object({ kind: z.literal('conversations') }),
  /** LLM tokens in the window, all models or one. */
  z.object({ kind: z.literal('tokens'), model: z.optional(z.string().check(z.minLength(1), z.maxLength(ALERT_LIMITS.model))) }),
  /** How often one misunderstood message came up in the window. */
  z.object({ kind: z.literal('misunderstood_message'), item: ItemRef }),
  /** How often one topic came up in the window. */
  z.object({ kind: z.literal('topic'), item: ItemRef }),
]);
export type AlertMetric = z.infer<typeof AlertMetric>;

export const AlertCondition = z.discriminatedUnion('kind', [
  /** Fires while the value is strictly above / below `value` (rates as fractions 0..1, money in the project's currency). */
  z.object({ kind: z.literal('threshold'), direction: z.enum(['above', 'below']), value: finiteNumber }),
  /** Fires while the value is outside the usual range of the project's own recent history (see baseline.ts). */
  z.object({ kind: z.literal('unusual'), direction: z.enum(['above', 'below', 'either']) }),
]);
export type AlertCondition = z.infer<typeof AlertCondition>;

const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 22:00'));
/** No posts from `start` to `end` (local, in the alert's time zone; may wrap midnight: 22:00–07:00). */
export const QuietHours = z
  .object({ start: clock, end: clock })
  .check(z.refine((q) => q.start !== q.end, 'quiet hours must start and end at different times'));
export type QuietHours = z.infer<typeof QuietHours>;

export const AlertDefinition = z
  .object({
    id: AlertId,
    /** Slack workspace and channel the alert posts to. */
    teamId: slackId('T'),
    channelId: slackId('CGD'),
    /** Project key from the configuration (what people type). */
    project: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/), z.maxLength(40)),
    /** Optional name people gave it (untrusted: escape when shown). */
    name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(ALERT_LIMITS.name))),
    metric: AlertMetric,
    condition: AlertCondition,
    frequency: z.enum(FREQUENCIES),
    /** IANA time zone of its windows (local hours and days) and quiet hours. */
    timeZone: z.string().check(z.refine(validTimeZone, 'is not a valid IANA time zone')),
    quietHours: z.optional(QuietHours),
    /** Number formatting of its messages (default: the configuration's). */
    locale: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
    currencyDisplay: z.optional(z.enum(['symbol', 'narrowSymbol', 'code', 'name'])),
    /**
     * Overrides the metric's minimum volume (messages for understood rate, conversations for cost per conversation,
     * the count for count metrics): below it a window says nothing (neither fires nor recovers).
     */
    minVolume: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
    /** Paused alerts are not checked. */
    paused: z.boolean(),
    /** Set when the worker paused it (see ALERT_PAUSE_REASONS); a resume clears it. */
    pausedReason: z.optional(z.enum(ALERT_PAUSE_REASONS)),
    /** Checked but silent until then (Mute 24 h). */
    mutedUntil: z.optional(isoInstant),
    createdBy: slackId('UW'),
    createdAt: isoInstant,
    updatedBy: z.optional(slackId('UW')),
    updatedAt: z.optional(isoInstant),
  })
  .check(
    z.refine(
      (a) => a.metric.kind !== 'understood_rate' || a.condition.kind !== 'threshold' || a.condition.value <= 1,
      'an understood-rate threshold is a fraction between 0 and 1',
    ),
    z.refine((a) => a.paused || a.pausedReason === undefined, 'only a paused alert has a pause reason'),
  );
export type AlertDefinition = z.infer<typeof AlertDefinition>;

/** Why a check could say nothing (neither fire nor recover). */
export const UNKNOWN_REASONS = [
  /** ChatDash did not answer (down, rate limited past the budget, unreadable). */
  'chatdash_failed',
  /** ChatDash answered without the metric (or in a shape we can't read). */
  'metric_unavailable',
  /** Too few messages/conversations in the window to judge. */
  'low_volume',
  /** "Unusual": fewer than 3 of the 4 past weeks have usable data. */
  'no_baseline',
  /** Money in a different currency than its history. */
  'currency_changed',
] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

const TimeRange = z.object({ start: isoInstant, end: isoInstant });

export const BaselineSummary = z.object({
  /** The usual value: median of the past weeks' same windows. */
  median: z.number(),
  /** The typical range: median ± 3 robust spreads. */
  low: z.number(),
  high: z.number(),
  /** Weeks with usable data, of `wanted`. */
  weeks: z.int().check(z.gte(0)),
  wanted: z.int().check(z.gte(0)),
});
export type BaselineSummary = z.infer<typeof BaselineSummary>;

export const DRIVER_KINDS = ['misunderstood', 'topic', 'country', 'model'] as const;
export const Driver = z.object({
  kind: z.enum(DRIVER_KINDS),
  /** Untrusted label (escape when shown), bounded. */
  label: z.string().check(z.maxLength(ALERT_LIMITS.itemLabel)),
  now: z.number(),
  usual: z.number(),
});
export type Driver = z.infer<typeof Driver>;

/** One check's verdict, as kept in state and notices (plain numbers, no text). */
export const EvaluationSummary = z.object({
  outcome: z.enum(['breach', 'ok', 'unknown']),
  reason: z.optional(z.enum(UNKNOWN_REASONS)),
  value: z.nullable(z.number()),
  /** Messages (understood rate) or conversations behind the value; null when unknown. */
  volume: z.nullable(z.number()),
  /** For understood rate: messages understood of `volume`. */
  understood: z.optional(z.number()),
  currency: z.nullable(z.string().check(z.maxLength(3))),
  baseline: z.optional(BaselineSummary),
  driver: z.optional(Driver),
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const NOTICE_KINDS = ['fire', 'reminder', 'recovery'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A message to post, kept in the alert's state until Slack has it (outbox): a retry posts it, once. */
export const Notice = z.object({
  /** `<kind>:<window end>`: with the alert id, the idempotency key of the post. */
  id: z.string().check(z.maxLength(100)),
  kind: z.enum(NOTICE_KINDS),
  /** The incident it belongs to (its `since`). */
  incident: isoInstant,
  /** The window whose numbers it shows. */
  window: TimeRange,
  summary: EvaluationSummary,
  /** For a recovery: since when the values are back to normal. */
  recoveredSince: z.optional(isoInstant),
  /** The incident's thread, when its fire message was already posted. */
  threadTs: z.optional(z.string().check(z.maxLength(40))),
  /**
   * For a recovery: the incident's last breaching check, so that a recovery posted without a thread (the opening post
   * was never delivered) says what it recovers from.
   */
  breach: z.optional(z.object({ window: TimeRange, summary: EvaluationSummary })),
  createdAt: isoInstant,
});
export type Notice = z.infer<typeof Notice>;

export const Incident = z.object({
  /** Start of the first breaching window. */
  since: isoInstant,
  /** When the check that started it ran. */
  firedAt: isoInstant,
  /**
   * A fire notice has been queued (false while quiet hours or a mute hold it back, and again when its opening post
   * could not be delivered and the alert was paused for it: see `undelivered`).
   */
  announced: z.boolean(),
  /**
   * Its opening post could not be delivered (the channel refused it). When the alert was paused for that, the first
   * check after the resume that still finds a breach posts a fresh opening post (a new thread for the reminders and
   * "back to normal"); if the incident is over by then, its recovery is posted on its own, saying what it recovers from.
   */
  undelivered: z.optional(z.literal(true)),
  /** The fire message's ts: reminders and "back to normal" reply in its thread. */
  threadTs: z.optional(z.string().check(z.maxLength(40))),
  lastNoticeAt: z.optional(isoInstant),
  /** The latest breaching check (what a delayed fire notice shows). */
  lastBreach: EvaluationSummary,
  lastBreachWindow: TimeRange,
  /** Set when it recovered while silent: the recovery is posted when quiet hours or the mute end. */
  recovered: z.optional(z.object({ since: isoInstant, window: TimeRange, summary: EvaluationSummary })),
});
export type Incident = z.infer<typeof Incident>;

export const AlertState = z.object({
  /** Bumped by every write: conditional updates compare it. */
  version: z.int().check(z.gte(0)),
  status: z.enum(['ok', 'firing']),
  /** When the next check is due (the due index). */
  nextCheckAt: isoInstant,
  /** End of the latest window applied: a window at or before it is never applied again. */
  lastWindowEnd: z.optional(isoInstant),
  lastCheckedAt: z.optional(isoInstant),
  last: z.optional(EvaluationSummary),
  /** Start of the first window of the current run of checks that could say nothing. */
  unknownSince: z.optional(isoInstant),
  breachStreak: z.int().check(z.gte(0)),
  okStreak: z.int().check(z.gte(0)),
  /** Start of the first window of the current breach streak. */
  breachSince: z.optional(isoInstant),
  /** Start of the first window of the current ok streak. */
  okSince: z.optional(isoInstant),
  incident: z.optional(Incident),
  pending: z.array(Notice).check(z.maxLength(ALERT_LIMITS.pending)),
});
export type AlertState = z.infer<typeof AlertState>;

/** What the store keeps per alert: the definition people edit and the state checks update. */
export interface StoredAlert {
  definition: AlertDefinition;
  state: AlertState;
  /**
   * The definition's version, set by the stores (1 when created, bumped by every definition change): an edit may
   * name the one it started from (`expectedVersion`), so a stale edit is refused instead of overwriting another.
   */
  definitionVersion?: number;
}
