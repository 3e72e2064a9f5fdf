/**
 * The metric menu inside the alert modal, through signed `block_actions` into the real HTTP handler and the Slack
 * double: the modal is put back with `views.update` on its own id and hash, in the new metric's shape, with what the
 * person typed in the fields that stay; an edit keeps its metadata (and saves in the new shape); a stale hash, a form
 * that isn't ours or a menu of another modal never end in an error page.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_BLOCK } from '../../../../src/slack/alerts/form.ts';
import { ALERT_UI_MESSAGES } from '../../../../src/slack/alerts/messages.ts';
import { UNUSUAL_BLOCK } from '../../../../src/slack/alerts/shape.ts';
import { decodeAlertFormMetadata } from '../../../../src/slack/alerts/values.ts';
import { validateView } from '../../../../src/slack-double/validate.ts';
import { alertFormBlockIds, storedAlert } from '../../../support/alert-ui.ts';
import { useBot } from '../../../support/bot.ts';
import { hostileTexts } from '../../../support/hostile-text.ts';
import { type Answers, formState, inputBlockIds, viewButtons } from '../../../support/modal.ts';
import { modalActionPayload, type OpenView, viewSubmissionPayload } from '../../../support/payloads.ts';
import { chooseInModal, clickInList, openSubscribe, slash, submitModal } from '../../../support/subscribe-ui.ts';

const bot = useBot();

type Json = Record<string, unknown>;
const element = (open: OpenView, block: string) => ((open.view.blocks as Json[]).find((b) => b.block_id === block)?.element ?? {}) as Json;
const chosen = (open: OpenView, block: string) => (element(open, block).initial_option as { value?: string } | undefined)?.value;
const blockIdsOf = (open: OpenView) => (open.view.blocks as Json[]).map((b) => b.block_id);
const metadataOf = (open: OpenView) => decodeAlertFormMetadata(String(open.view.private_metadata));

/** What the person typed before changing the metric. */
const TYPED: Answers = {
  [ALERT_BLOCK.name]: 'Checkout & <refunds>',
  [ALERT_BLOCK.condition]: 'above',
  [ALERT_BLOCK.threshold]: '35',
  [ALERT_BLOCK.minVolume]: '120',
  [ALERT_BLOCK.frequency]: 'daily',
  [ALERT_BLOCK.quietStart]: '22:00',
  [ALERT_BLOCK.quietEnd]: '07:00',
  [ALERT_BLOCK.timeZone]: 'Asia/Tokyo',
};

describe('alertFormChanged (the alert modal’s metric menu)', () => {
  it('choosing a topic: views.update on the same view and hash, a topic field added, everything typed kept', async () => {
    const opened = await openSubscribe(bot, 'alert');
    expect(inputBlockIds(opened)).not.toContain(ALERT_BLOCK.detail);
    const above = await chooseInModal(bot, opened, ALERT_BLOCK.condition, 'above');
    const topic = await chooseInModal(bot, above, ALERT_BLOCK.metric, 'topic', { typed: TYPED });
    const [, update, ...more] = bot.slack.callsTo('views.update');
    expect(more).toEqual([]);
    expect(update).toMatchObject({ ok: true, body: { view_id: opened.id, hash: above.hash } });
    expect(validateView(topic.view, 'modal')).toEqual({ ok: true });
    expect(inputBlockIds(topic)).toEqual(alertFormBlockIds(ALERT_BLOCK.detail, { value: true }));
    expect(chosen(topic, ALERT_BLOCK.metric)).toBe('topic');
    expect(chosen(topic, ALERT_BLOCK.condition)).toBe('above');
    expect(chosen(topic, ALERT_BLOCK.frequency)).toBe('daily');
    expect(chosen(topic, ALERT_BLOCK.project)).toBe('acme');
    // The fields that stay keep their block and action ids, with what was typed as initial values.
    for (const block of [ALERT_BLOCK.name, ALERT_BLOCK.threshold, ALERT_BLOCK.minVolume, ALERT_BLOCK.timeZone]) {
      expect(element(topic, block), block).toMatchObject({ action_id: element(above, block).action_id, initial_value: TYPED[block] });
    }
    expect(element(topic, ALERT_BLOCK.quietStart)).toMatchObject({ initial_time: '22:00' });
    expect((topic.view.blocks as Json[]).find((b) => b.block_id === ALERT_BLOCK.threshold)).toMatchObject({
      label: { text: 'Value (conversations on it per hour or day)' },
    });
    expect(topic.view.private_metadata).toBe(opened.view.private_metadata);
    expect(bot.entries().filter((l) => l.event === 'alert.modal_reshaped')).toEqual([
      expect.objectContaining({ metric: 'understood_rate', condition: 'above', user: 'U0ALICE' }),
      expect.objectContaining({ metric: 'topic', condition: 'above', user: 'U0ALICE' }),
    ]);

    // Then tokens: a model field, empty (a topic is not a model), the topic field gone; then saved in that shape.
    const tokens = await chooseInModal(bot, topic, ALERT_BLOCK.metric, 'tokens', { typed: { [ALERT_BLOCK.detail]: 'Refunds' } });
    expect(bot.slack.callsTo('views.update').at(-1)?.body.hash).toBe(topic.hash);
    expect(inputBlockIds(tokens)).toContain(ALERT_BLOCK.model);
    expect(inputBlockIds(tokens)).not.toContain(ALERT_BLOCK.detail);
    expect(element(tokens, ALERT_BLOCK.model)).toMatchObject({ initial_value: '', max_length: 200 });
    expect(element(tokens, ALERT_BLOCK.threshold)).toMatchObject({ initial_value: '35' });
    expect(await submitModal(bot, tokens, { [ALERT_BLOCK.model]: 'gpt-4o' })).toBeUndefined();
    const [saved] = (await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items;
    expect(saved?.definition).toMatchObject({
      name: 'Checkout & <refunds>',
      metric: { kind: 'tokens', model: 'gpt-4o' },
      condition: { kind: 'threshold', direction: 'above', value: 35 },
      minVolume: 120,
      frequency: 'daily',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Asia/Tokyo',
    });
  });

  it('Edit opens in the stored alert’s shape; a new metric keeps it an edit of that alert, saved in the new shape', async () => {
    const { definition, state } = storedAlert({
      metric: { kind: 'topic', item: { label: 'Refunds' } },
      condition: { kind: 'unusual', direction: 'above' },
      minVolume: 40,
    });
    await bot.alerts.store.create(definition, state, 'U0ALICE');
    const list = (await slash(bot, 'alerts')).json;
    const edit = viewButtons(list ?? {}).find((b) => b.text === 'Edit' && b.value.includes(definition.id))!;
    await clickInList(bot, edit, { responseUrlId: 'edit' });
    const opened = bot.slack.views().at(-1)!;
    expect(JSON.stringify(opened.view.title)).toContain('Edit alert');
    expect(element(opened, ALERT_BLOCK.detail)).toMatchObject({ initial_value: 'Refunds' });
    expect(element(opened, ALERT_BLOCK.minVolume)).toMatchObject({ initial_value: '40' });
    expect(chosen(opened, ALERT_BLOCK.metric)).toBe('topic');

    const rate = await chooseInModal(bot, opened, ALERT_BLOCK.metric, 'understood_rate');
    expect(JSON.stringify(rate.view.title)).toContain('Edit alert');
    // The same edit of the same version; the topic kept aside, in case it comes back.
    expect(decodeAlertFormMetadata(String(rate.view.private_metadata))).toEqual({
      ...decodeAlertFormMetadata(String(opened.view.private_metadata)),
      kept: { item: 'Refunds' },
    });
    expect(inputBlockIds(rate)).not.toContain(ALERT_BLOCK.detail);
    expect(element(rate, ALERT_BLOCK.minVolume)).toMatchObject({ initial_value: '40' });
    // A forged submission still carrying the topic: ignored, the alert watches the understood rate.
    const values = { ...formState(rate), [ALERT_BLOCK.detail]: { value: { type: 'plain_text_input', value: 'Refunds' } } };
    expect((await bot.click(viewSubmissionPayload({ view: rate, values }))).response.body).toBe('');
    expect((await bot.alerts.store.get(definition.id))?.definition).toMatchObject({
      metric: { kind: 'understood_rate' },
      condition: { kind: 'unusual', direction: 'above' },
      minVolume: 40,
      updatedBy: 'U0ALICE',
    });
  });

  it('a submission from the view before its reshaping arrived: the missing field is asked for under the metric menu', async () => {
    const opened = await openSubscribe(bot, 'alert');
    const answer = await submitModal(bot, opened, { [ALERT_BLOCK.metric]: 'misunderstood_message' });
    expect(answer).toEqual({
      response_action: 'errors',
      errors: {
        [ALERT_BLOCK.metric]: 'This choice needs a field the form isn\u2019t showing yet: pick it again in this menu, then fill it in.',
      },
    });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items).toEqual([]);
  });

  it('a stale hash (two changes in a row from the same view) is logged, not an error; the latest view stands', async () => {
    const opened = await openSubscribe(bot, 'alert');
    await chooseInModal(bot, opened, ALERT_BLOCK.metric, 'topic');
    const answer = await bot.click(
      modalActionPayload({
        view: opened,
        values: formState(opened, { [ALERT_BLOCK.metric]: 'tokens' }),
        action: { block_id: ALERT_BLOCK.metric, action_id: 'alert-form:metric', selected: 'tokens' },
      }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(bot.slack.callsTo('views.update').map((c) => [c.ok, c.error])).toEqual([
      [true, undefined],
      [false, 'hash_conflict'],
    ]);
    expect(bot.entries().filter((l) => l.event === 'alert.modal_update_failed')).toHaveLength(1);
    expect(inputBlockIds(bot.slack.views().find((v) => v.id === opened.id)!)).toContain(ALERT_BLOCK.detail);
  });

  it('metadata that isn’t ours: the modal says it is out of date; the same menu in another modal is left alone', async () => {
    const opened = await openSubscribe(bot, 'alert');
    const forged = { ...opened, view: { ...opened.view, private_metadata: '{"v":9,"team":"T0DEMO"}' } };
    await chooseInModal(bot, forged, ALERT_BLOCK.metric, 'topic');
    expect(JSON.stringify(bot.slack.views().find((v) => v.id === opened.id)?.view)).toContain(ALERT_UI_MESSAGES.staleForm.slice(0, 40));

    const other = await openSubscribe(bot, 'subscribe');
    const before = bot.slack.callsTo('views.update').length;
    const answer = await bot.click(
      modalActionPayload({
        view: other,
        values: formState(other),
        action: { block_id: ALERT_BLOCK.metric, action_id: 'alert-form:metric', selected: 'topic' },
      }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(bot.slack.callsTo('views.update')).toHaveLength(before);
  });
  it('the condition menu: the value only for above / below, what “unusually…” compares with otherwise; a value typed comes back', async () => {
    const opened = await openSubscribe(bot, 'alert');
    expect(inputBlockIds(opened)).toEqual(alertFormBlockIds());
    expect(blockIdsOf(opened)).toContain(UNUSUAL_BLOCK);

    const below = await chooseInModal(bot, opened, ALERT_BLOCK.condition, 'below', { typed: { [ALERT_BLOCK.name]: 'Quality' } });
    expect(bot.slack.callsTo('views.update').at(-1)).toMatchObject({ ok: true, body: { view_id: opened.id, hash: opened.hash } });
    expect(validateView(below.view, 'modal')).toEqual({ ok: true });
    expect(inputBlockIds(below)).toEqual(alertFormBlockIds(undefined, { value: true }));
    expect(blockIdsOf(below)).not.toContain(UNUSUAL_BLOCK);
    expect(chosen(below, ALERT_BLOCK.condition)).toBe('below');
    expect(element(below, ALERT_BLOCK.name)).toMatchObject({ initial_value: 'Quality' });
    expect(element(below, ALERT_BLOCK.threshold)).toMatchObject({ initial_value: '' });

    // 75 typed, then "unusually high": the value goes (kept aside), the explanation comes; then back to below: 75.
    const unusual = await chooseInModal(bot, below, ALERT_BLOCK.condition, 'unusual_above', { typed: { [ALERT_BLOCK.threshold]: '75' } });
    expect(bot.slack.callsTo('views.update').at(-1)?.body.hash).toBe(below.hash);
    expect(inputBlockIds(unusual)).toEqual(alertFormBlockIds());
    expect(blockIdsOf(unusual)).toContain(UNUSUAL_BLOCK);
    expect(metadataOf(unusual)?.kept).toEqual({ value: '75' });
    expect(element(unusual, ALERT_BLOCK.name)).toMatchObject({ initial_value: 'Quality' });
    const back = await chooseInModal(bot, unusual, ALERT_BLOCK.condition, 'above');
    expect(element(back, ALERT_BLOCK.threshold)).toMatchObject({ initial_value: '75' });
    expect(metadataOf(back)?.kept).toBeUndefined();
    expect(
      bot
        .entries()
        .filter((l) => l.event === 'alert.modal_reshaped')
        .map((l) => l.condition),
    ).toEqual(['below', 'unusual_above', 'above']);
    expect(await submitModal(bot, back)).toBeUndefined();
    const [saved] = (await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items;
    expect(saved?.definition).toMatchObject({ name: 'Quality', condition: { kind: 'threshold', direction: 'above', value: 0.75 } });
  });

  it('a topic survives a metric without one (topic → understood rate → topic), and a model its own way; neither is submitted elsewhere', async () => {
    const opened = await openSubscribe(bot, 'alert');
    const topic = await chooseInModal(bot, opened, ALERT_BLOCK.metric, 'topic');
    const rate = await chooseInModal(bot, topic, ALERT_BLOCK.metric, 'understood_rate', { typed: { [ALERT_BLOCK.detail]: 'Refunds' } });
    expect(inputBlockIds(rate)).not.toContain(ALERT_BLOCK.detail);
    expect(metadataOf(rate)?.kept).toEqual({ item: 'Refunds' });
    const tokens = await chooseInModal(bot, rate, ALERT_BLOCK.metric, 'tokens');
    // A topic is not a model: the model field starts empty, the topic stays kept.
    expect(element(tokens, ALERT_BLOCK.model)).toMatchObject({ initial_value: '' });
    const again = await chooseInModal(bot, tokens, ALERT_BLOCK.metric, 'topic', { typed: { [ALERT_BLOCK.model]: 'gpt-4o' } });
    expect(element(again, ALERT_BLOCK.detail)).toMatchObject({ initial_value: 'Refunds' });
    expect(metadataOf(again)?.kept).toEqual({ model: 'gpt-4o' });
    const model = await chooseInModal(bot, again, ALERT_BLOCK.metric, 'tokens');
    expect(element(model, ALERT_BLOCK.model)).toMatchObject({ initial_value: 'gpt-4o' });
    expect(metadataOf(model)?.kept).toEqual({ item: 'Refunds' });
    // Saved as tokens of gpt-4o: the kept topic is nowhere in the alert.
    expect(await submitModal(bot, model)).toBeUndefined();
    const [saved] = (await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items;
    expect(saved?.definition.metric).toEqual({ kind: 'tokens', model: 'gpt-4o' });
    expect(JSON.stringify(saved)).not.toContain('Refunds');
  });

  it('kept values never reach a save: a submission choosing a shape its view doesn’t show is asked to pick it again', async () => {
    const opened = await openSubscribe(bot, 'alert');
    const topic = await chooseInModal(bot, opened, ALERT_BLOCK.metric, 'topic');
    const below = await chooseInModal(bot, topic, ALERT_BLOCK.condition, 'below', { typed: { [ALERT_BLOCK.detail]: 'Refunds' } });
    const rate = await chooseInModal(bot, below, ALERT_BLOCK.metric, 'understood_rate', { typed: { [ALERT_BLOCK.threshold]: '70' } });
    const unusual = await chooseInModal(bot, rate, ALERT_BLOCK.condition, 'unusual_below');
    expect(metadataOf(unusual)?.kept).toEqual({ item: 'Refunds', value: '70' });
    // "Below" chosen but its value field not shown yet: asked under the condition menu, not saved with the kept 70.
    expect(await submitModal(bot, unusual, { [ALERT_BLOCK.condition]: 'below' })).toEqual({
      response_action: 'errors',
      errors: {
        [ALERT_BLOCK.condition]: 'This choice needs a field the form isn\u2019t showing yet: pick it again in this menu, then fill it in.',
      },
    });
    // A topic chosen likewise: under the metric menu, not saved with the kept topic.
    expect(await submitModal(bot, unusual, { [ALERT_BLOCK.metric]: 'topic' })).toEqual({
      response_action: 'errors',
      errors: {
        [ALERT_BLOCK.metric]: 'This choice needs a field the form isn\u2019t showing yet: pick it again in this menu, then fill it in.',
      },
    });
    expect((await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items).toEqual([]);
    // A forged value sent with "unusually low": ignored, saved as unusual.
    const values = { ...formState(unusual), [ALERT_BLOCK.threshold]: { value: { type: 'plain_text_input', value: 'lots' } } };
    expect((await bot.click(viewSubmissionPayload({ view: unusual, values }))).response.body).toBe('');
    const [saved] = (await bot.alerts.store.listByChannel('T0DEMO', 'C0ACME')).items;
    expect(saved?.definition).toMatchObject({ metric: { kind: 'understood_rate' }, condition: { kind: 'unusual', direction: 'below' } });
  });

  it('the metadata stays within Slack’s 3,000 characters with the longest typed values, hostile ones too, and still reads', async () => {
    const { definition, state } = storedAlert({ metric: { kind: 'topic', item: { label: 'Refunds' } } });
    await bot.alerts.store.create(definition, state, 'U0ALICE');
    const list = (await slash(bot, 'alerts')).json;
    const edit = viewButtons(list ?? {}).find((b) => b.text === 'Edit' && b.value.includes(definition.id))!;
    // The longest response_url the metadata accepts (500), as a list's Edit carries it.
    await clickInList(bot, edit, { responseUrlId: 'r'.repeat(500 - bot.slack.responseUrl('').length) });
    const opened = bot.slack.views().at(-1)!;
    expect(metadataOf(opened)?.responseUrl).toHaveLength(500);
    // Quotes and backslashes: twice as long in JSON, still whole; control characters (six times as long): cut.
    const texts = [
      { name: 'quotes', text: '"\\'.repeat(300) },
      { name: 'controls', text: '\u0001'.repeat(500) },
      ...hostileTexts('alert-kept', 8),
    ];
    for (const { name, text } of texts) {
      const item = text.slice(0, 500);
      const model = text.slice(0, 200);
      const value = text.slice(0, 30);
      const start = bot.slack.views().find((v) => v.id === opened.id)!;
      // The topic and the value typed, then tokens (the topic hidden) with a model, then unusual (the model and value hidden).
      const tokens = await chooseInModal(bot, start, ALERT_BLOCK.metric, 'tokens', {
        typed: { [ALERT_BLOCK.detail]: item, [ALERT_BLOCK.threshold]: value },
      });
      const unusual = await chooseInModal(bot, tokens, ALERT_BLOCK.condition, 'unusual_either', { typed: { [ALERT_BLOCK.model]: model } });
      for (const view of [tokens, unusual]) {
        const metadata = String(view.view.private_metadata);
        expect(metadata.length, name).toBeGreaterThan(0);
        expect(metadata.length, name).toBeLessThanOrEqual(3000);
        expect(metadataOf(view), name).toMatchObject({ edit: { id: definition.id }, responseUrl: expect.any(String) });
        expect(validateView(view.view, 'modal'), name).toEqual({ ok: true });
      }
      expect(Object.keys(metadataOf(unusual)?.kept ?? {}).length, name).toBeGreaterThan(0);
      // Back where it started: topic and below, with what fits of what was typed.
      const back = await chooseInModal(bot, await chooseInModal(bot, unusual, ALERT_BLOCK.metric, 'topic'), ALERT_BLOCK.condition, 'below');
      expect(inputBlockIds(back), name).toEqual(alertFormBlockIds(ALERT_BLOCK.detail, { value: true }));
      expect(
        bot.slack.callsTo('views.update').every((c) => c.ok),
        name,
      ).toBe(true);
      const restored = String(element(back, ALERT_BLOCK.detail).initial_value);
      if (name === 'quotes') {
        expect(restored).toBe(item);
        expect(element(back, ALERT_BLOCK.threshold)).toMatchObject({ initial_value: value });
      }
      if (name === 'controls') expect(restored.length).toBeLessThan(item.length);
    }
  });
});
