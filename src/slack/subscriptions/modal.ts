/**
 * The subscribe/edit modal as Block Kit, from the channel's projects and the form's values: which project (or several,
 * or every project here: the agency overview), how often (daily / weekly on a day / monthly on a day / a cron), at
 * what time, in which time zone, the period each post covers, the number format and the digest's sections. Changing
 * the project kind or the frequency rebuilds it (those menus dispatch an action, and the same block ids keep what
 * was typed). Also the short modal that replaces it when it can't be saved. Pure and light: built on the ack path.
 */
import type { InputBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import { SECTIONS, type Section } from '../../config/sections.ts';
import { section } from '../../digest/blocks.ts';
import { VIEW_LIMITS } from '../../digest/limits.ts';
import { escapeAndTruncate, truncateEscaped } from '../../digest/mrkdwn.ts';
import { noun } from '../../digest/plural.ts';
import { WEEKDAYS, type Weekday } from '../../subscriptions/frequency.ts';
import { formModal, hint, input, option, plain, select, timeZoneInput } from '../modal-inputs.ts';
import { BLOCK, DISPATCH, EVERY, type FormValues, type FrequencyKind, SEVERAL, VALUE_ACTION } from './form.ts';
import { SUBSCRIPTION_FORM } from './ids.ts';

export interface FormProject {
  key: string;
  name: string;
}

export interface FormSpec {
  /** `create` (subscribe the channel) or `edit` (save a subscription's new settings). */
  mode: 'create' | 'edit';
  /** The channel the subscription posts to (shown as a mention). */
  channel: string;
  /** The projects this channel may see, in configuration order. */
  projects: readonly FormProject[];
  values: FormValues;
  /** The encoded `private_metadata` (see ids.ts). */
  metadata: string;
  /** The configuration's default locale, named in the locale field's hint. */
  defaultLocale: string;
}

/** Periods a subscription may cover, as the menu offers them (any range `/chatdash stats` reads is valid). */
export const PERIOD_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['last week', 'Last week (Monday to Sunday)'],
  ['last 7 days', 'The last 7 days'],
  ['yesterday', 'Yesterday'],
  ['last month', 'Last month'],
  ['last 30 days', 'The last 30 days'],
];

/** Number and date formats offered (the digest's words stay English). */
export const LOCALE_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['en-US', 'English (United States)'],
  ['en-GB', 'English (United Kingdom)'],
  ['fr-FR', 'French (France)'],
  ['de-DE', 'German (Germany)'],
  ['es-ES', 'Spanish (Spain)'],
  ['it-IT', 'Italian (Italy)'],
  ['nl-NL', 'Dutch (Netherlands)'],
  ['pt-BR', 'Portuguese (Brazil)'],
  ['sv-SE', 'Swedish (Sweden)'],
  ['pl-PL', 'Polish (Poland)'],
  ['ja-JP', 'Japanese (Japan)'],
];

const FREQUENCY_LABELS: Record<FrequencyKind, string> = {
  daily: 'Every day',
  weekly: 'Every week, on one day',
  monthly: 'Every month, on one day',
  advanced: 'Advanced: a cron expression',
};

const WEEKDAY_LABELS: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

export const SECTION_LABELS: Record<Section, string> = {
  headline: 'Headline numbers',
  trend: 'Daily trend (a chart)',
  changes: 'What changed',
  topics: 'Top topics',
  misunderstood: 'Misunderstood messages',
  costs: 'Costs',
};

/** The project menu: the channel's projects, then "several" and "all" (an overview) when it has more than one. */
function projectBlock(spec: FormSpec): InputBlock {
  const { projects, values } = spec;
  const overview = projects.length > 1;
  const room = VIEW_LIMITS.selectOptions - (overview ? 2 : 0);
  const listed = projects.slice(0, room);
  // A project named in the command (or being edited) past the menu's room still shows.
  const chosen = values.coverage === 'one' ? projects.find((p) => p.key === values.project) : undefined;
  if (chosen && !listed.includes(chosen)) listed.splice(room - 1, 1, chosen);
  const choices: Array<[string, string]> = listed.map((p) => [p.key, p.name]);
  if (overview) {
    choices.push([SEVERAL, 'Several projects: an overview'], [EVERY, `All ${projects.length} projects here: an overview`]);
  }
  const selected = values.coverage === 'several' ? SEVERAL : values.coverage === 'all' ? EVERY : values.project;
  const more = projects.length - listed.length;
  return input(BLOCK.project, 'Project', select(DISPATCH.project, choices, selected, 'Pick a project'), {
    dispatch_action: true,
    ...hint(
      more > 0
        ? `${more} more ${noun(more, 'project')} than the menu can list: name one with \`/chatdash subscribe <project>\`.`
        : overview
          ? 'An overview puts several projects on one screen, ranked by what needs attention.'
          : 'The project this channel can see.',
    ),
  });
}

function projectsBlock(spec: FormSpec): InputBlock {
  const listed = spec.projects.slice(0, VIEW_LIMITS.selectOptions);
  const options = listed.map((p) => option(p.key, p.name));
  const initial = options.filter((o) => spec.values.projects.includes(o.value));
  const more = spec.projects.length - listed.length;
  return input(
    BLOCK.projects,
    'Projects in the overview',
    { type: 'multi_static_select', action_id: VALUE_ACTION, options, ...(initial.length > 0 ? { initial_options: initial } : {}) },
    hint(more > 0 ? `The first ${listed.length} are listed: pick "All projects here" for every one.` : 'Two or more.'),
  );
}

function frequencyBlocks(values: FormValues): InputBlock[] {
  const blocks: InputBlock[] = [
    input(
      BLOCK.frequency,
      'How often',
      select(
        DISPATCH.frequency,
        (Object.keys(FREQUENCY_LABELS) as FrequencyKind[]).map((k) => [k, FREQUENCY_LABELS[k]] as const),
        values.frequency,
      ),
      { dispatch_action: true },
    ),
  ];
  if (values.frequency === 'weekly') {
    const days = [...WEEKDAYS.slice(1), WEEKDAYS[0]].map((d) => [d, WEEKDAY_LABELS[d]] as const);
    blocks.push(input(BLOCK.weekday, 'On', select(VALUE_ACTION, days, values.weekday)));
  }
  if (values.frequency === 'monthly') {
    const days = Array.from({ length: 28 }, (_, i) => [String(i + 1), `The ${ordinalDay(i + 1)}`] as const);
    blocks.push(
      input(BLOCK.dayOfMonth, 'On', select(VALUE_ACTION, days, String(values.dayOfMonth)), hint('Up to the 28th: every month has it.')),
    );
  }
  if (values.frequency === 'advanced') {
    blocks.push(
      input(
        BLOCK.cron,
        'Cron expression',
        {
          type: 'plain_text_input',
          action_id: VALUE_ACTION,
          initial_value: values.cron.slice(0, 100),
          max_length: 100,
          placeholder: plain('0 9 * * 1-5', VIEW_LIMITS.placeholder),
        },
        hint('5 fields: minute hour day-of-month month day-of-week, read in the time zone below. `0 9 * * 1-5` is 09:00 on weekdays.'),
      ),
    );
  } else {
    const time = /^([01]\d|2[0-3]):[0-5]\d$/.test(values.time) ? { initial_time: values.time } : {};
    blocks.push(input(BLOCK.time, 'At', { type: 'timepicker', action_id: VALUE_ACTION, ...time }));
  }
  return blocks;
}

function ordinalDay(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function sectionsBlock(values: FormValues): InputBlock {
  const options = SECTIONS.slice(0, VIEW_LIMITS.checkboxOptions).map((s) => option(s, SECTION_LABELS[s]));
  const wanted = values.sections ?? SECTIONS;
  const initial = options.filter((o) => wanted.includes(o.value as Section));
  return input(
    BLOCK.sections,
    'Sections of the digest',
    { type: 'checkboxes', action_id: VALUE_ACTION, options, ...(initial.length > 0 ? { initial_options: initial } : {}) },
    { optional: true },
  );
}

/** The subscribe (or edit) modal. At most 13 blocks, whatever the channel has. */
export function subscriptionForm(spec: FormSpec): ModalView {
  const { values } = spec;
  const intro: SectionBlock = section(
    spec.mode === 'create'
      ? `Posts to <#${spec.channel}> on the schedule you pick. Everyone here will see who set it up.`
      : `Posts to <#${spec.channel}>. Saving tells the channel what changed.`,
  );
  const blocks: KnownBlock[] = [intro, projectBlock(spec)];
  if (values.coverage === 'several') blocks.push(projectsBlock(spec));
  blocks.push(...frequencyBlocks(values));
  blocks.push(
    timeZoneInput(BLOCK.timeZone, values.timeZone),
    input(BLOCK.period, 'Each post covers', select(VALUE_ACTION, PERIOD_CHOICES, values.period)),
    input(BLOCK.locale, 'Number and date format', select(VALUE_ACTION, LOCALE_CHOICES, values.locale, 'The default'), {
      optional: true,
      ...hint(`Empty: the bot\u2019s default (${escapeAndTruncate(spec.defaultLocale, 35)}).`),
    }),
  );
  if (values.coverage === 'one') blocks.push(sectionsBlock(values));
  return formModal({
    callbackId: SUBSCRIPTION_FORM,
    title: spec.mode === 'create' ? 'Subscribe this channel' : 'Edit subscription',
    submit: spec.mode === 'create' ? 'Subscribe' : 'Save',
    metadata: spec.metadata,
    blocks,
  });
}

/** A modal that only says something (the form can't be saved, or can't be shown): `safeMrkdwn` under `title`. */
export function noticeModal(title: string, safeMrkdwn: string): ModalView {
  return {
    type: 'modal',
    title: plain(title, VIEW_LIMITS.modalTitle),
    close: plain('Close', VIEW_LIMITS.modalButton),
    blocks: [section(truncateEscaped(safeMrkdwn, 3000))],
  };
}
