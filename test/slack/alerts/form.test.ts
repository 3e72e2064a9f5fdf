/** The alert modal's values: read from Slack's state (untrusted), turned into the model's input, errors under blocks. */
import { describe, expect, it } from 'vitest';
import { newAlert } from '../../../src/alerts/lifecycle.ts';
import {
  ALERT_BLOCK,
  alertBlockErrors,
  alertFormInput,
  alertFormValuesOf,
  defaultAlertValues,
  parseThreshold,
  readAlertForm,
} from '../../../src/slack/alerts/form.ts';
import { storedAlert, UI_NOW } from '../../support/alert-ui.ts';

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
    expect(values).toMatchObject({ name: 'Q', threshold: '82.5', condition: 'below', quietStart: '22:00', quietEnd: '07:00' });
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
});
