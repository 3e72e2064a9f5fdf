/** Counts and their nouns agree: "1 reason", "1 conversation", "1 of 1 message", never "1 reasons". */
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/digest/format.ts';
import { counted, noun } from '../../src/digest/plural.ts';
import { renderDigest } from '../../src/digest/render-digest.ts';
import { renderDrilldown } from '../../src/digest/render-drilldown.ts';
import { highlightLine } from '../../src/digest/wording.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { dataRow } from '../../src/overview/build.ts';
import { rowNumbers } from '../../src/overview/wording.ts';
import { period, textBot, voiceBot } from '../support/analytics-fixtures.ts';
import { newMisunderstood } from '../support/highlights.ts';

const fmt = createFormatter({ locale: 'en-US' });
const project = { id: 'p', name: 'Acme' };

describe('noun and counted', () => {
  it('singular for exactly one, plural otherwise', () => {
    expect(noun(1, 'reason')).toBe('reason');
    expect(noun(0, 'reason')).toBe('reasons');
    expect(noun(2, 'country', 'countries')).toBe('countries');
    expect(noun(null, 'topic')).toBe('topics');
    expect(counted(1, fmt.integer, 'message')).toBe('1 message');
    expect(counted(1234, fmt.integer, 'message')).toBe('1,234 messages');
    expect(counted(null, fmt.integer, 'message')).toBe('n/a messages');
  });
});

describe('rendered counts', () => {
  it('a drill-down with one item says so in the singular, for every view', () => {
    const one = voiceBot({
      endedReason: [{ reason: 'customer-ended-call', count: 3 }],
      topTopics: [{ id: 'a', label: 'Booking', count: 3 }],
      topMisunderstoodMessages: [{ id: 'm', label: 'hm?', count: 1 }],
      tokens: [{ model: 'gpt-4o', count: 1 }],
      conversationsByCountry: [{ id: 'US', value: 3 }],
      understoodMessages: { total: 1, understood: 0, missed: 1 },
    });
    const insights = buildInsights({ current: one, period: period() });
    const texts = {
      ended_reasons: renderDrilldown('ended_reasons', insights, { project }).text,
      topics: renderDrilldown('topics', insights, { project }).text,
      misunderstood: renderDrilldown('misunderstood', insights, { project }).text,
      costs: renderDrilldown('costs', insights, { project }).text,
      countries: renderDrilldown('countries', insights, { project }).text,
    };
    expect(texts.ended_reasons).toContain(': 1 reason.');
    expect(texts.topics).toContain(': 1 topic.');
    expect(texts.misunderstood).toContain(': 1 misunderstood message.');
    expect(texts.costs).toContain(': 1 model.');
    expect(texts.countries).toContain(': 1 country.');
    const costs = JSON.stringify(renderDrilldown('costs', insights, { project }).blocks);
    expect(costs).toContain('— 1 token (');
    const misunderstood = JSON.stringify(renderDrilldown('misunderstood', insights, { project }).blocks);
    expect(misunderstood).toContain('1 of 1 message not understood');
  });

  it('several items stay plural', () => {
    const insights = buildInsights({ current: voiceBot(), period: period() });
    expect(renderDrilldown('ended_reasons', insights, { project }).text).toContain(': 4 reasons.');
  });

  it('a digest with one conversation and one message says "1 conversation" and "of 1 message"', () => {
    const one = textBot({
      conversations: { counts: [1, 0, 0, 0, 0, 0, 0], total: 1 },
      understoodMessages: { total: 1, understood: 0, missed: 1 },
    });
    const message = renderDigest(buildInsights({ current: one, period: period() }), { project });
    expect(message.text).toContain('1 conversation,');
    expect(message.text).not.toContain('1 conversations');
    expect(JSON.stringify(message.blocks)).toContain('1 of 1 message missed');
  });

  it('one intent, one hit of a new misunderstood message, one conversation in an overview row: singular too', () => {
    const one = voiceBot({ topIntents: [{ name: 'opening_hours', count: 1 }] });
    const insights = buildInsights({ current: one, period: period() });
    const intents = renderDrilldown('intents', insights, { project });
    expect(intents.text).toContain(': 1 intent.');
    expect(JSON.stringify(intents.blocks)).toContain('1 message matched the listed intents');
    expect(highlightLine(newMisunderstood(1, 0.5), fmt)).toContain('\u2014 1 time (');
    const single = buildInsights({ current: textBot({ conversations: { counts: [1, 0, 0, 0, 0, 0, 0], total: 1 } }), period: period() });
    const row = dataRow({ status: 'ok', project: { key: 'acme', ...project }, insights: single });
    expect(rowNumbers(row, fmt).conversations).toMatch(/^1 conversation(?!s)/);
  });
});
