/**
 * The alert modal's values after its metric or condition changed: the fields the new shape shows get what was typed
 * in them (or, for one that comes back, what was typed before it was hidden); what is typed in fields the new shape
 * hides is kept aside (in the modal's metadata, values.ts) to come back with them. Pure.
 */
import { ALERT_LIMITS } from '../../alerts/model.ts';
import { truncate } from '../../digest/mrkdwn.ts';
import { stateReader } from '../modal-state.ts';
import { ALERT_BLOCK, type AlertFormValues, readAlertForm } from './form.ts';
import { alertFieldsOf } from './shape.ts';
import { KEPT_FIELDS, type KeptFields, THRESHOLD_MAX } from './values.ts';

/** The block each kept value is typed in, and the longest it may be there. */
const KEPT_BLOCK = {
  item: { block: ALERT_BLOCK.detail, max: ALERT_LIMITS.itemLabel },
  model: { block: ALERT_BLOCK.model, max: ALERT_LIMITS.model },
  value: { block: ALERT_BLOCK.threshold, max: THRESHOLD_MAX },
} as const;

export interface ReshapedForm {
  /** What the new shape shows, prefilled. */
  values: AlertFormValues;
  /** What the fields it hides hold (only non-empty ones). */
  kept: KeptFields;
}

/**
 * `stateValues`: the view's state when a menu changed (its fields are the old shape's, its menus the new choice);
 * `kept`: what the metadata kept from earlier reshapings; `base`: the values of fields the state lacks.
 */
export function reshapeValues(stateValues: unknown, kept: KeptFields | undefined, base: AlertFormValues): ReshapedForm {
  const values = readAlertForm(stateValues, base);
  const read = stateReader(stateValues);
  const typed: KeptFields = {};
  for (const key of KEPT_FIELDS) {
    // What the view showed wins over what was kept before; either bounded to what its field accepts.
    const text = read.text(KEPT_BLOCK[key].block) ?? kept?.[key];
    if (text !== undefined) typed[key] = truncate(text, KEPT_BLOCK[key].max);
  }
  const shape = alertFieldsOf(values.metric, values.condition);
  const detailKey = shape.detail && (shape.detail.block === ALERT_BLOCK.model ? 'model' : 'item');
  if (detailKey) values.detail = typed[detailKey] ?? '';
  if (shape.threshold) values.threshold = typed.value ?? '';
  const hidden: KeptFields = {};
  for (const key of KEPT_FIELDS) {
    const text = typed[key];
    if (text && key !== detailKey && !(key === 'value' && shape.threshold)) hidden[key] = text;
  }
  return { values, kept: hidden };
}
