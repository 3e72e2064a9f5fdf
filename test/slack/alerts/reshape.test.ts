/** The alert modal's values across a reshaping: shown fields prefilled, hidden ones kept aside, kept ones restored. */
import { describe, expect, it } from 'vitest';
import { ALERT_BLOCK, defaultAlertValues } from '../../../src/slack/alerts/form.ts';
import { reshapeValues } from '../../../src/slack/alerts/reshape.ts';

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const menu = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const base = defaultAlertValues({ timeZone: 'UTC', project: 'acme' });

describe('reshapeValues', () => {
  it('a field the new shape hides is kept; one it shows again is restored; the view’s own text wins over what was kept', () => {
    // Topic and below shown, then understood rate chosen: the topic kept, the value shown.
    const toRate = reshapeValues(
      {
        [ALERT_BLOCK.metric]: menu('understood_rate'),
        [ALERT_BLOCK.condition]: menu('below'),
        [ALERT_BLOCK.detail]: text('Refunds'),
        [ALERT_BLOCK.threshold]: text('70'),
      },
      undefined,
      base,
    );
    expect(toRate.values).toMatchObject({ metric: 'understood_rate', condition: 'below', threshold: '70', detail: '' });
    expect(toRate.kept).toEqual({ item: 'Refunds' });
    // Then "unusually low": the value kept too.
    const toUnusual = reshapeValues(
      {
        [ALERT_BLOCK.metric]: menu('understood_rate'),
        [ALERT_BLOCK.condition]: menu('unusual_below'),
        [ALERT_BLOCK.threshold]: text('70'),
      },
      toRate.kept,
      base,
    );
    expect(toUnusual.kept).toEqual({ item: 'Refunds', value: '70' });
    // Back to a topic, below: both restored, nothing left kept.
    const back = reshapeValues({ [ALERT_BLOCK.metric]: menu('topic'), [ALERT_BLOCK.condition]: menu('below') }, toUnusual.kept, base);
    expect(back.values).toMatchObject({ metric: 'topic', detail: 'Refunds', threshold: '70' });
    expect(back.kept).toEqual({});
    // A field shown in the view: its text, not an older kept one.
    const typed = reshapeValues(
      { [ALERT_BLOCK.metric]: menu('misunderstood_message'), [ALERT_BLOCK.condition]: menu('above'), [ALERT_BLOCK.detail]: text('New') },
      { item: 'Old', model: 'gpt-4o' },
      base,
    );
    expect(typed).toEqual({ values: expect.objectContaining({ detail: 'New', threshold: '' }), kept: { model: 'gpt-4o' } });
  });

  it('a topic is not a model: switching between them keeps each for its own field', () => {
    const toTokens = reshapeValues(
      { [ALERT_BLOCK.metric]: menu('tokens'), [ALERT_BLOCK.condition]: menu('unusual_above'), [ALERT_BLOCK.detail]: text('Refunds') },
      undefined,
      base,
    );
    expect(toTokens).toEqual({ values: expect.objectContaining({ metric: 'tokens', detail: '' }), kept: { item: 'Refunds' } });
  });

  it('forged state longer than a field accepts is cut to it', () => {
    const { kept } = reshapeValues(
      {
        [ALERT_BLOCK.metric]: menu('conversations'),
        [ALERT_BLOCK.condition]: menu('unusual_above'),
        [ALERT_BLOCK.threshold]: text('9'.repeat(400)),
        [ALERT_BLOCK.model]: text('m'.repeat(500)),
      },
      undefined,
      base,
    );
    expect(kept.value?.length).toBeLessThanOrEqual(30);
    expect(kept.model?.length).toBeLessThanOrEqual(200);
  });
});
