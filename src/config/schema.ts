/**
 * The configuration file's shape: the zod schemas are the source of the types.
 *
 * Field-level checks live here (Slack id shapes, key syntax, time zones, locales, cron syntax, the cron minimum). Checks that
 * relate fields to each other (uniqueness, references, periods in a time zone) are in `./checks.ts`.
 * Every custom message is phrased to follow the offending value: `"Mars/Base" is not a valid IANA time zone…`.
 */

import { Cron } from 'croner';
import * as z from 'zod/mini';
import { ALL_PROJECTS } from './all-projects.ts';
import { dashboardUrlProblem } from './dashboard-url.ts';
import { SECTIONS } from './sections.ts';

/** Digest sections, in the order a digest shows them (`sections.ts`). */
export { SECTIONS, type Section } from './sections.ts';

export const CURRENCY_DISPLAYS = ['symbol', 'narrowSymbol', 'code', 'name'] as const;
export type CurrencyDisplay = (typeof CURRENCY_DISPLAYS)[number];

export const CRON_HELP = '5 fields: minute hour day-of-month month day-of-week';

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A well-formed BCP 47 tag that this runtime can format numbers and dates in. */
export function isValidLocale(locale: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (!canonical) return false;
    return Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0;
  } catch {
    return false;
  }
}

const CRON_FIELDS = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;

/** True when croner accepts `expression` as a standard 5-field cron. */
function cronAccepts(expression: string): boolean {
  try {
    new Cron(expression, { mode: '5-part' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a cron expression is invalid, or undefined when croner accepts it as a standard 5-field expression. Our own
 * words, bounded: croner's message quotes the expression, which a person typed, so it is never passed on; the field
 * at fault is named instead (found by trying each field with `*` in the others).
 */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  const invalid = `is not a valid cron expression (${CRON_HELP})`;
  if (fields.length !== 5 || fields[0] === '') return invalid;
  if (cronAccepts(fields.join(' '))) return undefined;
  const bad = CRON_FIELDS.find((_, i) => !cronAccepts(fields.map((f, j) => (j === i ? f : '*')).join(' ')));
  return bad === undefined ? invalid : `is not a valid cron expression: its ${bad} field is wrong (${CRON_HELP})`;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The one cron minimum (the subscribe modal, the configuration and the tick share it): true when a valid 5-field
 * cron can fire twice within an hour, i.e. its minute field picks more than one minute (`*`, `*\/15`, `0,30`…). With
 * one minute, any two runs are at least an hour apart whatever the other fields say. Found with croner on the minute
 * field alone, in UTC from a fixed instant: pure, no clock.
 */
export function firesMoreThanHourly(schedule: string): boolean {
  const minute = schedule.trim().split(/\s+/)[0] ?? '';
  const [first, second] = new Cron(`${minute} * * * *`, { mode: '5-part', timezone: 'UTC' }).nextRuns(2, new Date(Date.UTC(2026, 0, 1)));
  return first !== undefined && second !== undefined && second.getTime() - first.getTime() < HOUR_MS;
}

const slackId = (prefixes: string, what: string) =>
  z.string().check(z.regex(new RegExp(`^[${prefixes}][A-Z0-9]{2,}$`), `is not a ${what}`));

export const TeamId = slackId('T', 'Slack team id (T followed by capital letters and digits, like T0123ABCD)');
export const UserId = slackId('UW', 'Slack user id (U or W followed by capital letters and digits, like U0123ABCD)');
export const ChannelId = slackId('CGD', 'Slack channel id (C, G or D followed by capital letters and digits, like C0123ABCD)');

const slug = (what: string, max: number) =>
  z
    .string()
    .check(
      z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, `is not a valid ${what}: use lowercase letters, digits and hyphens`),
      z.maxLength(max),
    );

export const TimeZone = z
  .string()
  .check(z.refine(isValidTimeZone, 'is not a valid IANA time zone (like Europe/Paris, America/New_York or UTC)'));
export const Locale = z.string().check(z.refine(isValidLocale, 'is not a valid locale (a BCP 47 tag like en-US, en-GB or fr-FR)'));
export const CronExpression = z.string().check(
  z.check<string>((ctx) => {
    const problem = cronProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  }),
);
const NonEmptyText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** A ChatDash dashboard link (see dashboard-url.ts). Its problems never quote the value: it may hold a secret. */
export const DashboardUrl = z.string().check(
  z.check<string>((ctx) => {
    const problem = dashboardUrlProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem.message, input: ctx.value, params: { quoteValue: false } });
  }),
);

export const ProjectConfig = z.strictObject({
  /** What people type: `/chatdash stats acme 30d`. */
  key: slug('project key', 40),
  /** ChatDash project id. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a valid ChatDash project id (letters, digits, _ and -)')),
  /** Display name (may be shown in Slack: escape it). */
  name: NonEmptyText,
  /** The project's ChatDash dashboard page: digests, stats answers and drill-downs link to it ("Open in ChatDash"). */
  dashboardUrl: z.optional(DashboardUrl),
});
export type ProjectConfig = z.output<typeof ProjectConfig>;

export const ChannelBinding = z.strictObject({
  channel: ChannelId,
  projects: z.array(slug('project key', 40)).check(z.minLength(1)),
});
export type ChannelBinding = z.output<typeof ChannelBinding>;

/** `projects: all` in a subscription: every project bound to its channel. Reserved as a project key. */
export { ALL_PROJECTS };

/** A subscription's `projects`: `all`, or a list of project keys. */
export const ProjectList = z.union([z.literal(ALL_PROJECTS), z.array(slug('project key', 40)).check(z.minLength(1))], {
  error: `must be "${ALL_PROJECTS}" or a list of project keys (like [acme, bella])`,
});

export const SubscriptionConfig = z.strictObject({
  name: slug('subscription name', 80),
  /** One project: the subscription posts its digest. Exactly one of `project` and `projects` is given. */
  project: z.optional(slug('project key', 40)),
  /** Several projects, or `all` (those bound to `channel`): the subscription posts the agency overview. */
  projects: z.optional(ProjectList),
  channel: ChannelId,
  /** Standard 5-field cron, read in `timeZone`. */
  schedule: CronExpression,
  /** Defaults to `defaults.timeZone`. */
  timeZone: z.optional(TimeZone),
  /** Any period the `/chatdash stats` command accepts. */
  period: NonEmptyText,
  locale: z.optional(Locale),
  currencyDisplay: z.optional(z.enum(CURRENCY_DISPLAYS)),
  /** Defaults to all sections. */
  sections: z.optional(z.array(z.enum(SECTIONS)).check(z.minLength(1))),
});
export type SubscriptionConfig = z.output<typeof SubscriptionConfig>;

export const DEFAULTS = { locale: 'en-US', timeZone: 'UTC', currencyDisplay: 'symbol', maxRangeDays: 366 } as const satisfies {
  locale: string;
  timeZone: string;
  currencyDisplay: CurrencyDisplay;
  maxRangeDays: number;
};

export const Defaults = z.strictObject({
  locale: z._default(Locale, DEFAULTS.locale),
  timeZone: z._default(TimeZone, DEFAULTS.timeZone),
  currencyDisplay: z._default(z.enum(CURRENCY_DISPLAYS), DEFAULTS.currencyDisplay),
  /** The longest range `/chatdash stats` (and a subscription's period) may cover, in days. */
  maxRangeDays: z._default(z.int().check(z.gte(1), z.lte(3660)), DEFAULTS.maxRangeDays),
});
export type Defaults = z.output<typeof Defaults>;

export const Config = z.strictObject({
  /** Slack team ids allowed to use the bot. */
  workspaces: z.array(TeamId).check(z.minLength(1)),
  /** Users allowed to query in DMs. */
  admins: z._default(z.array(UserId), []),
  /** Where delivery failures are reported. */
  adminChannel: z.optional(ChannelId),
  defaults: z._default(Defaults, { ...DEFAULTS }),
  projects: z.array(ProjectConfig).check(z.minLength(1)),
  /** A project can only be queried from the channels it is bound to. */
  channels: z._default(z.array(ChannelBinding), []),
  subscriptions: z._default(z.array(SubscriptionConfig), []),
});
export type Config = z.output<typeof Config>;

/** The keys each object in the file may have, for "did you mean" on unknown keys. */
export const KNOWN_KEYS = {
  root: Object.keys(Config.shape),
  defaults: Object.keys(Defaults.shape),
  projects: Object.keys(ProjectConfig.shape),
  channels: Object.keys(ChannelBinding.shape),
  subscriptions: Object.keys(SubscriptionConfig.shape),
} as const;
