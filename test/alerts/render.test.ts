import { describe, expect, it } from 'vitest';
import type { AlertInput } from '../../src/alerts/lifecycle.ts';
import type { AlertDefinition, EvaluationSummary, Notice } from '../../src/alerts/model.ts';
import { describeAlert, methodWords, renderAlertNotice } from '../../src/alerts/render.ts';
import { decodeDrilldownRef } from '../../src/digest/drilldown-ref.ts';
import { createFormatter } from '../../src/digest/format.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { makeAlert } from '../support/alert-input.ts';
import { textBot, textBotPrevious } from '../support/analytics-fixtures.ts';
import { allTexts, expectSafe, limitViolations } from '../support/slack-limits.ts';
import { linkButtonsOf } from '../support/slack-messages.ts';

const NOW = new Date('2026-11-17T11:20:00Z');
const definition = (input: Partial<AlertInput> = {}): AlertDefinition => makeAlert(input, { id: 'al_test', now: NOW }).definition;

const window = { start: '2026-11-17T10:00:00.000Z', end: '2026-11-17T11:00:00.000Z' };
const breach: EvaluationSummary = {
  outcome: 'breach',
  value: 0.66,
  volume: 815,
  understood: 538,
  currency: null,
  baseline: { median: 0.926, low: 0.896, high: 0.956, weeks: 4, wanted: 4 },
  driver: { kind: 'misunderstood', label: 'checkout keeps failing?? "payment declined"', now: 210, usual: 0 },
};
function notice(kind: Notice['kind'], summary: EvaluationSummary = breach, extra: Partial<Notice> = {}): Notice {
  return { id: `${kind}:${window.end}`, kind, incident: window.start, window, summary, createdAt: NOW.toISOString(), ...extra };
}
const project = { id: 'proj_demo_shop', name: 'Maya Shop Assistant' };
const text = (m: { text: string; blocks: unknown[] }) =>
  allTexts(m as never)
    .map((t) => t.text)
    .join('\n');

describe('the fire message', () => {
  it('says what crossed what, since when, the numbers, the usual value with the method, and the likely driver', () => {
    const m = renderAlertNotice(definition(), notice('fire'), { project });
    const all = text(m);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: '🚨 Understood rate unusually low · Maya Shop Assistant' } });
    expect(all).toContain(
      '*Understood rate* was *66%* (538 of 815 messages understood) between 11:00 and 12:00 on Tue, Nov 17 (Europe/Paris): unusually low.',
    );
    expect(all).toContain('Usually *92.6%* at this hour on Tuesdays (typical range 89.6%–95.6%, over the last 4 weeks).');
    expect(all).toContain('*Since*\n11:00 on Tue, Nov 17');
    expect(all).toContain(
      '*Likely driver:* the misunderstood message “checkout keeps failing?? "payment declined"”: *210* that hour, usually 0.',
    );
    expect(all).toMatch(/“Unusual” = outside the typical range of the same hour on the same weekday over the last 4 weeks/);
    expect(all).toContain('at least 50 messages in the hour, 3 weeks of history and a change of at least 5 pts');
    expect(m.text).toBe('Maya Shop Assistant: understood rate unusually low: 66% between 11:00 and 12:00 on Tue, Nov 17 (usually 92.6%).');
    expect(limitViolations(m)).toEqual([]);
  });

  it('carries the digest drill-down buttons for the window, compared with the same hour a week before', () => {
    const m = renderAlertNotice(definition(), notice('fire'), { project, locale: 'en-GB', currencyDisplay: 'code' });
    const actions = m.blocks.find((b) => b.type === 'actions');
    const buttons = actions?.type === 'actions' ? actions.elements : [];
    expect(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual([
      'drilldown:misunderstood',
      'drilldown:intents',
      'drilldown:topics',
      'drilldown:countries',
    ]);
    expect(text(m)).toContain('Mention me in this thread with `misunderstood`, `intents`, `topics` or `countries` for details.');
    const ref = decodeDrilldownRef(String((buttons[0] as { value?: string }).value));
    expect(ref).toMatchObject({
      project: 'proj_demo_shop',
      view: 'misunderstood',
      period: {
        ...window,
        previous: { start: '2026-11-10T10:00:00.000Z', end: '2026-11-10T11:00:00.000Z' },
        timeZone: 'Europe/Paris',
        days: 1,
      },
      locale: 'en-GB',
      currencyDisplay: 'code',
    });
  });

  it('links to the project in ChatDash after the drill-downs when it has a dashboard URL', () => {
    const dashboardUrl = 'https://app.chatdash.example/projects/proj_demo_shop';
    const m = renderAlertNotice(definition(), notice('fire'), { project, dashboardUrl });
    expect(linkButtonsOf({ ...m })).toEqual([
      expect.objectContaining({ url: dashboardUrl, text: expect.objectContaining({ text: 'Open in ChatDash' }) }),
    ]);
    expect(linkButtonsOf({ ...renderAlertNotice(definition(), notice('fire'), { project }) })).toEqual([]);
  });

  it('its drill-downs say the window once: the label leaves the date (with its year) to the header', () => {
    const headerLine = (alert: AlertDefinition, w: { start: string; end: string }) => {
      const m = renderAlertNotice(alert, notice('fire', breach, { window: w }), { project });
      const actions = m.blocks.find((b) => b.type === 'actions');
      const button = actions?.type === 'actions' ? actions.elements[0] : undefined;
      const ref = decodeDrilldownRef(String((button as { value?: string }).value));
      if (!ref) throw new Error('no drill-down reference');
      const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: ref.period });
      const drilldown = renderDrilldown(ref.view, insights, { project });
      const context = drilldown.blocks[1];
      return { label: ref.period.label, line: context?.type === 'context' ? (context.elements[0] as { text: string }).text : '' };
    };
    expect(headerLine(definition(), window)).toEqual({
      label: 'Tue 11:00–12:00',
      line: '*Tue 11:00–12:00* · Nov 17, 2026 · Europe/Paris',
    });
    const daily = { start: '2026-11-16T23:00:00.000Z', end: '2026-11-17T23:00:00.000Z' };
    expect(headerLine(definition({ frequency: 'daily' }), daily)).toEqual({
      label: 'Tuesday',
      line: '*Tuesday* · Nov 17, 2026 · Europe/Paris',
    });
  });

  it('for a threshold: names the threshold, and the usual value only as context', () => {
    const alert = definition({
      metric: { kind: 'cost_per_conversation' },
      condition: { kind: 'threshold', direction: 'above', value: 0.05 },
    });
    const summary: EvaluationSummary = { outcome: 'breach', value: 0.0812, volume: 320, currency: 'EUR' };
    const all = text(renderAlertNotice(alert, notice('fire', summary), { project }));
    expect(all).toContain(
      '*Cost per conversation* was *€0.0812* (320 conversations) between 11:00 and 12:00 on Tue, Nov 17 (Europe/Paris): above your threshold of *€0.05*.',
    );
    expect(all).toContain('No usual value yet: not enough history.');
    expect(all).toContain('Checked every hour; judged only with at least 20 conversations in the hour.');
    expect(all).not.toContain('Likely driver');
  });

  it('for a daily alert speaks of days', () => {
    const alert = definition({ frequency: 'daily', metric: { kind: 'total_cost' }, condition: { kind: 'unusual', direction: 'either' } });
    const day = { start: '2026-11-16T23:00:00.000Z', end: '2026-11-17T23:00:00.000Z' };
    const summary: EvaluationSummary = {
      outcome: 'breach',
      value: 120,
      volume: 1500,
      currency: 'EUR',
      baseline: { median: 45, low: 38, high: 52, weeks: 4, wanted: 4 },
    };
    const m = renderAlertNotice(alert, { ...notice('fire', summary), window: day, incident: day.start }, { project });
    expect(m.blocks[0]).toMatchObject({ text: { text: '🚨 Total cost unusually high · Maya Shop Assistant' } });
    expect(text(m)).toContain('was *€120.00* (1,500 conversations) on Tue, Nov 17 (Europe/Paris): unusually high.');
    expect(text(m)).toContain('*Since*\nTue, Nov 17');
    expect(text(m)).toContain('same weekday over the last 4 weeks');
  });
});

describe('replies in the incident thread', () => {
  it('a reminder says since when, with the latest numbers or why they are missing', () => {
    const thread = { threadTs: '1795635868.572000' };
    const later = { start: '2026-11-18T10:00:00.000Z', end: '2026-11-18T11:00:00.000Z' };
    const m = renderAlertNotice(definition(), notice('reminder', { ...breach, value: 0.7 }, { ...thread, window: later }), { project });
    expect(m.blocks).toHaveLength(1);
    expect(text(m)).toContain(
      ':hourglass_flowing_sand: *Understood rate* still unusually low since 11:00 on Tue, Nov 17 (25 h so far). Latest: understood rate *70%* between 11:00 and 12:00 on Wed, Nov 18 (usually 92.6%).',
    );
    const unknown: EvaluationSummary = { outcome: 'unknown', reason: 'chatdash_failed', value: null, volume: null, currency: null };
    expect(text(renderAlertNotice(definition(), notice('reminder', unknown, { ...thread, window: later }), { project }))).toContain(
      'Latest: the check of 11:00–12:00, Wed, Nov 18 could not judge: ChatDash did not answer.',
    );
  });

  it('"back to normal" says since when and how long it lasted', () => {
    const back = { start: '2026-11-17T14:00:00.000Z', end: '2026-11-17T15:00:00.000Z' };
    const ok: EvaluationSummary = { outcome: 'ok', value: 0.93, volume: 800, understood: 744, currency: null, baseline: breach.baseline! };
    const m = renderAlertNotice(
      definition(),
      notice('recovery', ok, { window: back, recoveredSince: '2026-11-17T13:00:00.000Z', threadTs: '1.2' }),
      { project },
    );
    expect(text(m)).toContain(
      ':white_check_mark: *Understood rate unusually low* is back to normal since 14:00 on Tue, Nov 17 (it lasted 3 h). Latest: understood rate *93%* between 15:00 and 16:00 on Tue, Nov 17 (usually 92.6%).',
    );
    expect(m.text).toBe('Maya Shop Assistant: understood rate unusually low is back to normal (it lasted 3 h).');
  });

  it('each reply names its alert: two alerts on one project reply in their own threads, and say which one they are', () => {
    const back = { start: '2026-11-17T14:00:00.000Z', end: '2026-11-17T15:00:00.000Z' };
    const ok: EvaluationSummary = { outcome: 'ok', value: 0.93, volume: 800, understood: 744, currency: null };
    const threshold = definition({ condition: { kind: 'threshold', direction: 'below', value: 0.85 } });
    const named = definition({ name: 'Checkout <quality>' });
    const recovery = notice('recovery', ok, { window: back, recoveredSince: '2026-11-17T13:00:00.000Z', threadTs: '1.2' });
    expect(renderAlertNotice(threshold, recovery, { project }).text).toBe(
      'Maya Shop Assistant: understood rate below 85% is back to normal (it lasted 3 h).',
    );
    const m = renderAlertNotice(named, recovery, { project });
    expect(m.text).toBe('Maya Shop Assistant: “Checkout &lt;quality&gt;” is back to normal (it lasted 3 h).');
    expect(text(m)).toMatch(
      /\n:white_check_mark: \*“Checkout &lt;quality&gt;”\* is back to normal since 14:00 on Tue, Nov 17 \(it lasted 3 h\)\./,
    );
    const reminder = renderAlertNotice(named, notice('reminder', breach, { threadTs: '1.2' }), { project });
    expect(reminder.text).toBe(
      'Maya Shop Assistant: “Checkout &lt;quality&gt;”: understood rate still unusually low since 11:00 on Tue, Nov 17.',
    );
    expect(text(reminder)).toContain(':hourglass_flowing_sand: *“Checkout &lt;quality&gt;”*: understood rate still unusually low since');
    const fire = renderAlertNotice(named, notice('fire'), { project });
    expect(fire.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🚨 Checkout &lt;quality&gt;: understood rate unusually low · Maya Shop Assistant' },
    });
    expect(fire.text).toMatch(/^Maya Shop Assistant: “Checkout &lt;quality&gt;”: understood rate unusually low: 66%/);
  });

  it('says what the usual value rests on when some past weeks had too little data', () => {
    const thin = { ...breach, baseline: { ...breach.baseline!, weeks: 3 } };
    expect(text(renderAlertNotice(definition(), notice('fire', thin), { project }))).toContain(
      'Usually *92.6%* at this hour on Tuesdays (typical range 89.6%–95.6%, from 3 of the last 4 weeks: one had too little data).',
    );
    const daily = definition({ frequency: 'daily' });
    expect(text(renderAlertNotice(daily, notice('fire'), { project }))).toContain('Usually *92.6%* on Tuesdays (typical range');
  });

  it('without a thread to reply in (the opening post was undeliverable) it names the project and alert', () => {
    const m = renderAlertNotice(definition({ name: 'Night bot quality' }), notice('recovery', breach), { project });
    expect(m.blocks[0]).toMatchObject({ type: 'context' });
    expect(text(m)).toContain('*Maya Shop Assistant* · Night bot quality');
  });
});

describe('hostile and huge text', () => {
  const evil = '<!channel> *bold* <https://evil.example|click> & 😀'.repeat(40);
  it('escapes every untrusted text and stays within Slack limits', () => {
    const alert = definition({
      name: '<!here> ping'.repeat(10).slice(0, 80),
      metric: { kind: 'misunderstood_message', item: { id: 'x', label: evil.slice(0, 500) } },
      condition: { kind: 'threshold', direction: 'above', value: 5 },
    });
    const summary: EvaluationSummary = { ...breach, value: 12, driver: { kind: 'country', label: evil.slice(0, 500), now: 10, usual: 1 } };
    for (const kind of ['fire', 'reminder', 'recovery'] as const) {
      const m = renderAlertNotice(alert, notice(kind, summary), { project: { id: 'p'.repeat(100), name: evil } });
      expectSafe(m);
    }
  });
});

describe('one-line descriptions', () => {
  const fmt = createFormatter();
  it.each([
    [
      { metric: { kind: 'understood_rate' }, condition: { kind: 'threshold', direction: 'below', value: 0.8 } },
      'Understood rate below 80% · checked hourly',
    ],
    [
      { metric: { kind: 'conversations' }, condition: { kind: 'unusual', direction: 'either' } },
      'Conversations unusually high or low · checked hourly',
    ],
    [
      { metric: { kind: 'tokens', model: 'gpt-4o' }, condition: { kind: 'unusual', direction: 'above' } },
      'Tokens of gpt-4o unusually high · checked hourly',
    ],
    [
      {
        metric: { kind: 'topic', item: { label: 'Returns & exchanges' } },
        condition: { kind: 'threshold', direction: 'above', value: 40 },
      },
      'Topic “Returns &amp; exchanges” above 40 · checked hourly',
    ],
  ] as const)('%j', (input, expected) => {
    expect(describeAlert(definition(input as Partial<AlertInput>), fmt)).toBe(expected);
  });

  it('states each metric’s rules in the method text', () => {
    expect(methodWords(definition({ metric: { kind: 'conversations' } }), fmt)).toContain('at least 20 conversations now or usually');
    expect(methodWords(definition({ metric: { kind: 'conversations' }, minVolume: 200 }), fmt)).toContain(
      'at least 200 conversations now or usually',
    );
  });
});
