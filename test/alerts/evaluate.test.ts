import { describe, expect, it } from 'vitest';
import { evaluateAlert } from '../../src/alerts/evaluate.ts';
import type { WindowData } from '../../src/alerts/measures.ts';
import type { AlertCondition, AlertMetric } from '../../src/alerts/model.ts';

/** A window's data: ~200 messages at `rate` understood, `conv` conversations costing `cost` EUR in all. */
function win(rate: number, conv = 100, cost = 5, extra: Partial<WindowData> = {}): WindowData {
  const total = 200;
  return {
    conversations: conv,
    messages: { total, missed: Math.round(total * (1 - rate)) },
    totalCost: { amount: cost, currency: 'EUR' },
    tokens: [
      { key: 'gpt-4o-mini', label: 'gpt-4o-mini', count: conv * 1000 },
      { key: 'gpt-4o', label: 'gpt-4o', count: conv * 100 },
    ],
    misunderstood: [
      { key: 'm1', label: 'where is my order', count: 8 },
      { key: 'm2', label: 'talk to a human', count: 5 },
    ],
    topics: [{ key: 't1', label: 'Returns', count: 30 }],
    countries: [
      { key: 'DE', label: 'DE', count: Math.round(conv * 0.6) },
      { key: 'FR', label: 'FR', count: Math.round(conv * 0.4) },
    ],
    ...extra,
  };
}
const normal = [win(0.92), win(0.91), win(0.93), win(0.92)];
const unusualBelow: AlertCondition = { kind: 'unusual', direction: 'below' };
const rate: AlertMetric = { kind: 'understood_rate' };

type Row = [string, AlertMetric, AlertCondition, WindowData | null, ReadonlyArray<WindowData | null>, string, string?];

describe('evaluateAlert', () => {
  const rows: Row[] = [
    ['normal hour', rate, unusualBelow, win(0.92), normal, 'ok'],
    ['a jump in misses', rate, unusualBelow, win(0.7), normal, 'breach'],
    ['ChatDash failed', rate, unusualBelow, null, normal, 'unknown', 'chatdash_failed'],
    ['the metric is missing', rate, unusualBelow, win(0.7, 100, 5, { messages: null }), normal, 'unknown', 'metric_unavailable'],
    ['too few messages', rate, unusualBelow, win(0.5, 100, 5, { messages: { total: 12, missed: 6 } }), normal, 'unknown', 'low_volume'],
    ['no messages at all', rate, unusualBelow, win(0.5, 0, 0, { messages: { total: 0, missed: 0 } }), normal, 'unknown', 'low_volume'],
    ['two weeks of history only', rate, unusualBelow, win(0.7), [win(0.92), null, win(0.9), null], 'unknown', 'no_baseline'],
    [
      'past weeks without the metric',
      rate,
      unusualBelow,
      win(0.7),
      normal.map((w) => ({ ...w, messages: null })),
      'unknown',
      'no_baseline',
    ],
    [
      'past weeks too quiet to count',
      rate,
      unusualBelow,
      win(0.7),
      normal.map((w) => ({ ...w, messages: { total: 10, missed: 1 } })),
      'unknown',
      'no_baseline',
    ],
    ['threshold crossed', rate, { kind: 'threshold', direction: 'below', value: 0.8 }, win(0.75), [], 'breach'],
    ['threshold not crossed', rate, { kind: 'threshold', direction: 'below', value: 0.8 }, win(0.85), [], 'ok'],
    [
      'threshold, too few messages',
      rate,
      { kind: 'threshold', direction: 'below', value: 0.8 },
      win(0.5, 5, 1, { messages: { total: 4, missed: 2 } }),
      [],
      'unknown',
      'low_volume',
    ],
    [
      'cost per conversation above',
      { kind: 'cost_per_conversation' },
      { kind: 'threshold', direction: 'above', value: 0.1 },
      win(0.9, 100, 12),
      [],
      'breach',
    ],
    [
      'cost per conversation, no conversations',
      { kind: 'cost_per_conversation' },
      { kind: 'threshold', direction: 'above', value: 0.1 },
      win(0.9, 0, 12),
      [],
      'unknown',
      'low_volume',
    ],
    [
      'cost per conversation doubled',
      { kind: 'cost_per_conversation' },
      { kind: 'unusual', direction: 'above' },
      win(0.9, 100, 10),
      normal,
      'breach',
    ],
    ['total cost, normal', { kind: 'total_cost' }, { kind: 'unusual', direction: 'either' }, win(0.9, 100, 5.2), normal, 'ok'],
    [
      'total cost in another currency',
      { kind: 'total_cost' },
      { kind: 'unusual', direction: 'either' },
      win(0.9, 100, 50, { totalCost: { amount: 50, currency: 'USD' } }),
      normal,
      'unknown',
      'currency_changed',
    ],
    ['conversations halved', { kind: 'conversations' }, { kind: 'unusual', direction: 'below' }, win(0.9, 50), normal, 'breach'],
    [
      'conversations tiny anyway',
      { kind: 'conversations' },
      { kind: 'unusual', direction: 'below' },
      win(0.9, 0),
      [win(0.9, 3), win(0.9, 2), win(0.9, 4)],
      'unknown',
      'low_volume',
    ],
    ['tokens surge', { kind: 'tokens' }, { kind: 'unusual', direction: 'above' }, win(0.9, 300), normal, 'breach'],
    [
      'tokens of one model, threshold',
      { kind: 'tokens', model: 'gpt-4o' },
      { kind: 'threshold', direction: 'above', value: 20_000 },
      win(0.9, 300),
      [],
      'breach',
    ],
    [
      'a misunderstood message crossing a count',
      { kind: 'misunderstood_message', item: { id: 'm2', label: 'talk to a human' } },
      { kind: 'threshold', direction: 'above', value: 20 },
      win(0.9, 100, 5, { misunderstood: [{ key: 'm2', label: 'talk to a human', count: 25 }] }),
      [],
      'breach',
    ],
    [
      'a message absent from the top list counts 0',
      { kind: 'misunderstood_message', item: { label: 'TALK to a human' } },
      { kind: 'threshold', direction: 'above', value: 20 },
      win(0.9, 100, 5, { misunderstood: [] }),
      [],
      'ok',
    ],
    [
      'a topic suddenly common, matched by label',
      { kind: 'topic', item: { label: 'returns' } },
      { kind: 'unusual', direction: 'above' },
      win(0.9, 100, 5, { topics: [{ key: 't1', label: 'Returns', count: 90 }] }),
      normal,
      'breach',
    ],
  ];
  it.each(rows)('%s', (_name, metric, condition, current, past, outcome, reason) => {
    const e = evaluateAlert({ alert: { metric, condition }, current, past });
    expect(e.outcome).toBe(outcome);
    if (reason) expect(e.reason).toBe(reason);
    for (const n of [e.value, e.volume, e.baseline?.median, e.baseline?.low, e.baseline?.high]) {
      if (typeof n === 'number') expect(Number.isFinite(n)).toBe(true);
    }
  });

  it('states the numbers: value, volume, understood, usual value and range', () => {
    const e = evaluateAlert({ alert: { metric: rate, condition: unusualBelow }, current: win(0.7), past: normal });
    expect(e).toMatchObject({ outcome: 'breach', value: 0.7, volume: 200, understood: 140, baseline: { weeks: 4, wanted: 4 } });
    expect(e.baseline?.median).toBeCloseTo(0.92, 6);
  });

  it('a minimum volume set on the alert replaces the default floor', () => {
    const quiet = win(0.5, 10, 1, { messages: { total: 20, missed: 10 } });
    const alert = { metric: rate, condition: { kind: 'threshold', direction: 'below', value: 0.8 } as const };
    expect(evaluateAlert({ alert, current: quiet, past: [] }).outcome).toBe('unknown');
    expect(evaluateAlert({ alert: { ...alert, minVolume: 10 }, current: quiet, past: [] }).outcome).toBe('breach');
  });

  describe('likely driver', () => {
    const item = (label: string, count: number, key = label) => ({ key, label, count });
    it.each([
      [
        'the misunderstood message that grew most when the understood rate falls',
        { metric: rate, condition: unusualBelow },
        win(0.7, 100, 5, { misunderstood: [item('checkout fails', 40, 'm9'), item('where is my order', 9, 'm1')] }),
        { kind: 'misunderstood', label: 'checkout fails', now: 40, usual: 0 },
      ],
      [
        'the country that fell most when conversations drop',
        { metric: { kind: 'conversations' }, condition: unusualBelow },
        win(0.9, 50, 5, { countries: [item('DE', 10), item('FR', 40)] }),
        { kind: 'country', label: 'DE', now: 10, usual: 60 },
      ],
      [
        'the model behind a cost rise',
        { metric: { kind: 'total_cost' }, condition: { kind: 'unusual', direction: 'above' } },
        win(0.9, 100, 15, { tokens: [item('gpt-4o', 400_000), item('gpt-4o-mini', 100_000)] }),
        { kind: 'model', label: 'gpt-4o', now: 400_000, usual: 10_000 },
      ],
    ] as const)('names %s', (_, alert, current, driver) => {
      expect(evaluateAlert({ alert, current, past: normal }).driver).toMatchObject(driver);
    });

    it('has none without history or breakdowns', () => {
      const e = evaluateAlert({
        alert: { metric: rate, condition: { kind: 'threshold', direction: 'below', value: 0.8 } },
        current: win(0.7, 100, 5, { misunderstood: null }),
        past: normal,
      });
      expect(e.outcome).toBe('breach');
      expect(e.driver).toBeUndefined();
    });
  });
});
