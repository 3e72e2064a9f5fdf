/**
 * Which fields the alert modal shows for each metric and condition, and in which words: the message or topic only for
 * the metrics about one, the model only for tokens, the threshold value only for above / below (with the metric's
 * unit), what "unusually…" compares with only for the unusual conditions, the volume floor (`minVolume`) always.
 * The modal is drawn from it and the submission read by it, so a field that doesn't belong to the chosen metric and
 * condition is never read, whatever the submission holds. Pure data, light (no alert engine).
 */
import type { AlertMetricKind } from '../../alerts/model.ts';

/** The condition menu: a threshold (above / below) or unusual compared with the project's own history. */
export const CONDITION_CHOICES = ['above', 'below', 'unusual_above', 'unusual_below', 'unusual_either'] as const;
export type ConditionChoice = (typeof CONDITION_CHOICES)[number];

/** Above / below a value the person types (the others compare with the metric's own past). */
export const hasThreshold = (condition: ConditionChoice): condition is 'above' | 'below' => condition === 'above' || condition === 'below';

/** The block ids of the fields whose presence depends on the metric (see `ALERT_BLOCK` in form.ts). */
export const ITEM_BLOCK = 'alert_detail';
export const MODEL_BLOCK = 'alert_model';

export interface DetailField {
  /** `alert_detail` for a message or topic, `alert_model` for a model: another block, so Slack never carries a topic typed before into the model field. */
  block: typeof ITEM_BLOCK | typeof MODEL_BLOCK;
  label: string;
  hint: string;
  /** The error when left empty; absent: optional. */
  required?: string;
}

export interface AlertFieldShape {
  /** The message, topic or model the metric names; absent: the metric is about the whole project. */
  detail?: DetailField;
  /** The above / below value, in the metric's unit (shown only for those conditions: `alertFieldsOf`). */
  threshold: { label: string; hint: string };
  /** The volume floor (`minVolume`), in the metric's unit. */
  minVolume: { label: string; hint: string };
}

/**
 * The volume floors the checks use when an alert sets none (`UNUSUAL_RULES[kind].minVolume` in src/alerts/baseline.ts,
 * which the ack path must not load: a test keeps the two equal).
 */
export const MIN_VOLUME_DEFAULTS: Record<AlertMetricKind, number> = {
  understood_rate: 50,
  cost_per_conversation: 20,
  total_cost: 1,
  conversations: 20,
  tokens: 1000,
  misunderstood_message: 10,
  topic: 10,
};

/** The above / below value: its unit in the label, an example in the hint. */
const value = (unit: string, example: string) => ({
  label: `Value (${unit})`,
  hint: `The value to compare with: ${example}.`,
});
/** The floor of a ratio metric: every check. */
const ratioFloor = (kind: AlertMetricKind, what: string) =>
  `Optional: an hour or day with fewer ${what} says nothing (neither fires nor recovers). Default ${MIN_VOLUME_DEFAULTS[kind].toLocaleString('en-US')}.`;
/** The floor of a count metric: only "unusual" (a threshold is met or not, whatever the size). */
const countFloor = (kind: AlertMetricKind, what: string) =>
  `Optional, for \u201cunusually\u2026\u201d only: judged only when ${what} now or usually. Default ${MIN_VOLUME_DEFAULTS[kind].toLocaleString('en-US')}.`;

export const ALERT_FIELD_SHAPES: Record<AlertMetricKind, AlertFieldShape> = {
  understood_rate: {
    threshold: value('% of messages understood', 'a percentage, e.g. 80'),
    minVolume: { label: 'At least this many messages', hint: ratioFloor('understood_rate', 'user messages') },
  },
  cost_per_conversation: {
    threshold: value('cost per conversation', 'money in the project\u2019s currency, e.g. 0.50'),
    minVolume: { label: 'At least this many conversations', hint: ratioFloor('cost_per_conversation', 'conversations') },
  },
  total_cost: {
    threshold: value('cost per hour or day checked', 'money in the project\u2019s currency, e.g. 25'),
    minVolume: {
      label: 'At least this cost (whole currency units)',
      hint: countFloor('total_cost', 'the cost reaches this many units of the project\u2019s currency'),
    },
  },
  conversations: {
    threshold: value('conversations per hour or day', 'a count, e.g. 100'),
    minVolume: { label: 'At least this many conversations', hint: countFloor('conversations', 'there are this many conversations') },
  },
  tokens: {
    detail: {
      block: MODEL_BLOCK,
      label: 'Model',
      hint: 'Optional: a model as ChatDash names it, e.g. gpt-4o. Empty: all models.',
    },
    threshold: value('tokens per hour or day', 'a count, e.g. 50000'),
    minVolume: { label: 'At least this many tokens', hint: countFloor('tokens', 'there are this many tokens') },
  },
  misunderstood_message: {
    detail: {
      block: ITEM_BLOCK,
      label: 'Misunderstood message',
      hint: 'As ChatDash shows it in its misunderstood messages.',
      required: 'Type the misunderstood message to watch.',
    },
    threshold: value('times per hour or day', 'how often it came up, e.g. 20'),
    minVolume: { label: 'At least this many times', hint: countFloor('misunderstood_message', 'it came up this many times') },
  },
  topic: {
    detail: {
      block: ITEM_BLOCK,
      label: 'Topic',
      hint: 'As ChatDash names it in its top topics.',
      required: 'Type the topic to watch, as ChatDash names it.',
    },
    threshold: value('conversations on it per hour or day', 'a count, e.g. 20'),
    minVolume: { label: 'At least this many conversations', hint: countFloor('topic', 'it came up in this many conversations') },
  },
};

/** The block id of the explanation shown under the condition for "unusually…" (a context block: nothing to type). */
export const UNUSUAL_BLOCK = 'alert_unusual';

/** What "unusually…" compares with (src/alerts/baseline.ts), in words the person can check. */
export const UNUSUAL_EXPLANATION =
  'Unusually\u2026 compares each hour (or day) checked with the same hours of the same weekday over the past 4 weeks: it fires only when it is clearly outside their usual range, and only when there is enough volume to judge (the floor below). No value to set.';

/** The fields the modal shows for one metric and condition (the detail, the value, the explanation: each when it applies). */
export interface AlertFormFields {
  detail?: DetailField;
  threshold?: AlertFieldShape['threshold'];
  /** What "unusually…" means, for those conditions. */
  unusual?: string;
  minVolume: AlertFieldShape['minVolume'];
}

export function alertFieldsOf(metric: AlertMetricKind, condition: ConditionChoice): AlertFormFields {
  const shape = ALERT_FIELD_SHAPES[metric];
  return {
    ...(shape.detail ? { detail: shape.detail } : {}),
    ...(hasThreshold(condition) ? { threshold: shape.threshold } : { unusual: UNUSUAL_EXPLANATION }),
    minVolume: shape.minVolume,
  };
}
