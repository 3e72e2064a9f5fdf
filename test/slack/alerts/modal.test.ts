/**
 * The alert modal: shaped by its metric and condition (only that metric's fields, in its units; the value only for
 * above / below, what "unusually…" compares with only for those), prefilled, and within what Slack accepts.
 */
import type { InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { UNUSUAL_RULES } from '../../../src/alerts/baseline.ts';
import { ALERT_METRIC_KINDS, type AlertMetricKind } from '../../../src/alerts/model.ts';
import {
  ALERT_BLOCK,
  type AlertFormValues,
  alertFormValuesOf,
  CONDITION_CHOICES,
  defaultAlertValues,
} from '../../../src/slack/alerts/form.ts';
import { ALERT_CONDITION_ACTION, ALERT_FORM, ALERT_FORM_ACTION, ALERT_METRIC_ACTION } from '../../../src/slack/alerts/ids.ts';
import { alertForm } from '../../../src/slack/alerts/modal.ts';
import { MIN_VOLUME_DEFAULTS, UNUSUAL_BLOCK } from '../../../src/slack/alerts/shape.ts';
import { validateView } from '../../../src/slack-double/validate.ts';
import { alertFormBlockIds, storedAlert } from '../../support/alert-ui.ts';
import { demoConfig } from '../../support/config.ts';
import { hostileTexts } from '../../support/hostile-text.ts';

const spec = { mode: 'create' as const, channel: 'C0ACME', projects: demoConfig.projects, metadata: '{"v":1}' };
const formFor = (values: Partial<AlertFormValues>) =>
  alertForm({ ...spec, values: { ...defaultAlertValues({ timeZone: 'Europe/Paris', project: 'acme' }), ...values } });
/** The input blocks' ids, in order. */
const blockIds = (view: { blocks: unknown[] }) =>
  view.blocks.flatMap((b) =>
    typeof b === 'object' && b && 'type' in b && b.type === 'input' && 'block_id' in b && typeof b.block_id === 'string'
      ? [b.block_id]
      : [],
  );
/** The block ids of every block, in order (the "unusually…" explanation is a context block). */
const allBlockIds = (view: { blocks: unknown[] }) =>
  view.blocks.flatMap((b) => (typeof b === 'object' && b && 'block_id' in b && typeof b.block_id === 'string' ? [b.block_id] : []));
const inputBlock = (view: { blocks: unknown[] }, id: string) =>
  view.blocks.find((b) => typeof b === 'object' && b && 'block_id' in b && b.block_id === id) as InputBlock | undefined;

const ALWAYS = alertFormBlockIds();
const WITH_VALUE = alertFormBlockIds(undefined, { value: true });

/** Per metric: its extra field (none, the message or topic, the model) and the words its value and floor use. */
const EXPECTED: Record<AlertMetricKind, { extra?: string; required?: boolean; value: RegExp; floor: RegExp }> = {
  understood_rate: { value: /%/, floor: /messages/ },
  cost_per_conversation: { value: /cost per conversation/, floor: /conversations/ },
  total_cost: { value: /cost per hour or day/, floor: /currency/ },
  conversations: { value: /conversations per hour or day/, floor: /conversations/ },
  tokens: { extra: ALERT_BLOCK.model, required: false, value: /tokens/, floor: /tokens/ },
  misunderstood_message: { extra: ALERT_BLOCK.detail, required: true, value: /times/, floor: /times/ },
  topic: { extra: ALERT_BLOCK.detail, required: true, value: /conversations on it/, floor: /conversations/ },
};

describe('alertForm', () => {
  it('a new alert: the whole-project metric’s fields, the person’s time zone, the named project, metric and condition menus that reshape it', () => {
    const view = alertForm({ ...spec, values: defaultAlertValues({ timeZone: 'Asia/Tokyo', project: 'nova' }) });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(view.callback_id).toBe(ALERT_FORM);
    // Unusually low by default: no value to type, what it compares with said under the condition.
    expect(blockIds(view)).toEqual(ALWAYS);
    const all = allBlockIds(view);
    expect(all[all.indexOf(ALERT_BLOCK.condition) + 1]).toBe(UNUSUAL_BLOCK);
    expect(JSON.stringify(view)).toContain('the same hours of the same weekday over the past 4 weeks');
    const condition = inputBlock(view, ALERT_BLOCK.condition)!;
    expect(condition.dispatch_action).toBe(true);
    expect(condition.element).toMatchObject({ type: 'static_select', action_id: ALERT_CONDITION_ACTION });
    expect(ALERT_FORM_ACTION.test(ALERT_CONDITION_ACTION)).toBe(true);
    const text = JSON.stringify(view);
    expect(text).toContain('"initial_value":"Asia/Tokyo"');
    expect(text).toContain('"initial_option":{"text":{"type":"plain_text","text":"Nova Telecom Help","emoji":true},"value":"nova"}');
    const metric = inputBlock(view, ALERT_BLOCK.metric)!;
    expect(metric.dispatch_action).toBe(true);
    expect(metric.element).toMatchObject({ type: 'static_select', action_id: ALERT_METRIC_ACTION });
    expect(ALERT_FORM_ACTION.test(ALERT_METRIC_ACTION)).toBe(true);
    // Not an alert button's action id (`alert:<op>`): the buttons' listener never sees it.
    expect(/^alert:/.test(ALERT_METRIC_ACTION)).toBe(false);
  });

  it.each(ALERT_METRIC_KINDS.flatMap((metric) => CONDITION_CHOICES.map((condition) => [metric, condition] as const)))(
    '%s, %s: only its fields, its value (above / below) and floor in its unit, what was typed kept',
    (metric, condition) => {
      const expected = EXPECTED[metric];
      const withValue = condition === 'above' || condition === 'below';
      const view = formFor({ metric, condition, detail: 'Refunds', threshold: '12', minVolume: '30' });
      expect(validateView(view, 'modal')).toEqual({ ok: true });
      const ids = blockIds(view);
      const extras: string[] = [ALERT_BLOCK.detail, ALERT_BLOCK.model].filter((id) => ids.includes(id));
      expect(extras).toEqual(expected.extra ? [expected.extra] : []);
      if (expected.extra) {
        const field = inputBlock(view, expected.extra)!;
        expect(field.optional).toBe(!expected.required);
        expect(field.element).toMatchObject({ initial_value: 'Refunds' });
      }
      expect(ids.filter((id) => !extras.includes(id))).toEqual(withValue ? WITH_VALUE : ALWAYS);
      expect(allBlockIds(view).includes(UNUSUAL_BLOCK)).toBe(!withValue);
      expect(JSON.stringify(view)).not.toContain('Ignored for');
      if (withValue) {
        const value = inputBlock(view, ALERT_BLOCK.threshold)!;
        expect(value.label.text).toMatch(expected.value);
        expect(value.element).toMatchObject({ initial_value: '12' });
      }
      const floor = inputBlock(view, ALERT_BLOCK.minVolume)!;
      expect(`${floor.label.text} ${floor.hint?.text}`).toMatch(expected.floor);
      expect(floor.hint?.text).toContain(`Default ${MIN_VOLUME_DEFAULTS[metric].toLocaleString('en-US')}.`);
      expect(floor).toMatchObject({ optional: true, element: { initial_value: '30', max_length: 13 } });
    },
  );

  it('states the checks’ own default floors', () => {
    for (const metric of ALERT_METRIC_KINDS) expect(MIN_VOLUME_DEFAULTS[metric], metric).toBe(UNUSUAL_RULES[metric].minVolume);
  });

  it('an edit opens in the stored alert’s shape, prefilled (its topic, its floor)', () => {
    const stored = storedAlert({
      name: `${'<b>&'.repeat(20)}`,
      metric: { kind: 'topic', item: { label: 'Refunds & returns' } },
      condition: { kind: 'threshold', direction: 'above', value: 40 },
      minVolume: 25,
      quietHours: { start: '22:00', end: '07:00' },
    });
    const view = alertForm({ ...spec, mode: 'edit', values: alertFormValuesOf(stored.definition) });
    expect(validateView(view, 'modal')).toEqual({ ok: true });
    expect(JSON.stringify(view.title)).toContain('Edit alert');
    expect(inputBlock(view, ALERT_BLOCK.detail)?.element).toMatchObject({ initial_value: 'Refunds & returns' });
    expect(inputBlock(view, ALERT_BLOCK.model)).toBeUndefined();
    expect(inputBlock(view, ALERT_BLOCK.threshold)?.element).toMatchObject({ initial_value: '40' });
    expect(inputBlock(view, ALERT_BLOCK.minVolume)?.element).toMatchObject({ initial_value: '25' });
    expect(JSON.stringify(view)).toContain('"initial_time":"22:00"');
    const understood = alertForm({ ...spec, mode: 'edit', values: alertFormValuesOf(storedAlert().definition) });
    expect(inputBlock(understood, ALERT_BLOCK.threshold)?.element).toMatchObject({ initial_value: '80' });
    expect(inputBlock(understood, ALERT_BLOCK.detail)).toBeUndefined();
    // An unusual alert: no value field, what it compares with instead.
    const unusual = alertForm({
      ...spec,
      mode: 'edit',
      values: alertFormValuesOf(storedAlert({ condition: { kind: 'unusual', direction: 'either' } }).definition),
    });
    expect(inputBlock(unusual, ALERT_BLOCK.threshold)).toBeUndefined();
    expect(allBlockIds(unusual)).toContain(UNUSUAL_BLOCK);
  });

  it('hostile typed text stays within Slack’s limits in every shape', () => {
    for (const { name, text } of hostileTexts('alert-modal-shape', 6)) {
      for (const metric of ALERT_METRIC_KINDS) {
        for (const condition of ['above', 'unusual_either'] as const) {
          const view = formFor({ metric, condition, name: text, detail: text, threshold: text, minVolume: text, timeZone: text });
          expect(validateView(view, 'modal'), `${name} ${metric} ${condition}`).toEqual({ ok: true });
        }
      }
    }
  });

  it('drops a private_metadata too long for Slack rather than be refused', () => {
    const view = alertForm({ ...spec, metadata: 'x'.repeat(4000), values: defaultAlertValues({ timeZone: 'UTC' }) });
    expect(view.private_metadata).toBe('');
  });
});
