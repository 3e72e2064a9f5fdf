/**
 * The subscribe/edit modal's values: their defaults, a subscription's values (to prefill an edit), what Slack sends
 * back in `view.state` (untrusted: read with a schema, every string bounded), the service's input they make, and the
 * service's field errors keyed by the modal's input blocks for `response_action: errors`. Pure and light (no cron
 * library, no store): the modal is built on the HTTP function's ack path.
 */
import { ALL_PROJECTS } from '../../config/all-projects.ts';
import { SECTIONS, type Section } from '../../config/sections.ts';
import type { ProjectList } from '../../store/store.ts';
import { cronFromFrequency, type Frequency, frequencyOf, WEEKDAYS, type Weekday } from '../../subscriptions/frequency.ts';
import type { FieldErrors, SubscriptionInput } from '../../subscriptions/input.ts';
import { VALUE_ACTION } from '../modal-inputs.ts';
import { MAX_FIELD, stateReader } from '../modal-state.ts';

/** The modal's input blocks (`block_id`s): Slack shows `response_action: errors` under these. */
export const BLOCK = {
  project: 'project',
  projects: 'projects',
  frequency: 'frequency',
  weekday: 'weekday',
  dayOfMonth: 'day_of_month',
  time: 'time',
  cron: 'cron',
  timeZone: 'time_zone',
  period: 'period',
  locale: 'locale',
  sections: 'sections',
} as const;
export type BlockId = (typeof BLOCK)[keyof typeof BLOCK];

/** The `action_id` of the elements that rebuild the modal when changed; the others' is `value`. */
export const DISPATCH = { project: 'form:project', frequency: 'form:frequency' } as const;
export { VALUE_ACTION };

/** Project menu choices besides the project keys (which are `[a-z0-9-]`, so these never collide). */
export const SEVERAL = '*several';
export const EVERY = '*all';

export type Coverage = 'one' | 'several' | 'all';
export type FrequencyKind = Frequency['kind'];
export const FREQUENCY_KINDS = ['daily', 'weekly', 'monthly', 'advanced'] as const satisfies readonly FrequencyKind[];

export interface FormValues {
  /** One project (its digest), several, or every project the channel may see (the agency overview). */
  coverage: Coverage;
  project?: string | undefined;
  projects: string[];
  frequency: FrequencyKind;
  weekday: Weekday;
  /** 1–28 (every month has it). */
  dayOfMonth: number;
  /** `HH:mm`, the timepicker's format. */
  time: string;
  /** The advanced frequency's 5-field cron. */
  cron: string;
  timeZone: string;
  period: string;
  /** Unset: the configuration's default. */
  locale?: string | undefined;
  /** Unset: every section. */
  sections?: Section[] | undefined;
}

/** A new subscription's values: one project (`project`, else the channel's first), Mondays 09:00, last week. */
export function defaultFormValues(options: { timeZone: string; project?: string | undefined; coverage?: Coverage }): FormValues {
  return {
    coverage: options.coverage ?? 'one',
    project: options.project,
    projects: [],
    frequency: 'weekly',
    weekday: 'MON',
    dayOfMonth: 1,
    time: '09:00',
    cron: '0 9 * * MON',
    timeZone: options.timeZone,
    period: 'last week',
  };
}

/** What a subscription's settings look like in the modal (to edit it). */
export function formValuesOf(settings: {
  project?: string | undefined;
  projects?: ProjectList | undefined;
  schedule: string;
  timeZone: string;
  period: string;
  locale?: string | undefined;
  sections?: readonly Section[] | undefined;
}): FormValues {
  const frequency = frequencyOf(settings.schedule);
  const base = defaultFormValues({ timeZone: settings.timeZone, project: settings.project });
  return {
    ...base,
    coverage: settings.projects === ALL_PROJECTS ? 'all' : settings.projects ? 'several' : 'one',
    projects: Array.isArray(settings.projects) ? [...settings.projects] : [],
    frequency: frequency.kind,
    ...(frequency.kind === 'weekly' ? { weekday: frequency.day } : {}),
    ...(frequency.kind === 'monthly' ? { dayOfMonth: frequency.dayOfMonth } : {}),
    ...(frequency.kind === 'advanced' ? {} : { time: frequency.time }),
    cron: settings.schedule,
    period: settings.period,
    locale: settings.locale,
    sections: settings.sections && settings.sections.length < SECTIONS.length ? [...settings.sections] : undefined,
  };
}

/**
 * The values in a modal's `view.state.values`, over `current` (what the modal showed): fields the modal didn't show,
 * or that Slack sent in a shape we don't read, keep their current value. Untrusted: strings are cut, lists capped.
 */
export function readFormState(stateValues: unknown, current: FormValues): FormValues {
  const reader = stateReader(stateValues);
  const { element, selected, picked, text } = reader;
  const values: FormValues = { ...current };

  const project = selected(BLOCK.project);
  if (project === SEVERAL) values.coverage = 'several';
  else if (project === EVERY) values.coverage = 'all';
  else if (project !== undefined) Object.assign(values, { coverage: 'one', project });
  const projects = picked(BLOCK.projects);
  if (projects) values.projects = projects;

  const frequency = FREQUENCY_KINDS.find((k) => k === selected(BLOCK.frequency));
  if (frequency) values.frequency = frequency;
  const weekday = WEEKDAYS.find((d) => d === selected(BLOCK.weekday));
  if (weekday) values.weekday = weekday;
  const day = Number(selected(BLOCK.dayOfMonth));
  if (Number.isInteger(day) && day >= 1 && day <= 28) values.dayOfMonth = day;
  const time = reader.time(BLOCK.time);
  if (time !== undefined) values.time = time;
  const cron = text(BLOCK.cron);
  if (cron !== undefined) values.cron = cron;
  const timeZone = text(BLOCK.timeZone);
  if (timeZone !== undefined) values.timeZone = timeZone;
  const period = selected(BLOCK.period);
  if (period !== undefined) values.period = period;
  const locale = element(BLOCK.locale);
  if (locale) values.locale = locale.selected_option?.value?.slice(0, MAX_FIELD) || undefined;
  const sections = picked(BLOCK.sections);
  if (sections) {
    // All of them is the default (sections added later join it); anything else goes to the check as picked.
    const all = sections.length === SECTIONS.length && SECTIONS.every((s) => sections.includes(s));
    values.sections = all ? undefined : (sections as Section[]);
  }
  return values;
}

/** The modal's frequency as one of the presets (or the typed cron). */
export function frequencyOfForm(values: FormValues): Frequency {
  switch (values.frequency) {
    case 'daily':
      return { kind: 'daily', time: values.time };
    case 'weekly':
      return { kind: 'weekly', day: values.weekday, time: values.time };
    case 'monthly':
      return { kind: 'monthly', dayOfMonth: values.dayOfMonth, time: values.time };
    case 'advanced':
      return { kind: 'advanced', cron: values.cron };
  }
}

/** What the service checks: the modal's values as a subscription's settings (the frequency as its cron). */
export function formInput(values: FormValues): SubscriptionInput {
  return {
    ...(values.coverage === 'one' ? { project: values.project ?? '' } : {}),
    ...(values.coverage === 'several' ? { projects: values.projects } : {}),
    ...(values.coverage === 'all' ? { projects: ALL_PROJECTS } : {}),
    schedule: cronFromFrequency(frequencyOfForm(values)) ?? '',
    timeZone: values.timeZone,
    period: values.period,
    ...(values.locale ? { locale: values.locale } : {}),
    ...(values.coverage === 'one' && values.sections ? { sections: values.sections } : {}),
  };
}

/** The blocks the modal shows for these values (Slack refuses errors keyed by a block it isn't showing). */
export function shownBlocks(values: FormValues): Set<BlockId> {
  const shown = new Set<BlockId>([BLOCK.project, BLOCK.frequency, BLOCK.timeZone, BLOCK.period, BLOCK.locale]);
  if (values.coverage === 'several') shown.add(BLOCK.projects);
  if (values.coverage === 'one') shown.add(BLOCK.sections);
  if (values.frequency === 'weekly') shown.add(BLOCK.weekday);
  if (values.frequency === 'monthly') shown.add(BLOCK.dayOfMonth);
  shown.add(values.frequency === 'advanced' ? BLOCK.cron : BLOCK.time);
  return shown;
}

/**
 * The service's field errors under the modal's blocks. A schedule the presets made can only be wrong in its time (the
 * timepicker), an advanced one in its cron. Every message lands under a block the modal shows.
 */
export function blockErrors(errors: FieldErrors, values: FormValues): Partial<Record<BlockId, string>> {
  const out: Partial<Record<BlockId, string>> = {};
  const put = (block: BlockId, message: string | undefined) => {
    if (message && out[block] === undefined) out[block] = message;
  };
  const coverageBlock = values.coverage === 'several' ? BLOCK.projects : BLOCK.project;
  put(coverageBlock, errors.project ?? errors.projects);
  if (errors.schedule) {
    const presetProblem = values.frequency !== 'advanced' && cronFromFrequency(frequencyOfForm(values)) === undefined;
    put(values.frequency === 'advanced' ? BLOCK.cron : BLOCK.time, presetProblem ? 'Pick a time.' : errors.schedule);
  }
  put(BLOCK.timeZone, errors.timeZone);
  put(BLOCK.period, errors.period);
  put(BLOCK.locale, errors.locale ?? errors.currencyDisplay);
  put(values.coverage === 'one' ? BLOCK.sections : BLOCK.project, errors.sections);
  return out;
}
