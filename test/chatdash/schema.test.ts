import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type MetricName, parseAnalytics, responseKeyOf } from '../../src/chatdash/schema.ts';

describe('parseAnalytics: odd but legal data', () => {
  it('zero conversations and empty lists are data, not gaps', () => {
    const result = parseAnalytics(
      {
        conversations: { counts: [0, 0, 0], total: 0 },
        topTopics: [],
        conversationsByCountry: [],
        endedReason: [],
        tokens: [],
        understoodMessages: { total: 0, understood: 0, missed: 0 },
        averageInteractions: 0,
        averageCost: { counts: [], average: 0, currency: 'EUR' },
      },
      [
        'conversations',
        'topTopics',
        'conversationByCountry',
        'endedReason',
        'tokens',
        'understoodMessages',
        'averageInteractions',
        'averageCost',
      ],
    );
    expect(result?.unavailable).toEqual([]);
    expect(result?.data.conversations).toEqual({ counts: [0, 0, 0], total: 0 });
    expect(result?.data.topTopics).toEqual([]);
    expect(result?.data.conversationsByCountry).toEqual([]);
    expect(result?.data.averageInteractions).toBe(0);
  });

  it('huge numbers pass', () => {
    const result = parseAnalytics(
      {
        tokens: [{ model: 'gpt-4o-mini', count: 1e15 }],
        totalCost: { counts: [1e15], total: 1e15, currency: 'usd' },
      },
      ['tokens', 'totalCost'],
    );
    expect(result?.unavailable).toEqual([]);
    expect(result?.data.tokens?.[0]?.count).toBe(1e15);
    // Currency codes are normalised to upper case.
    expect(result?.data.totalCost?.currency).toBe('USD');
  });

  it('unicode labels and both numeric and string ids are kept verbatim', () => {
    const topics = [
      { id: 'topic_refund', label: 'Rückerstattung', count: 12 },
      { id: 7, label: '配送状況', count: 5 },
      { id: '8', label: 'Pizza 🍕 & <b>pasta</b>', count: 1 },
    ];
    const result = parseAnalytics({ topTopics: topics }, ['topTopics']);
    expect(result?.unavailable).toEqual([]);
    expect(result?.data.topTopics).toEqual(topics);
  });

  it('unknown extra keys are ignored and unrequested metrics are not returned', () => {
    const result = parseAnalytics(
      { conversations: { counts: [1], total: 1 }, uniqueIps: { counts: [1], total: 1 }, somethingNew: { x: 1 } },
      ['conversations'],
    );
    expect(result?.data).toEqual({ conversations: { counts: [1], total: 1 } });
  });

  it('the country metric is read from its response key', () => {
    expect(responseKeyOf('conversationByCountry')).toBe('conversationsByCountry');
    const result = parseAnalytics({ conversationsByCountry: [{ id: 'DE', value: 3 }] }, ['conversationByCountry']);
    expect(result?.data.conversationsByCountry).toEqual([{ id: 'DE', value: 3 }]);
    expect(result?.unavailable).toEqual([]);
  });
});

describe('parseAnalytics: invalid data makes that metric unavailable', () => {
  const cases: Array<[string, MetricName, unknown]> = [
    ['a negative count', 'conversations', { counts: [1, -1], total: 0 }],
    ['a negative total', 'uniqueIps', { counts: [], total: -5 }],
    ['a null total', 'conversations', { counts: [1], total: null }],
    ['a null inside counts', 'interactions', { counts: [1, null], total: 1 }],
    ['a NaN-ish string count', 'topTopics', [{ id: 1, label: 'x', count: 'NaN' }]],
    ['a numeric string count', 'tokens', [{ model: 'm', count: '12' }]],
    ['Infinity', 'averageInteractions', Number.POSITIVE_INFINITY],
    ['NaN', 'averageInteractions', Number.NaN],
    ['a missing label', 'topMisunderstoodMessages', [{ id: 1, count: 2 }]],
    ['a null list', 'endedReason', null],
    ['an object instead of a list', 'conversationByCountry', { DE: 3 }],
    ['a string instead of a series', 'totalCallDuration', 'lots'],
    ['a partial understood object', 'understoodMessages', { total: 3, understood: 2 }],
  ];

  it.each(cases)('%s', (_what, metric, value) => {
    const body = { conversations: { counts: [2, 3], total: 5 }, [responseKeyOf(metric)]: value };
    const requested: MetricName[] = metric === 'conversations' ? [metric] : [metric, 'conversations'];
    const result = parseAnalytics(body, requested);
    expect(result?.unavailable).toEqual([metric]);
    expect(result?.data[responseKeyOf(metric)]).toBeUndefined();
    if (metric !== 'conversations') expect(result?.data.conversations?.total).toBe(5);
  });

  it('every requested metric missing from an empty object is unavailable', () => {
    const result = parseAnalytics({}, METRIC_NAMES);
    expect(result?.unavailable).toEqual([...METRIC_NAMES]);
    expect(result?.data).toEqual({});
  });

  it.each([null, [], 'text', 42, true])('a non-object body (%j) is rejected as a whole', (body) => {
    expect(parseAnalytics(body, ['conversations'])).toBeUndefined();
  });
});
