/**
 * The alert modal as Block Kit (create and edit): which project, an optional name, what to watch (the metric, and the
 * message, topic or model it names), the condition (above / below a value, or unusual against the project's own
 * history), the volume floor, how often to check, quiet hours and the time zone. The metric and condition menus
 * reshape it (`dispatch_action`: the alerts UI puts it back with `views.update`): the message, topic or model field
 * shows only for the metrics that name one, the value only for above / below and what "unusually…" compares with only
 * for those conditions; the value and floor say the metric's unit (shape.ts). An edit opens in the stored alert's
 * shape. Pure; in the alerts UI's bundle (loaded on first use).
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { ALERT_LIMITS, type AlertMetricKind, type Frequency } from '../../alerts/model.ts';
import { context, section } from '../../digest/blocks.ts';
import { VIEW_LIMITS } from '../../digest/limits.ts';
import { formModal, hint, input, select, timeZoneInput, typedValue, VALUE_ACTION } from '../modal-inputs.ts';
import { ALERT_BLOCK, type AlertFormValues, type ConditionChoice } from './form.ts';
import { ALERT_CONDITION_ACTION, ALERT_FORM, ALERT_METRIC_ACTION } from './ids.ts';
import { alertFieldsOf, UNUSUAL_BLOCK } from './shape.ts';

export interface AlertFormSpec {
  mode: 'create' | 'edit';
  /** The channel the alert posts to (shown as a mention). */
  channel: string;
  /** The projects this channel may see, in configuration order. */
  projects: ReadonlyArray<{ key: string; name: string }>;
  values: AlertFormValues;
  /** The encoded `private_metadata` (see values.ts). */
  metadata: string;
}

export const METRIC_LABELS: Record<AlertMetricKind, string> = {
  understood_rate: 'Understood rate',
  cost_per_conversation: 'Cost per conversation',
  total_cost: 'Total cost (per hour or per day checked)',
  conversations: 'Conversations (a drop or a surge)',
  tokens: 'Tokens (all models, or one)',
  misunderstood_message: 'A misunderstood message, by count',
  topic: 'A topic, by count',
};

export const CONDITION_LABELS: Record<ConditionChoice, string> = {
  above: 'Above a value',
  below: 'Below a value',
  unusual_above: 'Unusually high (vs. its last 4 weeks)',
  unusual_below: 'Unusually low (vs. its last 4 weeks)',
  unusual_either: 'Unusually high or low (vs. its last 4 weeks)',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = { hourly: 'Every hour', daily: 'Every day' };

const choices = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((k) => [k, labels[k]] as const);
const clock = (time: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? { initial_time: time } : {});

export function alertForm(spec: AlertFormSpec): ModalView {
  const { values } = spec;
  const shape = alertFieldsOf(values.metric, values.condition);
  const text = (block: string, label: string, initial: string, max: number, hintText: string, optional = true) =>
    input(
      block,
      label,
      { type: 'plain_text_input', action_id: VALUE_ACTION, initial_value: typedValue(initial, max), max_length: max },
      { optional, ...hint(hintText) },
    );
  const projects = spec.projects.slice(0, VIEW_LIMITS.selectOptions).map((p) => [p.key, p.name] as const);
  const blocks: KnownBlock[] = [
    section(
      spec.mode === 'create'
        ? `Posts to <#${spec.channel}> once when the condition starts to hold, and again when it is back to normal. Everyone here will see who set it up.`
        : `Posts to <#${spec.channel}>. Saving tells the channel what changed.`,
    ),
    input(ALERT_BLOCK.project, 'Project', select(VALUE_ACTION, projects, values.project || undefined, 'Pick a project')),
    text(ALERT_BLOCK.name, 'Name', values.name, ALERT_LIMITS.name, 'Optional: how the channel will know it, e.g. "Checkout bot quality".'),
    input(ALERT_BLOCK.metric, 'Watch', select(ALERT_METRIC_ACTION, choices(METRIC_LABELS), values.metric), {
      dispatch_action: true,
      ...hint('The fields below follow what you watch.'),
    }),
    ...(shape.detail
      ? [
          text(
            shape.detail.block,
            shape.detail.label,
            values.detail,
            shape.detail.block === ALERT_BLOCK.model ? ALERT_LIMITS.model : ALERT_LIMITS.itemLabel,
            shape.detail.hint,
            !shape.detail.required,
          ),
        ]
      : []),
    input(ALERT_BLOCK.condition, 'Alert when it is', select(ALERT_CONDITION_ACTION, choices(CONDITION_LABELS), values.condition), {
      dispatch_action: true,
    }),
    ...(shape.threshold ? [text(ALERT_BLOCK.threshold, shape.threshold.label, values.threshold, 30, shape.threshold.hint)] : []),
    ...(shape.unusual ? [{ ...context([shape.unusual]), block_id: UNUSUAL_BLOCK }] : []),
    text(ALERT_BLOCK.minVolume, shape.minVolume.label, values.minVolume, 13, shape.minVolume.hint),
    input(ALERT_BLOCK.frequency, 'Check', select(VALUE_ACTION, choices(FREQUENCY_LABELS), values.frequency)),
    input(
      ALERT_BLOCK.quietStart,
      'Quiet hours from',
      { type: 'timepicker', action_id: VALUE_ACTION, ...clock(values.quietStart) },
      { optional: true, ...hint('No posts between these times (what happens meanwhile is posted after, if it still matters).') },
    ),
    input(
      ALERT_BLOCK.quietEnd,
      'Quiet hours until',
      { type: 'timepicker', action_id: VALUE_ACTION, ...clock(values.quietEnd) },
      { optional: true },
    ),
    timeZoneInput(ALERT_BLOCK.timeZone, values.timeZone),
  ];
  return formModal({
    callbackId: ALERT_FORM,
    title: spec.mode === 'create' ? 'New alert' : 'Edit alert',
    submit: spec.mode === 'create' ? 'Create alert' : 'Save',
    metadata: spec.metadata,
    blocks,
  });
}
