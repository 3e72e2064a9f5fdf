/**
 * What a person types or picks for a subscription (the subscribe/edit modal), checked field by field: either clean
 * settings, or one message per field for Slack's `response_action: errors`. The modal's frequency presets and
 * schedules in words are in `frequency.ts` (re-exported here). Pure.
 *
 * Messages never repeat what was typed (the UI shows them under the field the person is looking at), so they need
 * no escaping and can't be used to inject mrkdwn.
 */
import { Cron } from 'croner';
import { ALL_PROJECTS } from '../config/all-projects.ts';
import {
  CRON_HELP,
  CURRENCY_DISPLAYS,
  cronProblem,
  firesMoreThanHourly,
  isValidLocale,
  isValidTimeZone,
  SECTIONS,
  type Section,
} from '../config/schema.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { SubscriptionSettings } from '../store/store.ts';
import { MAX_LISTED_PROJECTS } from '../store/subscription-item.ts';

export { firesMoreThanHourly } from '../config/schema.ts';
export { cronFromFrequency, describeSchedule, type Frequency, WEEKDAYS, type Weekday } from './frequency.ts';

/** The modal's values, as Slack hands them over (untrusted, unbounded until checked). */
export interface SubscriptionInput {
  /** One project's key: the subscription posts its digest. Give this or `projects`. */
  project?: string | undefined;
  /** Several project keys, or `all` (every project the channel may see): the subscription posts the agency overview. */
  projects?: readonly string[] | typeof ALL_PROJECTS | undefined;
  /** 5-field cron (the UI turns presets into one with `cronFromFrequency`). */
  schedule: string;
  timeZone: string;
  period: string;
  /** Empty or absent: the configuration's default. */
  locale?: string | undefined;
  currencyDisplay?: string | undefined;
  /** Empty or absent: every section. */
  sections?: readonly string[] | undefined;
}

export type InputField = keyof SubscriptionInput;
export type FieldErrors = Partial<Record<InputField, string>>;

/** Clean settings: everything a subscription has but its channel (the one it is made in). */
export type CheckedInput = Omit<SubscriptionSettings, 'channel'>;

export interface InputContext {
  /** Project keys this channel may see (from `checkChannelAccess`). */
  allowedProjects: readonly string[];
  /** `defaults.maxRangeDays`. */
  maxRangeDays: number;
  now: Date;
}

const LIMIT = 200;

/** The modal's error for a cron that could run more than once an hour (its minute field picks several minutes). */
export const TOO_FREQUENT =
  'This schedule runs more than once an hour: digests run at most hourly, so give one minute (like `0 * * * *`, every hour on the hour).';

export function checkSubscriptionInput(
  input: SubscriptionInput,
  context: InputContext,
): { ok: true; value: CheckedInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const coverage = checkCoverage(input, context.allowedProjects, errors);

  const timeZone = input.timeZone.trim();
  if (timeZone.length > 64 || !isValidTimeZone(timeZone))
    errors.timeZone = 'Use an IANA time zone, like Europe/Paris, America/New_York or UTC.';

  const schedule = input.schedule.trim().replace(/\s+/g, ' ');
  const cronError = schedule.length > LIMIT ? `is too long (${CRON_HELP})` : cronProblem(schedule);
  if (cronError) errors.schedule = `This ${cronError}.`;
  else if (firesMoreThanHourly(schedule)) errors.schedule = TOO_FREQUENT;
  else if (!errors.timeZone && new Cron(schedule, { mode: '5-part', timezone: timeZone }).nextRun(context.now) === null) {
    errors.schedule = 'This schedule never runs: no date matches it.';
  }

  const period = input.period.trim();
  if (period.length === 0 || period.length > LIMIT) errors.period = 'Say which period each digest covers, like `last week` or `7d`.';
  else if (!errors.timeZone) {
    const parsed = parsePeriod(period, { now: context.now, timeZone, maxDays: context.maxRangeDays });
    if (!parsed.ok) errors.period = 'This isn\u2019t a period I know: try `last week`, `last month`, `7d` or `yesterday`.';
  }

  const locale = input.locale?.trim() || undefined;
  if (locale !== undefined && (locale.length > 35 || !isValidLocale(locale))) errors.locale = 'Pick a locale from the list (like en-GB).';

  const currency = input.currencyDisplay?.trim() || undefined;
  const currencyDisplay = CURRENCY_DISPLAYS.find((c) => c === currency);
  if (currency !== undefined && !currencyDisplay) errors.currencyDisplay = 'Pick how to show currencies from the list.';

  let sections: Section[] | undefined;
  if (input.sections && input.sections.length > 0 && coverage?.projects !== undefined) {
    errors.sections = 'An overview of several projects has no sections: leave them empty.';
  } else if (input.sections && input.sections.length > 0) {
    const wanted = new Set(input.sections);
    sections = SECTIONS.filter((s) => wanted.has(s));
    if (sections.length !== wanted.size || input.sections.length > SECTIONS.length) errors.sections = 'Pick sections from the list.';
  } else if (input.sections) {
    errors.sections = 'Pick at least one section.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...coverage,
      schedule,
      timeZone,
      period,
      ...(locale ? { locale } : {}),
      ...(currencyDisplay ? { currencyDisplay } : {}),
      ...(sections ? { sections } : {}),
    },
  };
}

/**
 * One project the channel may see, or several (each one it may see, each once, at most `MAX_LISTED_PROJECTS`), or
 * `all`; exactly one of `project` and `projects`. Problems go into `errors`; undefined when there is one.
 */
function checkCoverage(
  input: Pick<SubscriptionInput, 'project' | 'projects'>,
  allowed: readonly string[],
  errors: FieldErrors,
): Pick<CheckedInput, 'project' | 'projects'> | undefined {
  const project = input.project?.trim() || undefined;
  const { projects } = input;
  if (project !== undefined && projects !== undefined) {
    errors.projects = 'Pick one project, or several for an overview, not both.';
    return undefined;
  }
  if (projects === ALL_PROJECTS) return { projects };
  if (projects !== undefined) {
    const keys = projects.length > MAX_LISTED_PROJECTS ? [] : [...new Set(projects.map((p) => p.trim()))];
    if (keys.length === 0) {
      errors.projects = `Pick between 1 and ${MAX_LISTED_PROJECTS} projects.`;
      return undefined;
    }
    if (!keys.every((key) => allowed.includes(key))) {
      errors.projects = 'Pick projects this channel can see.';
      return undefined;
    }
    return { projects: keys };
  }
  if (project === undefined || !allowed.includes(project)) {
    errors.project = 'Pick one of the projects this channel can see.';
    return undefined;
  }
  return { project };
}
