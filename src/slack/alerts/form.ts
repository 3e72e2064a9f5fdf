/**
 * The alert modal's values: their defaults, an alert's values (to prefill an edit), what Slack sends back in
 * `view.state` (untrusted: read with `stateReader`, every string bounded; only the fields of the chosen metric's and
 * condition's shape, shape.ts: whatever else a submission holds is ignored), and the alert they make — checked first for what the form
 * alone can tell (a threshold or volume floor that is no number, a message or topic left empty, quiet hours with one
 * end), then by the alert model's schema (`newAlert`/`editAlert`), each problem keyed by the input block Slack
 * shows it under (`response_action: errors`). Pure and light (zod/mini only): built on the HTTP function's ack path.
 */
import type { AlertInput } from '../../alerts/lifecycle.ts';
import {
  ALERT_LIMITS,
  ALERT_METRIC_KINDS,
  type AlertDefinition,
  type AlertMetric,
  type AlertMetricKind,
  FREQUENCIES,
  type Frequency,
} from '../../alerts/model.ts';
import { stateReader } from '../modal-state.ts';
import { ALERT_FIELD_SHAPES, CONDITION_CHOICES, type ConditionChoice, hasThreshold, ITEM_BLOCK, MODEL_BLOCK } from './shape.ts';

export { CONDITION_CHOICES, type ConditionChoice };

/** The modal's input blocks (`block_id`s). */
export const ALERT_BLOCK = {
  project: 'alert_project',
  name: 'alert_name',
  metric: 'alert_metric',
  /** The misunderstood message or topic (only for those metrics). */
  detail: ITEM_BLOCK,
  /** The model whose tokens are counted (only for tokens). */
  model: MODEL_BLOCK,
  condition: 'alert_condition',
  threshold: 'alert_threshold',
  minVolume: 'alert_min_volume',
  frequency: 'alert_frequency',
  quietStart: 'alert_quiet_start',
  quietEnd: 'alert_quiet_end',
  timeZone: 'alert_time_zone',
} as const;
export type AlertBlockId = (typeof ALERT_BLOCK)[keyof typeof ALERT_BLOCK];

export interface AlertFormValues {
  project: string;
  /** Optional name ('' none). */
  name: string;
  metric: AlertMetricKind;
  /** The misunderstood message or topic watched, or the model whose tokens are counted ('' all models). */
  detail: string;
  condition: ConditionChoice;
  /** As typed: a percentage for the understood rate, else a number. */
  threshold: string;
  /** The volume floor as typed ('' the metric's default). */
  minVolume: string;
  frequency: Frequency;
  /** `HH:mm`, or '' for none. */
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

/**
 * A new alert's values: understood rate unusually low, checked hourly, in the person's time zone. "Unusually low"
 * needs no number from the person (the check learns the usual from the past 4 weeks), so a fresh modal can be saved
 * as it opens; "Below a value" is one menu choice away.
 */
export function defaultAlertValues(options: { timeZone: string; project?: string | undefined }): AlertFormValues {
  return {
    project: options.project ?? '',
    name: '',
    metric: 'understood_rate',
    detail: '',
    condition: 'unusual_below',
    threshold: '',
    minVolume: '',
    frequency: 'hourly',
    quietStart: '',
    quietEnd: '',
    timeZone: options.timeZone,
  };
}

/** A fraction as the percentage people type ("0.8" → "80"), without float noise. */
const percent = (fraction: number): string => String(Math.round(fraction * 1e6) / 1e4);

/** What an alert looks like in the modal (to edit it). */
export function alertFormValuesOf(alert: AlertDefinition): AlertFormValues {
  const { metric, condition } = alert;
  const detail = metric.kind === 'tokens' ? (metric.model ?? '') : 'item' in metric ? metric.item.label : '';
  return {
    project: alert.project,
    name: alert.name ?? '',
    metric: metric.kind,
    detail,
    condition: condition.kind === 'threshold' ? condition.direction : `unusual_${condition.direction}`,
    threshold:
      condition.kind === 'threshold' ? (metric.kind === 'understood_rate' ? percent(condition.value) : String(condition.value)) : '',
    minVolume: alert.minVolume === undefined ? '' : String(alert.minVolume),
    frequency: alert.frequency,
    quietStart: alert.quietHours?.start ?? '',
    quietEnd: alert.quietHours?.end ?? '',
    timeZone: alert.timeZone,
  };
}

/**
 * The values in a modal's `view.state.values`, over `current` (what the modal showed), in the shape of the chosen
 * metric and condition: the message, topic or model only from the field the chosen metric has (a topic typed before
 * switching to tokens is not a model), the value only for above / below.
 */
export function readAlertForm(stateValues: unknown, current: AlertFormValues): AlertFormValues {
  const read = stateReader(stateValues);
  const values: AlertFormValues = { ...current };
  const project = read.selected(ALERT_BLOCK.project);
  if (project !== undefined) values.project = project;
  const name = read.text(ALERT_BLOCK.name);
  if (name !== undefined) values.name = name;
  const metric = ALERT_METRIC_KINDS.find((k) => k === read.selected(ALERT_BLOCK.metric));
  if (metric) values.metric = metric;
  const detailBlock = ALERT_FIELD_SHAPES[values.metric].detail?.block;
  const detail = detailBlock === undefined ? undefined : read.text(detailBlock);
  if (detail !== undefined) values.detail = detail;
  const condition = CONDITION_CHOICES.find((c) => c === read.selected(ALERT_BLOCK.condition));
  if (condition) values.condition = condition;
  const threshold = hasThreshold(values.condition) ? read.text(ALERT_BLOCK.threshold) : undefined;
  if (threshold !== undefined) values.threshold = threshold;
  const minVolume = read.text(ALERT_BLOCK.minVolume);
  if (minVolume !== undefined) values.minVolume = minVolume;
  const frequency = FREQUENCIES.find((f) => f === read.selected(ALERT_BLOCK.frequency));
  if (frequency) values.frequency = frequency;
  const quietStart = read.time(ALERT_BLOCK.quietStart);
  if (quietStart !== undefined) values.quietStart = quietStart;
  const quietEnd = read.time(ALERT_BLOCK.quietEnd);
  if (quietEnd !== undefined) values.quietEnd = quietEnd;
  const timeZone = read.text(ALERT_BLOCK.timeZone);
  if (timeZone !== undefined) values.timeZone = timeZone.trim();
  return values;
}

export type AlertFormErrors = Partial<Record<AlertBlockId, string>>;
export type AlertFormResult = { ok: true; input: AlertInput } | { ok: false; errors: AlertFormErrors };

/** "80", "80 %", "1,250.5", "$0.40", "€ 12": a non-negative number, or undefined. */
export function parseThreshold(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/^[$€£¥]\s*/u, '')
    .replace(/\s*%$/, '')
    .replace(/(\d),(\d{3})/g, '$1$2');
  if (!/^\d+(?:[.,]\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** The longest volume floor the model accepts. */
export const MAX_MIN_VOLUME = 1_000_000_000;

/** "50", "1,000", "1 000": a whole number, or undefined. */
export function parseMinVolume(text: string): number | undefined {
  const cleaned = text.trim().replace(/(\d)[,\s\u202f\u00a0](?=\d{3}(?!\d))/gu, '$1');
  if (!/^\d{1,13}$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** The metric the form describes (with its message, topic or model, when the metric has one). */
function metricOf(values: AlertFormValues): AlertMetric {
  const detail = values.detail.trim();
  switch (values.metric) {
    case 'tokens':
      return detail ? { kind: 'tokens', model: detail } : { kind: 'tokens' };
    case 'misunderstood_message':
    case 'topic':
      return { kind: values.metric, item: { label: detail } };
    default:
      return { kind: values.metric };
  }
}

/** The form as the alert model's input, or what to fix under which block. */
export function alertFormInput(values: AlertFormValues, where: { teamId: string; channelId: string }): AlertFormResult {
  const errors: AlertFormErrors = {};
  const shape = ALERT_FIELD_SHAPES[values.metric];
  if (shape.detail) {
    const detail = values.detail.trim();
    const max = shape.detail.block === ALERT_BLOCK.model ? ALERT_LIMITS.model : ALERT_LIMITS.itemLabel;
    if (!detail && shape.detail.required) errors[shape.detail.block] = shape.detail.required;
    if (detail.length > max) errors[shape.detail.block] = `At most ${max} characters.`;
  }
  let minVolume: number | undefined;
  if (values.minVolume.trim() !== '') {
    minVolume = parseMinVolume(values.minVolume);
    if (minVolume === undefined) errors[ALERT_BLOCK.minVolume] = 'A whole number, e.g. 50, or empty for the default.';
    else if (minVolume > MAX_MIN_VOLUME) errors[ALERT_BLOCK.minVolume] = 'At most 1,000,000,000.';
  }
  const isThreshold = hasThreshold(values.condition);
  let threshold: number | undefined;
  if (isThreshold) {
    threshold = parseThreshold(values.threshold);
    if (threshold === undefined) {
      errors[ALERT_BLOCK.threshold] =
        values.threshold.trim() === '' ? 'Type the value to compare with, e.g. 80 (%) or 0.50.' : 'Type a number, e.g. 80 or 0.50.';
    } else if (values.metric === 'understood_rate') {
      if (threshold > 100) errors[ALERT_BLOCK.threshold] = 'A percentage, between 0 and 100.';
      threshold /= 100;
    }
  }
  if (Boolean(values.quietStart) !== Boolean(values.quietEnd)) {
    errors[values.quietStart ? ALERT_BLOCK.quietEnd : ALERT_BLOCK.quietStart] = 'Pick both ends of the quiet hours, or neither.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const name = values.name.trim();
  const input: AlertInput = {
    teamId: where.teamId,
    channelId: where.channelId,
    project: values.project,
    ...(name ? { name } : {}),
    metric: metricOf(values),
    condition: isThreshold
      ? { kind: 'threshold', direction: values.condition as 'above' | 'below', value: threshold ?? 0 }
      : { kind: 'unusual', direction: values.condition.slice('unusual_'.length) as 'above' | 'below' | 'either' },
    frequency: values.frequency,
    timeZone: values.timeZone,
    ...(minVolume === undefined ? {} : { minVolume }),
    ...(values.quietStart && values.quietEnd ? { quietHours: { start: values.quietStart, end: values.quietEnd } } : {}),
  };
  return { ok: true, input };
}

/** Which block shows a problem the model found at `path` ("metric.item.label", "timeZone", "" for the whole alert). */
const BLOCK_OF_PATH: ReadonlyArray<readonly [RegExp, AlertBlockId]> = [
  [/^project/, ALERT_BLOCK.project],
  [/^name/, ALERT_BLOCK.name],
  [/^metric\.item/, ALERT_BLOCK.detail],
  [/^metric\.model/, ALERT_BLOCK.model],
  [/^metric/, ALERT_BLOCK.metric],
  [/^condition/, ALERT_BLOCK.threshold],
  [/^frequency/, ALERT_BLOCK.frequency],
  [/^quietHours/, ALERT_BLOCK.quietStart],
  [/^timeZone/, ALERT_BLOCK.timeZone],
  [/^minVolume/, ALERT_BLOCK.minVolume],
];

/** Sentences people understand for the model's checks, by block (its own message otherwise). */
const FRIENDLY: Partial<Record<AlertBlockId, string>> = {
  [ALERT_BLOCK.timeZone]: 'Not a time zone I know: type an IANA name like Europe/Paris or UTC.',
  [ALERT_BLOCK.project]: 'Pick a project this channel can see.',
  [ALERT_BLOCK.quietStart]: 'Quiet hours must start and end at different times.',
};

/** The model's issues under the modal's blocks (each block its first problem); whole-alert ones go under the threshold. */
export function alertBlockErrors(issues: ReadonlyArray<{ path: string; message: string }>): AlertFormErrors {
  const out: AlertFormErrors = {};
  for (const issue of issues) {
    const block = BLOCK_OF_PATH.find(([pattern]) => pattern.test(issue.path))?.[1] ?? ALERT_BLOCK.threshold;
    out[block] ??= FRIENDLY[block] ?? `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`.replace(/\.\.$/, '.');
  }
  return out;
}

/** What to fix when the modal Slack showed has no field for it yet (submitted before its reshaping arrived). */
export const UNSHOWN_FIELD_ERROR =
  'This choice needs a field the form isn\u2019t showing yet: pick it again in this menu, then fill it in.';

/** The menu whose choice brings a field into the modal: the metric for the message, topic or model, the condition for the value. */
const CHOSEN_BY: Partial<Record<AlertBlockId, AlertBlockId>> = {
  [ALERT_BLOCK.detail]: ALERT_BLOCK.metric,
  [ALERT_BLOCK.model]: ALERT_BLOCK.metric,
  [ALERT_BLOCK.threshold]: ALERT_BLOCK.condition,
};

/**
 * Errors under blocks the submitted view shows: Slack shows an error only under an input block it has, so one for a
 * field the view lacks (its metric or condition was chosen, the reshaped view hadn't arrived) goes under the menu
 * that brings it (the condition menu for the value, the metric menu otherwise). `shown` undefined: the view's blocks
 * are unknown, the errors stay where they are.
 */
export function placeAlertErrors(errors: AlertFormErrors, shown: ReadonlySet<string> | undefined): AlertFormErrors {
  if (!shown?.has(ALERT_BLOCK.metric)) return errors;
  const out: AlertFormErrors = {};
  for (const [block, message] of Object.entries(errors) as Array<[AlertBlockId, string]>) {
    if (shown.has(block)) {
      out[block] = message;
      continue;
    }
    const menu = CHOSEN_BY[block];
    out[menu !== undefined && shown.has(menu) ? menu : ALERT_BLOCK.metric] ??= UNSHOWN_FIELD_ERROR;
  }
  return out;
}
