import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  BREAKDOWN_ITEMS,
  covers,
  measure,
  metricsForAlerts,
  toWindowData,
  WindowData,
  type WindowSnapshot,
} from '../../src/alerts/measures.ts';
import { parseAnalytics } from '../../src/chatdash/schema.ts';

describe('toWindowData', () => {
  it('keeps totals and the top of each breakdown, merged, bounded and cleaned', () => {
    const body = {
      conversations: { counts: [40], total: 40 },
      understoodMessages: { total: 100, understood: 80, missed: 20 },
      totalCost: { counts: [1.5], total: 1.5, currency: 'eur' },
      tokens: [
        { model: 'gpt-4o', count: 10 },
        { model: 'gpt-4o', count: 5 },
      ],
      topMisunderstoodMessages: Array.from({ length: 40 }, (_, i) => ({ id: i, label: `line\nbreak ${'x'.repeat(300)}`, count: 100 - i })),
      topTopics: [{ id: 't1', label: 'Returns', count: 3 }],
      conversationsByCountry: [{ id: 'DE', value: 30 }],
    };
    const parsed = parseAnalytics(body, [
      'conversations',
      'understoodMessages',
      'totalCost',
      'tokens',
      'topMisunderstoodMessages',
      'topTopics',
      'conversationByCountry',
    ])!;
    const data = toWindowData(parsed);
    expect(data.conversations).toBe(40);
    expect(data.messages).toEqual({ total: 100, missed: 20 });
    expect(data.totalCost).toEqual({ amount: 1.5, currency: 'EUR' });
    expect(data.tokens).toEqual([{ key: 'gpt-4o', label: 'gpt-4o', count: 15 }]);
    expect(data.misunderstood).toHaveLength(BREAKDOWN_ITEMS);
    expect(data.misunderstood?.[0]?.label).toMatch(/^line break x+$/);
    expect(data.misunderstood?.[0]?.label.length).toBe(200);
    expect(data.countries).toEqual([{ key: 'DE', label: 'DE', count: 30 }]);
  });

  it('missing or malformed metrics become null, never a crash', () => {
    const parsed = parseAnalytics({ conversations: 'lots', tokens: [{ model: 'm', count: -1 }] }, [
      'conversations',
      'tokens',
      'understoodMessages',
    ])!;
    expect(toWindowData(parsed)).toEqual({
      conversations: null,
      messages: null,
      totalCost: null,
      tokens: null,
      misunderstood: null,
      topics: null,
      countries: null,
    });
  });

  it('a cost without a usable currency code keeps its amount, stores and compares as plain money', () => {
    const parsed = parseAnalytics({ totalCost: { counts: [2], total: 2, currency: 'EURO' }, conversations: { counts: [4], total: 4 } }, [
      'totalCost',
      'conversations',
    ])!;
    const data = toWindowData(parsed);
    expect(data.totalCost).toEqual({ amount: 2, currency: null });
    expect(z.parse(WindowData, data)).toEqual(data);
    expect(measure({ kind: 'cost_per_conversation' }, data)).toMatchObject({ ok: true, value: 0.5, currency: null });
  });
});

describe('metrics and measures', () => {
  it('asks ChatDash once for the union of what a set of alerts needs', () => {
    expect(metricsForAlerts([{ kind: 'understood_rate' }, { kind: 'cost_per_conversation' }, { kind: 'understood_rate' }])).toEqual([
      'conversations',
      'tokens',
      'topMisunderstoodMessages',
      'totalCost',
      'understoodMessages',
    ]);
    const snapshot = { requested: ['conversations', 'understoodMessages'] } as WindowSnapshot;
    expect(covers(snapshot, ['conversations'])).toBe(true);
    expect(covers(snapshot, ['conversations', 'tokens'])).toBe(false);
  });

  it('reads each metric, and says when it is unavailable', () => {
    const data = {
      conversations: 0,
      messages: { total: 0, missed: 0 },
      totalCost: { amount: 0, currency: 'EUR' },
      tokens: [{ key: 'a', label: 'a', count: 7 }],
      misunderstood: null,
      topics: [],
      countries: null,
    };
    expect(measure({ kind: 'understood_rate' }, data)).toEqual({ ok: true, value: null, volume: 0, understood: 0, currency: null });
    expect(measure({ kind: 'cost_per_conversation' }, data)).toEqual({ ok: true, value: null, volume: 0, currency: 'EUR' });
    expect(measure({ kind: 'tokens', model: 'b' }, data)).toMatchObject({ ok: true, value: 0 });
    expect(measure({ kind: 'misunderstood_message', item: { label: 'x' } }, data)).toEqual({ ok: false });
    expect(measure({ kind: 'topic', item: { label: 'x' } }, data)).toMatchObject({ ok: true, value: 0 });
  });
});
