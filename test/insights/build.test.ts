import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/insights/build.ts';
import type { Insights } from '../../src/insights/types.ts';
import { parsed, period, textBot, textBotPrevious, voiceBot } from '../support/analytics-fixtures.ts';
import { numbersIn } from '../support/numbers-in.ts';

function expectAllFinite(insights: Insights): void {
  const bad = numbersIn(insights).filter(([, n]) => !Number.isFinite(n));
  expect(bad).toEqual([]);
}

describe('buildInsights: headline numbers', () => {
  it('computes this period, the previous one and the change', () => {
    const i = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    expect(i.headline.conversations).toEqual({ value: 915, previous: 750, change: { kind: 'delta', absolute: 165, percent: 22 } });
    expect(i.headline.uniqueUsers.value).toBe(770);
    expect(i.headline.interactions.value).toBe(3650);
    expect(i.headline.averageInteractionsPerConversation.value).toBeCloseTo(3650 / 915, 9);
    expect(i.headline.understoodRate.value).toBeCloseTo(0.85, 9);
    expect(i.headline.understoodRate.previous).toBeCloseTo(0.88, 9);
    const rateChange = i.headline.understoodRate.change;
    expect(rateChange.kind).toBe('delta');
    if (rateChange.kind === 'delta') {
      expect(rateChange.absolute).toBeCloseTo(-3, 9); // points, not percent
      expect(rateChange.percent).toBeNull();
    }
    expect(i.headline.totalCost).toMatchObject({ value: 45.75, previous: 37.5, currency: 'EUR' });
    expect(i.headline.averageCost).toMatchObject({ value: 0.05, currency: 'EUR', change: { kind: 'same' } });
    expect(i.tokens.total.value).toBe(2_250_000);
    expect(i.tokens.byModel.items.map((m) => m.label)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(i.isEmpty).toBe(false);
    expect(i.isVoice).toBe(false);
    expect(i.hasPrevious).toBe(true);
    expectAllFinite(i);
  });

  it('falls back: averageInteractions when interactions are missing, totalCost/conversations for average cost', () => {
    const current = textBot();
    delete current.data.interactions;
    delete current.data.averageCost;
    const i = buildInsights({ current, period: period() });
    expect(i.headline.averageInteractionsPerConversation.value).toBe(4);
    expect(i.headline.averageCost.value).toBeCloseTo(45.75 / 915, 12);
    expect(i.headline.averageCost.currency).toBe('EUR');
  });

  it('without a previous period: previous is null and a positive number is "new"', () => {
    const i = buildInsights({ current: textBot(), period: period() });
    expect(i.hasPrevious).toBe(false);
    expect(i.headline.conversations.previous).toBeNull();
    expect(i.headline.conversations.change).toEqual({ kind: 'new' });
    expect(i.highlights).toEqual([]);
    expect(i.topTopics.items.every((t) => t.previousCount === null)).toBe(true);
  });

  it('previous zero → new; both zero → same', () => {
    const zero = parsed({ conversations: { counts: [0, 0], total: 0 }, interactions: { counts: [0], total: 0 } });
    const i = buildInsights({ current: textBot({ interactions: { counts: [0], total: 0 } }), previous: zero, period: period() });
    expect(i.headline.conversations.change).toEqual({ kind: 'new' });
    expect(i.headline.interactions.change).toEqual({ kind: 'same' });
  });

  it('an unavailable metric is null with change none, and the rest stands', () => {
    const current = textBot();
    delete current.data.totalCost;
    delete current.data.averageCost;
    delete current.data.understoodMessages;
    current.unavailable.push('totalCost', 'averageCost', 'understoodMessages');
    const i = buildInsights({ current, previous: textBotPrevious(), period: period() });
    expect(i.headline.totalCost.value).toBeNull();
    expect(i.headline.totalCost.change).toEqual({ kind: 'none' });
    expect(i.headline.understoodRate.value).toBeNull();
    expect(i.understood).toBeNull();
    expect(i.headline.conversations.value).toBe(915);
    expect(i.unavailable).toEqual(['totalCost', 'averageCost', 'understoodMessages']);
    expectAllFinite(i);
  });

  it('understood rate with zero messages is unavailable, not NaN', () => {
    const i = buildInsights({
      current: textBot({ understoodMessages: { total: 0, understood: 0, missed: 0 } }),
      period: period(),
    });
    expect(i.headline.understoodRate.value).toBeNull();
    expectAllFinite(i);
  });

  it('costs in different currencies are not compared', () => {
    const previous = textBotPrevious({ totalCost: { counts: [], total: 10, currency: 'USD' } });
    const i = buildInsights({ current: textBot(), previous, period: period() });
    expect(i.headline.totalCost.change).toEqual({ kind: 'none' });
    expect(i.headline.totalCost.previousCurrency).toBe('USD');
  });

  it('stays finite with huge numbers', () => {
    const big = Number.MAX_VALUE;
    const current = parsed({
      conversations: { counts: [big, big], total: big },
      interactions: { counts: [], total: big },
      totalCost: { counts: [], total: big, currency: 'USD' },
      tokens: [
        { model: 'a', count: big },
        { model: 'b', count: big },
      ],
      topTopics: [
        { id: 1, label: 'x', count: big },
        { id: 1, label: 'x', count: big },
      ],
      totalCallDuration: { counts: [], total: big },
    });
    const previous = parsed({ conversations: { counts: [1e-300], total: 1e-300 } });
    const i = buildInsights({ current, previous, period: period({ days: 2 }) });
    expectAllFinite(i);
    expect(i.tokens.total.value).toBe(Number.MAX_VALUE);
  });
});

describe('buildInsights: empty, voice, lists and trend', () => {
  it('is empty when conversations total is 0', () => {
    const i = buildInsights({ current: parsed({ conversations: { counts: [0, 0, 0], total: 0 } }), period: period() });
    expect(i.isEmpty).toBe(true);
    expectAllFinite(i);
  });

  it('is empty when conversations are unavailable and nothing else has data', () => {
    expect(buildInsights({ current: parsed({}, ['conversations']), period: period() }).isEmpty).toBe(true);
    expect(
      buildInsights({ current: parsed({ topTopics: [], uniqueIps: { counts: [], total: 0 } }, ['conversations']), period: period() })
        .isEmpty,
    ).toBe(true);
    // …but not when something else carries data
    expect(
      buildInsights({ current: parsed({ interactions: { counts: [3], total: 3 } }, ['conversations']), period: period() }).isEmpty,
    ).toBe(false);
  });

  it('detects voice bots from call duration or ended reasons, and converts seconds to minutes', () => {
    const v = buildInsights({ current: voiceBot(), period: period() });
    expect(v.isVoice).toBe(true);
    expect(v.headline.callMinutes.value).toBe((5400 + 7560 + 6840 + 8100 + 7200 + 2160 + 1440) / 60);
    const reasonsOnly = buildInsights({
      current: parsed({ conversations: { counts: [1], total: 1 }, endedReason: [{ reason: 'hangup', count: 1 }] }),
      period: period(),
    });
    expect(reasonsOnly.isVoice).toBe(true);
    expect(buildInsights({ current: textBot(), period: period() }).isVoice).toBe(false);
  });

  it('sorts lists descending, merges duplicates and computes shares of the whole (all conversations)', () => {
    const i = buildInsights({
      current: textBot({
        conversations: { counts: [], total: 500 },
        topTopics: [
          { id: 'a', label: 'A', count: 10 },
          { id: 'b', label: 'B', count: 30 },
          { id: 'a', label: 'A', count: 20 },
          { id: 'c', label: 'C', count: 40 },
        ],
      }),
      period: period(),
    });
    expect(i.topTopics.items.map((t) => [t.label, t.count, t.rank])).toEqual([
      ['C', 40, 1],
      ['A', 30, 2],
      ['B', 30, 3],
    ]);
    expect(i.topTopics.total).toBe(100);
    expect(i.topTopics).toMatchObject({ shareOf: 500, shareOfWhole: true });
    expect(i.topTopics.items.map((t) => t.share)).toEqual([40 / 500, 30 / 500, 30 / 500]);
  });

  // ChatDash returns top lists: a share is of the whole the list is part of, and of the list only when no usable whole.
  it.each([
    { name: 'misunderstood: of all missed messages', missed: 1000, conversations: 4000, shareOf: 1000, whole: true, first: 0.15 },
    {
      name: 'misunderstood: missed unavailable → of the list',
      missed: undefined,
      conversations: 4000,
      shareOf: 200,
      whole: false,
      first: 0.75,
    },
    {
      name: 'misunderstood: missed below the list (inconsistent) → of the list',
      missed: 100,
      conversations: 4000,
      shareOf: 200,
      whole: false,
      first: 0.75,
    },
    { name: 'topics: of all conversations', missed: 1000, conversations: 4000, shareOf: 4000, whole: true, first: 0.05 },
    {
      name: 'topics: conversations below the list (several topics each) → of the list',
      missed: 1000,
      conversations: 150,
      shareOf: 300,
      whole: false,
      first: 200 / 300,
    },
  ])('$name', ({ name, missed, conversations, shareOf, whole, first }) => {
    const data = textBot({
      conversations: { counts: [], total: conversations },
      topMisunderstoodMessages: [
        { id: 'm1', label: 'where is my order', count: 150 },
        { id: 'm2', label: 'asdf', count: 50 },
      ],
      topTopics: [
        { id: 't1', label: 'Delivery', count: 200 },
        { id: 't2', label: 'Returns', count: 100 },
      ],
    });
    if (missed === undefined) delete data.data.understoodMessages;
    else data.data.understoodMessages = { total: 5000, understood: 5000 - missed, missed };
    const i = buildInsights({ current: data, period: period() });
    const list = name.startsWith('topics') ? i.topTopics : i.topMisunderstood;
    expect(list).toMatchObject({ shareOf, shareOfWhole: whole });
    expect(list.items[0]?.share).toBeCloseTo(first, 12);
  });

  it('tokens per model are of all tokens; countries and ended reasons of all conversations; intents of the list (no total)', () => {
    const i = buildInsights({ current: textBot(), period: period() });
    expect(i.tokens.byModel).toMatchObject({ shareOf: 2_250_000, shareOfWhole: true });
    expect(i.countries).toMatchObject({ shareOf: 915, shareOfWhole: true });
    expect(i.countries.items[0]?.share).toBeCloseTo(600 / 915, 12);
    expect(i.topIntents).toMatchObject({ shareOf: 410, shareOfWhole: false });
  });

  it('marks unavailable lists as such (not as empty)', () => {
    const current = textBot();
    delete current.data.topTopics;
    const i = buildInsights({ current, period: period() });
    expect(i.topTopics).toEqual({ available: false, items: [], total: 0, shareOf: 0, shareOfWhole: false });
    expect(i.endedReasons.available).toBe(true);
    expect(i.endedReasons.items).toEqual([]);
  });

  it('normalises country codes and keeps previous counts', () => {
    const i = buildInsights({
      current: textBot({
        conversationsByCountry: [
          { id: 'fr', value: 5 },
          { id: 'FR', value: 5 },
        ],
      }),
      previous: textBotPrevious(),
      period: period(),
    });
    expect(i.countries.items).toHaveLength(1);
    expect(i.countries.items[0]).toMatchObject({ key: 'FR', count: 10, previousCount: 500 });
  });

  it('dates the daily series in the period time zone when there is one bucket per day', () => {
    const i = buildInsights({ current: textBot(), period: period() });
    expect(i.trend?.days.map((d) => d.date)).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
    ]);
    expect(i.trend).toMatchObject({ min: 45, max: 210, peak: { date: '2026-11-11', count: 210 } });
  });

  it('leaves buckets undated when their number does not match the days', () => {
    const i = buildInsights({ current: textBot({ conversations: { counts: [1, 2, 3], total: 6 } }), period: period() });
    expect(i.trend?.days.every((d) => d.date === null)).toBe(true);
    expect(i.trend?.peak.count).toBe(3);
    expect(buildInsights({ current: textBot({ conversations: { counts: [], total: 6 } }), period: period() }).trend).toBeNull();
  });
});

describe('buildInsights: the series charts draw from', () => {
  it('carries the previous period’s counts and the dated cost per day', () => {
    const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    expect(insights.previousTrend).toEqual([100, 150, 150, 130, 120, 50, 50]);
    expect(insights.costTrend?.days.map((d) => [d.date, d.count])).toEqual([
      ['2026-11-09', 6],
      ['2026-11-10', 9],
      ['2026-11-11', 10.5],
      ['2026-11-12', 8],
      ['2026-11-13', 7],
      ['2026-11-14', 3],
      ['2026-11-15', 2.25],
    ]);
    expect(insights.costTrend?.peak).toEqual({ date: '2026-11-11', count: 10.5 });
  });

  it('is null where ChatDash gave nothing to draw', () => {
    const insights = buildInsights({ current: parsed({}), period: period() });
    expect(insights.previousTrend).toBeNull();
    expect(insights.costTrend).toBeNull();
    const noPrevious = buildInsights({ current: textBot(), previous: parsed({}), period: period() });
    expect(noPrevious.previousTrend).toBeNull();
  });
});
