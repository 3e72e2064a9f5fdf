/** The alert modal's values: read from Slack's state (untrusted), turned into the model's input, errors under blocks. */
import { describe, expect, it } from 'vitest';
import { newAlert } from '../../../src/alerts/lifecycle.ts';
import { ALERT_METRIC_KINDS, type AlertMetric, type AlertMetricKind } from '../../../src/alerts/model.ts';
import {
  ALERT_BLOCK,
  alertBlockErrors,
  alertFormInput,
  alertFormValuesOf,
  defaultAlertValues,
  parseMinVolume,
  parseThreshold,
  placeAlertErrors,
  readAlertForm,
  UNSHOWN_FIELD_ERROR,
} from '../../../src/slack/alerts/form.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';
import { hostileTexts } from '../../support/hostile-text.ts';

const where = { teamId: 'T0DEMO', channelId: 'C0ACME' };
const base = () => defaultAlertValues({ timeZone: 'Europe/Paris', project: 'acme' });

describe('parseThreshold', () => {
  it.each([
    ['80', 80],
    ['80 %', 80],
    ['0.5', 0.5],
    ['0,5', 0.5],
    ['1,250.5', 1250.5],
    ['$0.40', 0.4],
    ['€ 12', 12],
  ])('%s → %d', (text, value) => expect(parseThreshold(text)).toBe(value));

  it.each(['', 'lots', '-5', '1e9', '12abc', '∞'])('%s is not a threshold', (text) => expect(parseThreshold(text)).toBeUndefined());
});

describe('readAlertForm', () => {
  it('reads every block, and keeps the current value of what Slack didn’t send or sent in a shape it doesn’t read', () => {
    const values = readAlertForm(
      {
        [ALERT_BLOCK.metric]: { value: { type: 'static_select', selected_option: { value: 'topic' } } },
        [ALERT_BLOCK.detail]: { value: { type: 'plain_text_input', value: 'Refunds' } },
        [ALERT_BLOCK.condition]: { value: { type: 'static_select', selected_option: { value: 'unusual_either' } } },
        [ALERT_BLOCK.quietStart]: { value: { type: 'timepicker', selected_time: '22:00' } },
        [ALERT_BLOCK.timeZone]: { value: { type: 'plain_text_input', value: ' UTC ' } },
        [ALERT_BLOCK.frequency]: { value: { selected_option: { value: 'weekly' } } },
        [ALERT_BLOCK.name]: { value: 42 },
      },
      base(),
    );
    expect(values).toMatchObject({ metric: 'topic', detail: 'Refunds', condition: 'unusual_either', quietStart: '22:00', timeZone: 'UTC' });
    expect(values.frequency).toBe('hourly');
    expect(values.name).toBe('');
    expect(readAlertForm('not an object', base())).toEqual(base());
  });

  it('cuts what it reads', () => {
    const long = 'x'.repeat(10_000);
    const values = readAlertForm({ [ALERT_BLOCK.detail]: { value: { value: long } } }, base());
    expect(values.detail.length).toBeLessThanOrEqual(500);
  });
});

describe('alertFormInput', () => {
  it('a threshold on the understood rate is typed as a percentage and stored as a fraction', () => {
    const result = alertFormInput({ ...base(), condition: 'below', threshold: '85 %' }, where);
    expect(result).toMatchObject({ ok: true, input: { condition: { kind: 'threshold', direction: 'below', value: 0.85 } } });
  });

  it('unusual conditions need no value; tokens name a model or none; quiet hours need both ends', () => {
    expect(alertFormInput({ ...base(), metric: 'tokens', detail: ' gpt-4o ' }, where)).toMatchObject({
      ok: true,
      input: { metric: { kind: 'tokens', model: 'gpt-4o' }, condition: { kind: 'unusual', direction: 'below' } },
    });
    expect(alertFormInput({ ...base(), metric: 'tokens' }, where)).toMatchObject({ ok: true, input: { metric: { kind: 'tokens' } } });
    expect(alertFormInput({ ...base(), quietStart: '22:00', quietEnd: '07:00' }, where)).toMatchObject({
      ok: true,
      input: { quietHours: { start: '22:00', end: '07:00' } },
    });
  });

  it('what the form alone can tell is said under its block', () => {
    expect(
      alertFormInput({ ...base(), metric: 'misunderstood_message', condition: 'above', threshold: '', quietEnd: '07:00' }, where),
    ).toEqual({
      ok: false,
      errors: {
        [ALERT_BLOCK.detail]: 'Type the misunderstood message to watch.',
        [ALERT_BLOCK.threshold]: 'Type the value to compare with, e.g. 80 (%) or 0.50.',
        [ALERT_BLOCK.quietStart]: 'Pick both ends of the quiet hours, or neither.',
      },
    });
    expect(alertFormInput({ ...base(), condition: 'above', threshold: '120' }, where)).toEqual({
      ok: false,
      errors: { [ALERT_BLOCK.threshold]: 'A percentage, between 0 and 100.' },
    });
  });

  it('the input it makes is one the model accepts', () => {
    const result = alertFormInput({ ...base(), metric: 'total_cost', condition: 'above', threshold: '$40', frequency: 'daily' }, where);
    if (!result.ok) throw new Error('expected ok');
    expect(newAlert(result.input, { actor: 'U0ALICE', now: UI_NOW }).ok).toBe(true);
  });
});

describe('alertBlockErrors', () => {
  it('puts the model’s issues under the blocks that show them, in words people understand', () => {
    expect(
      alertBlockErrors([
        { path: 'timeZone', message: 'is not a valid IANA time zone' },
        { path: 'metric.item.label', message: 'too long' },
        { path: 'quietHours', message: 'quiet hours must start and end at different times' },
        { path: '', message: 'an understood-rate threshold is a fraction between 0 and 1' },
      ]),
    ).toEqual({
      [ALERT_BLOCK.timeZone]: 'Not a time zone I know: type an IANA name like Europe/Paris or UTC.',
      [ALERT_BLOCK.detail]: 'Too long.',
      [ALERT_BLOCK.quietStart]: 'Quiet hours must start and end at different times.',
      [ALERT_BLOCK.threshold]: 'An understood-rate threshold is a fraction between 0 and 1.',
    });
  });
});

describe('alertFormValuesOf', () => {
  it('prefills an edit with what makes the same alert again', () => {
    const stored = storedAlert({
      name: 'Q',
      quietHours: { start: '22:00', end: '07:00' },
      condition: { kind: 'threshold', direction: 'below', value: 0.825 },
    });
    const values = alertFormValuesOf(stored.definition);
    expect(values).toMatchObject({
      name: 'Q',
      threshold: '82.5',
      condition: 'below',
      quietStart: '22:00',
      quietEnd: '07:00',
      minVolume: '',
    });
    const again = alertFormInput(values, where);
    expect(again).toMatchObject({
      ok: true,
      input: { condition: stored.definition.condition, quietHours: stored.definition.quietHours, name: 'Q' },
    });
    expect(
      alertFormValuesOf(
        storedAlert({ metric: { kind: 'topic', item: { label: 'Refunds' } }, condition: { kind: 'unusual', direction: 'above' } })
          .definition,
      ),
    ).toMatchObject({
      metric: 'topic',
      detail: 'Refunds',
      condition: 'unusual_above',
      threshold: '',
    });
  });

  it('an edit keeps the alert’s volume floor (saving it unchanged doesn’t drop it)', () => {
    const stored = storedAlert({
      metric: { kind: 'tokens', model: 'gpt-4o' },
      condition: { kind: 'unusual', direction: 'above' },
      minVolume: 5000,
    });
    const values = alertFormValuesOf(stored.definition);
    expect(values).toMatchObject({ metric: 'tokens', detail: 'gpt-4o', minVolume: '5000' });
    expect(alertFormInput(values, where)).toMatchObject({ ok: true, input: { metric: stored.definition.metric, minVolume: 5000 } });
  });
});

describe('parseMinVolume', () => {
  it.each([
    ['50', 50],
    [' 1,000 ', 1000],
    ['1 000 000', 1_000_000],
    ['0', 0],
  ])('%s → %d', (text, value) => expect(parseMinVolume(text)).toBe(value));

  it.each(['', 'lots', '-5', '2.5', '1e3', '12,34', '٥٠', '12345678901234'])('%s is not a volume floor', (text) =>
    expect(parseMinVolume(text)).toBeUndefined(),
  );
});

/** `view.state.values` with every field of every shape filled in, whatever the metric: what a forged submission can send. */
function everyField(metric: string, extra: Record<string, string> = {}): Record<string, Record<string, unknown>> {
  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const fields: Record<string, string> = {
    [ALERT_BLOCK.detail]: 'Refunds',
    [ALERT_BLOCK.model]: 'gpt-4o',
    [ALERT_BLOCK.threshold]: '40',
    [ALERT_BLOCK.minVolume]: '1,500',
    ...extra,
  };
  return {
    [ALERT_BLOCK.project]: { value: { type: 'static_select', selected_option: { value: 'acme' } } },
    [ALERT_BLOCK.metric]: { 'alert-form:metric': { type: 'static_select', selected_option: { value: metric } } },
    [ALERT_BLOCK.condition]: { value: { type: 'static_select', selected_option: { value: 'above' } } },
    ...Object.fromEntries(Object.entries(fields).map(([block, value]) => [block, text(value)])),
  };
}

const submitted = (state: unknown) => alertFormInput(readAlertForm(state, defaultAlertValues({ timeZone: 'UTC' })), where);

describe('a submission, read in the shape of its metric', () => {
  const METRICS: Record<AlertMetricKind, AlertMetric> = {
    understood_rate: { kind: 'understood_rate' },
    cost_per_conversation: { kind: 'cost_per_conversation' },
    total_cost: { kind: 'total_cost' },
    conversations: { kind: 'conversations' },
    tokens: { kind: 'tokens', model: 'gpt-4o' },
    misunderstood_message: { kind: 'misunderstood_message', item: { label: 'Refunds' } },
    topic: { kind: 'topic', item: { label: 'Refunds' } },
  };

  it.each(ALERT_METRIC_KINDS)('%s: only its own fields are read (the others’ ignored), its floor kept', (kind) => {
    const state = everyField(kind, kind === 'understood_rate' ? { [ALERT_BLOCK.threshold]: '40 %' } : {});
    const result = submitted(state);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.input.metric).toEqual(METRICS[kind]);
    expect(result.input.minVolume).toBe(1500);
    expect(result.input.condition).toEqual({ kind: 'threshold', direction: 'above', value: kind === 'understood_rate' ? 0.4 : 40 });
    expect(newAlert(result.input, { actor: 'U0ALICE', now: UI_NOW }).ok).toBe(true);
  });

  it('a metric that names something, sent without its own field (only the other one’s): the error is under its field', () => {
    expect(submitted(everyField('topic', { [ALERT_BLOCK.detail]: '' }))).toEqual({
      ok: false,
      errors: { [ALERT_BLOCK.detail]: 'Type the topic to watch, as ChatDash names it.' },
    });
    const { [ALERT_BLOCK.detail]: _item, ...withoutItem } = everyField('misunderstood_message');
    expect(submitted(withoutItem)).toEqual({ ok: false, errors: { [ALERT_BLOCK.detail]: 'Type the misunderstood message to watch.' } });
    // A topic typed in before switching to tokens is not a model: tokens without a model field are all models.
    const { [ALERT_BLOCK.model]: _model, ...withoutModel } = everyField('tokens');
    expect(submitted(withoutModel)).toMatchObject({ ok: true, input: { metric: { kind: 'tokens' } } });
    expect(submitted(everyField('tokens', { [ALERT_BLOCK.model]: 'm'.repeat(201) }))).toEqual({
      ok: false,
      errors: { [ALERT_BLOCK.model]: 'At most 200 characters.' },
    });
  });

  it('the volume floor: empty is the default; anything but a whole number within the model’s bound is said under it', () => {
    expect(submitted(everyField('conversations', { [ALERT_BLOCK.minVolume]: ' ' }))).toMatchObject({ ok: true });
    const { [ALERT_BLOCK.minVolume]: _floor, ...none } = everyField('conversations');
    const result = submitted(none);
    expect(result.ok && 'minVolume' in result.input).toBe(false);
    for (const [typed, error] of [
      ['2.5', 'A whole number, e.g. 50, or empty for the default.'],
      ['-1', 'A whole number, e.g. 50, or empty for the default.'],
      ['lots', 'A whole number, e.g. 50, or empty for the default.'],
      ['1000000001', 'At most 1,000,000,000.'],
    ] as const) {
      expect(submitted(everyField('understood_rate', { [ALERT_BLOCK.minVolume]: typed, [ALERT_BLOCK.threshold]: '80' })), typed).toEqual({
        ok: false,
        errors: { [ALERT_BLOCK.minVolume]: error },
      });
    }
  });

  it('hostile text in any field, under any metric (known or not): an answer, never a throw, and only valid input passes', () => {
    for (const { name, text } of hostileTexts('alert-form-shape', 12)) {
      for (const metric of [...ALERT_METRIC_KINDS, text.slice(0, 150)]) {
        const state = everyField(metric, {
          [ALERT_BLOCK.detail]: text,
          [ALERT_BLOCK.model]: text,
          [ALERT_BLOCK.threshold]: text,
          [ALERT_BLOCK.minVolume]: text,
        });
        const result = submitted(state);
        if (result.ok) expect(newAlert(result.input, { actor: 'U0ALICE', now: UI_NOW }).ok, `${name} ${metric}`).toBe(true);
        else for (const message of Object.values(result.errors)) expect(message.length, name).toBeLessThan(200);
      }
    }
  });
});

describe('a submission, read in the shape of its condition', () => {
  const withCondition = (condition: string, extra: Record<string, string> = {}): Record<string, Record<string, unknown>> => ({
    ...everyField('conversations', extra),
    [ALERT_BLOCK.condition]: { 'alert-form:condition': { type: 'static_select', selected_option: { value: condition } } },
  });

  it('a value sent with “unusually…” is ignored (even one that is no number); above / below without one is asked for', () => {
    for (const condition of ['unusual_above', 'unusual_below', 'unusual_either']) {
      const direction = condition.slice('unusual_'.length);
      expect(submitted(withCondition(condition, { [ALERT_BLOCK.threshold]: 'lots' })), condition).toMatchObject({
        ok: true,
        input: { condition: { kind: 'unusual', direction } },
      });
      expect(readAlertForm(withCondition(condition), defaultAlertValues({ timeZone: 'UTC' })).threshold, condition).toBe('');
    }
    const { [ALERT_BLOCK.threshold]: _value, ...withoutValue } = withCondition('below');
    expect(submitted(withoutValue)).toEqual({
      ok: false,
      errors: { [ALERT_BLOCK.threshold]: 'Type the value to compare with, e.g. 80 (%) or 0.50.' },
    });
  });
});

describe('placeAlertErrors', () => {
  it('an error for a field the submitted view doesn’t show goes under the metric menu; the others stay', () => {
    const shown = new Set([ALERT_BLOCK.metric, ALERT_BLOCK.threshold]);
    expect(
      placeAlertErrors({ [ALERT_BLOCK.detail]: 'Type the topic to watch, as ChatDash names it.', [ALERT_BLOCK.threshold]: 'x' }, shown),
    ).toEqual({ [ALERT_BLOCK.metric]: UNSHOWN_FIELD_ERROR, [ALERT_BLOCK.threshold]: 'x' });
    const errors = { [ALERT_BLOCK.detail]: 'y' };
    expect(placeAlertErrors(errors, undefined)).toBe(errors);
    // The value's error, when the view has no value field ("unusually…" shown, "below" chosen): under the condition menu.
    const unusual = new Set([ALERT_BLOCK.metric, ALERT_BLOCK.condition, ALERT_BLOCK.minVolume]);
    expect(placeAlertErrors({ [ALERT_BLOCK.threshold]: 'x', [ALERT_BLOCK.minVolume]: 'z' }, unusual)).toEqual({
      [ALERT_BLOCK.condition]: UNSHOWN_FIELD_ERROR,
      [ALERT_BLOCK.minVolume]: 'z',
    });
    expect(placeAlertErrors({ [ALERT_BLOCK.threshold]: 'x', [ALERT_BLOCK.detail]: 'y' }, unusual)).toEqual({
      [ALERT_BLOCK.condition]: UNSHOWN_FIELD_ERROR,
      [ALERT_BLOCK.metric]: UNSHOWN_FIELD_ERROR,
    });
    expect(placeAlertErrors(errors, new Set([ALERT_BLOCK.detail]))).toBe(errors);
  });
});
