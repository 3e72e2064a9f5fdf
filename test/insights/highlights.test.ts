import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/digest/format.ts';
import { highlightLine } from '../../src/digest/wording.ts';
import { buildInsights } from '../../src/insights/build.ts';
import { ATTENTION_SCORE, compareHighlights, findNewItems, highlightScore, resolveThresholds } from '../../src/insights/highlights.ts';
import { type RawEntry, rankList } from '../../src/insights/lists.ts';
import type { Highlight, NewItemNumbers, Thresholds } from '../../src/insights/types.ts';
import { parsed, period, textBot, textBotPrevious, textBotPreviousReturnsNegligible } from '../support/analytics-fixtures.ts';
import {
  costRise as cost,
  conversationsDrop as drop,
  newMisunderstood as gap,
  mover,
  understoodRateDrop as rate,
  newTopic as topic,
} from '../support/highlights.ts';

const kinds = (hs: Highlight[]): string[] => hs.map((h) => (h.kind === 'mover' ? `mover:${h.metric}` : h.kind));

describe('highlights', () => {
  it('flags an understood-rate drop beyond the threshold (points), not below it', () => {
    const previous = textBotPrevious({ understoodMessages: { total: 1000, understood: 900, missed: 100 } });
    const dropped = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 840, missed: 160 } }),
      previous,
      period: period(),
    });
    const drop = dropped.highlights.find((h) => h.kind === 'understood_rate_drop');
    expect(drop).toMatchObject({ severity: 'attention' });
    expect(drop?.kind === 'understood_rate_drop' && drop.points).toBeCloseTo(-6, 9);
    expect(dropped.highlights[0]?.severity).toBe('attention');

    const small = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 860, missed: 140 } }),
      previous,
      period: period(),
    });
    expect(kinds(small.highlights)).not.toContain('understood_rate_drop');

    const custom = buildInsights({
      current: textBot({ understoodMessages: { total: 1000, understood: 860, missed: 140 } }),
      previous,
      period: period(),
      thresholds: { understoodRateDropPoints: 3 },
    });
    expect(kinds(custom.highlights)).toContain('understood_rate_drop');
  });

  it('flags cost per conversation rising more than the threshold', () => {
    const previous = textBotPrevious({ averageCost: { counts: [], average: 0.04, currency: 'EUR' } });
    const up30 = buildInsights({
      current: textBot({ averageCost: { counts: [], average: 0.052, currency: 'EUR' } }),
      previous,
      period: period(),
    });
    const rise = up30.highlights.find((h) => h.kind === 'cost_per_conversation_rise');
    expect(rise).toMatchObject({ severity: 'attention', currency: 'EUR', value: 0.052, previous: 0.04 });
    // the same number is not also listed as a mover
    expect(kinds(up30.highlights)).not.toContain('mover:averageCost');

    const up20 = buildInsights({
      current: textBot({ averageCost: { counts: [], average: 0.048, currency: 'EUR' } }),
      previous,
      period: period(),
    });
    expect(kinds(up20.highlights)).not.toContain('cost_per_conversation_rise');
  });

  it('flags a large conversation drop as attention, ahead of movers', () => {
    const i = buildInsights({
      current: textBot({ conversations: { counts: [], total: 300 } }),
      previous: textBotPrevious(),
      period: period(),
    });
    // −60 % against the 30 % threshold (strength 2) outranks the new misunderstood message "do u ship to norway??"
    // (30 hits, 6.7 % of the 450 missed messages: strength min(1.33, 1.5) = 1.33).
    expect(i.highlights[0]).toMatchObject({ kind: 'conversations_drop', severity: 'attention', value: 300, previous: 750 });
    expect(i.highlights[1]).toMatchObject({ kind: 'new_misunderstood', severity: 'attention', label: 'do u ship to norway??', count: 30 });
    expect(kinds(i.highlights)).not.toContain('mover:conversations');
  });

  it('ignores big percentages on tiny numbers', () => {
    const i = buildInsights({
      current: parsed({ conversations: { counts: [], total: 4 } }),
      previous: parsed({ conversations: { counts: [], total: 1 } }),
      period: period(),
    });
    expect(i.highlights).toEqual([]);
  });

  it('lists movers above the threshold, biggest first', () => {
    const i = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    const movers = i.highlights.filter((h) => h.kind === 'mover');
    expect(movers.length).toBeGreaterThan(0);
    for (const m of movers) {
      if (m.kind !== 'mover') continue;
      expect(Math.abs(m.change.percent ?? 0)).toBeGreaterThanOrEqual(20);
    }
    const sizes = movers.map((m) => (m.kind === 'mover' ? Math.abs(m.change.percent ?? 0) : 0));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(movers.find((m) => m.kind === 'mover' && m.metric === 'conversations')?.severity).toBe('good');
    // unique users moved 18.5 %: below the threshold
    expect(kinds(i.highlights)).not.toContain('mover:uniqueUsers');
  });

  it('reports a topic new in the top 5, whether absent before or just moved up', () => {
    const i = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });
    const news = i.highlights.filter((h) => h.kind === 'new_topic');
    expect(news).toEqual([
      {
        kind: 'new_topic',
        severity: 'info',
        label: 'Returns & refunds',
        count: 150,
        rank: 3,
        // Of all 915 conversations, not of the 795 the top list adds up to.
        share: 150 / 915,
        shareOfWhole: true,
        previousCount: null,
        previousAtMost: 0,
        previousShare: 0,
      },
    ]);

    const movedUp = buildInsights({ current: textBot(), previous: textBotPreviousReturnsNegligible(), period: period() });
    expect(movedUp.highlights.find((h) => h.kind === 'new_topic')).toMatchObject({ label: 'Returns & refunds', previousCount: 5 });
  });

  it('does not call every topic new when the previous period had none or is missing', () => {
    const none = buildInsights({ current: textBot(), previous: textBotPrevious({ topTopics: [] }), period: period() });
    expect(kinds(none.highlights)).not.toContain('new_topic');
    const prev = textBotPrevious();
    delete prev.data.topTopics;
    const missing = buildInsights({ current: textBot(), previous: prev, period: period() });
    expect(kinds(missing.highlights)).not.toContain('new_topic');
  });

  it('keeps at most maxHighlights, attention first', () => {
    const current = textBot({
      conversations: { counts: [], total: 100 },
      understoodMessages: { total: 1000, understood: 500, missed: 500 },
      averageCost: { counts: [], average: 1, currency: 'EUR' },
      uniqueIps: { counts: [], total: 5000 },
      interactions: { counts: [], total: 50_000 },
    });
    const i = buildInsights({ current, previous: textBotPrevious(), period: period() });
    expect(i.highlights.length).toBe(5);
    expect(i.highlights.slice(0, 3).every((h) => h.severity === 'attention')).toBe(true);
    const two = buildInsights({ current, previous: textBotPrevious(), period: period(), thresholds: { maxHighlights: 2 } });
    expect(two.highlights).toHaveLength(2);
  });
});

/** A list as ChatDash sends it: `[label, count]` pairs; ids are the labels. */
const entries = (pairs: ReadonlyArray<readonly [string, number]>): RawEntry[] =>
  pairs.map(([label, count]) => ({ key: label, label, count }));

/** The demo text bot's topics around the example: "Cancel subscription" was #6 with 317, is #5 with 318. */
const DEMO_TOPICS_BEFORE = entries([
  ['Order status', 1410],
  ['Rückerstattung', 890],
  ['Password reset 🔑', 560],
  ['Invoices & billing', 470],
  ['配送状況', 330],
  ['Cancel subscription', 317],
  ['Opening hours', 200],
  ['Retour d’un article', 150],
]);
const DEMO_TOPICS_NOW = entries([
  ['Order status', 1433],
  ['Rückerstattung', 911],
  ['Password reset 🔑', 532],
  ['Invoices & billing', 476],
  ['Cancel subscription', 318],
  ['配送状況', 301],
  ['Opening hours', 220],
  ['Retour d’un article', 170],
]);
/** Misunderstood messages of a week (8 entries: a complete list). */
const MISSED_BEFORE = entries([
  ['where is my order?? <urgent>', 229],
  ['talk to a human', 172],
  ['Ich möchte mein Geld zurück!!!', 168],
  ['do u ship to the canary islands & madeira', 151],
  ['😡😡😡', 113],
  ['¿puedo pagar con bizum?', 80],
  ['asdfghjk', 50],
  ['my code is *SAVE20* but it says invalid_', 48],
]);
/** The same list cut by ChatDash at 10 entries (its smallest: 30). */
const MISSED_CUT_BEFORE = entries([...MISSED_BEFORE.map((e) => [e.label, e.count] as const), ['hello?', 35], ['help', 30]]);

/** Short top lists of a project with many more missed messages than they list (see the `whole` cases). */
const KLARNA_NOW = entries([
  ['where is my order?? <urgent>', 450],
  ['can I pay with klarna', 150],
]);
const KLARNA_BEFORE = entries([
  ['where is my order?? <urgent>', 160],
  ['can I pay with klarna', 40],
]);

interface NewItemCase {
  name: string;
  now: RawEntry[];
  before: RawEntry[] | undefined;
  /** Only the top N may be new (topics). */
  maxRank?: number;
  thresholds?: Partial<Thresholds>;
  /** The whole each period's list is a part of (all missed messages, all conversations); default none: the list's total. */
  whole?: number;
  previousWhole?: number;
  /** Expected new items: label, count, previousCount, previousAtMost. */
  expected: Array<Pick<NewItemNumbers, 'label' | 'count' | 'previousCount' | 'previousAtMost'>>;
}

const NEW_ITEM_CASES: NewItemCase[] = [
  {
    name: 'issue example: a topic one rank up with one more conversation (#5, 318, up from 317) is not new',
    now: DEMO_TOPICS_NOW,
    before: DEMO_TOPICS_BEFORE,
    maxRank: 5,
    expected: [],
  },
  {
    name: 'issue example: a misunderstood message absent last period and now at 150 hits is new',
    now: [...MISSED_BEFORE, ...entries([['how do I use my loyalty points?', 150]])],
    before: MISSED_BEFORE,
    expected: [{ label: 'how do I use my loyalty points?', count: 150, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'negligible before (5 → 150) is new, with the previous count',
    now: [...MISSED_BEFORE, ...entries([['can I pay with klarna', 150]])],
    before: [...MISSED_BEFORE, ...entries([['can I pay with klarna', 5]])],
    expected: [{ label: 'can I pay with klarna', count: 150, previousCount: 5, previousAtMost: 5 }],
  },
  {
    name: 'grown 2.5× (60 → 150) is a riser, not new',
    now: [...MISSED_BEFORE, ...entries([['can I pay with klarna', 150]])],
    before: [...MISSED_BEFORE, ...entries([['can I pay with klarna', 60]])],
    expected: [],
  },
  {
    name: 'exactly on the floors (20 hits, 5 % of the list) is new: the floors are inclusive',
    now: entries([
      ['big', 380],
      ['edge', 20],
    ]),
    before: entries([['big', 380]]),
    expected: [{ label: 'edge', count: 20, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'exactly 3× in count and share (20 → 60, at 5 % of the list) is new: the growth bound is inclusive',
    now: entries([
      ['big', 1140],
      ['edge', 60],
    ]),
    before: entries([
      ['big', 1180],
      ['edge', 20],
    ]),
    expected: [{ label: 'edge', count: 60, previousCount: 20, previousAtMost: 20 }],
  },
  {
    name: 'one hit short of the floor (19 at 5 %) is not new',
    now: entries([
      ['big', 361],
      ['edge', 19],
    ]),
    before: entries([['big', 361]]),
    expected: [],
  },
  {
    name: 'small project: 15 hits are below the absolute floor even at 60 % of the list',
    now: entries([
      ['talk to a human', 15],
      ['hi', 10],
    ]),
    before: entries([['hi', 9]]),
    expected: [],
  },
  {
    name: 'small project: 22 hits absent before, the list being short (complete), is new',
    now: entries([
      ['do u ship to norway??', 22],
      ['asdf', 12],
    ]),
    before: entries([['asdf', 10]]),
    expected: [{ label: 'do u ship to norway??', count: 22, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'large project: 400 hits absent before are below the relative floor at 2 % of the list',
    now: entries([
      ['where is my order', 12_000],
      ['refund', 7600],
      ['new but small', 400],
    ]),
    before: entries([
      ['where is my order', 11_000],
      ['refund', 7000],
    ]),
    expected: [],
  },
  {
    name: 'the whole project grew 5×: every count grew, no share did, nothing is new',
    now: entries([
      ['a', 500],
      ['b', 300],
      ['c', 200],
    ]),
    before: entries([
      ['a', 100],
      ['b', 60],
      ['c', 40],
    ]),
    expected: [],
  },
  {
    name: 'a cut previous list (10 entries): absent means at most its smallest count (30); 150 ≥ 3 × 30 is new',
    now: [...MISSED_BEFORE, ...entries([['loyalty points?', 150]])],
    before: MISSED_CUT_BEFORE,
    expected: [{ label: 'loyalty points?', count: 150, previousCount: null, previousAtMost: 30 }],
  },
  {
    name: 'a cut previous list: 80 hits could have been 30 before (less than 3×): not new',
    now: [...MISSED_BEFORE, ...entries([['loyalty points?', 80]])],
    before: MISSED_CUT_BEFORE,
    expected: [],
  },
  {
    name: 'nothing to compare with: an empty previous list',
    now: entries([['anything', 500]]),
    before: [],
    expected: [],
  },
  {
    name: 'nothing to compare with: the previous list unavailable',
    now: entries([['anything', 500]]),
    before: undefined,
    expected: [],
  },
  {
    name: 'topics: a new topic ranked below the top 5 is not "new in top topics"',
    now: [...DEMO_TOPICS_NOW.slice(0, 5), ...entries([['Gift cards', 260]])],
    before: DEMO_TOPICS_BEFORE,
    maxRank: 5,
    expected: [],
  },
  {
    name: 'topics: a new topic in the top 5 is new',
    now: [...DEMO_TOPICS_NOW.slice(0, 4), ...entries([['Gift cards', 400]])],
    before: DEMO_TOPICS_BEFORE,
    maxRank: 5,
    expected: [{ label: 'Gift cards', count: 400, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'thresholds are configurable: a 10-hit floor lets the small project\u2019s 15 hits through',
    now: entries([
      ['talk to a human', 15],
      ['hi', 10],
    ]),
    before: entries([['hi', 9]]),
    thresholds: { newMinimumCount: 10 },
    expected: [{ label: 'talk to a human', count: 15, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'shares are of all misunderstood messages: 150 hits are 12.9 % of the list (1,161) but 3 % of 5,000 missed: not new',
    now: [...MISSED_BEFORE, ...entries([['how do I use my loyalty points?', 150]])],
    before: MISSED_BEFORE,
    whole: 5000,
    previousWhole: 4800,
    expected: [],
  },
  {
    name: 'the same 150 hits among 2,000 missed (7.5 %) are new',
    now: [...MISSED_BEFORE, ...entries([['how do I use my loyalty points?', 150]])],
    before: MISSED_BEFORE,
    whole: 2000,
    previousWhole: 1900,
    expected: [{ label: 'how do I use my loyalty points?', count: 150, previousCount: null, previousAtMost: 0 }],
  },
  {
    name: 'last period\u2019s share is of its whole too: 40 of 2,000 missed (2 %, not 20 % of its 200 list) → 150 of 1,500 (10 %) is new',
    now: KLARNA_NOW,
    before: KLARNA_BEFORE,
    whole: 1500,
    previousWhole: 2000,
    expected: [{ label: 'can I pay with klarna', count: 150, previousCount: 40, previousAtMost: 40 }],
  },
  {
    name: 'the same move compared with the lists only (20 % × 3 > 25 %) is not new',
    now: KLARNA_NOW,
    before: KLARNA_BEFORE,
    expected: [],
  },
];

describe('what is "new": table of rules', () => {
  it.each(NEW_ITEM_CASES)('$name', ({ now, before, maxRank, thresholds, whole, previousWhole, expected }) => {
    const r = resolveThresholds(thresholds);
    const found = findNewItems(rankList(now, before, whole), before && rankList(before, undefined, previousWhole), r, maxRank);
    expect(found.map(({ label, count, previousCount, previousAtMost }) => ({ label, count, previousCount, previousAtMost }))).toEqual(
      expected,
    );
    for (const item of found) {
      // The numbers that justify it: significant now, negligible before.
      expect(item.count).toBeGreaterThanOrEqual(r.newMinimumCount);
      expect(item.share * 100).toBeGreaterThanOrEqual(r.newMinimumSharePercent);
      expect(item.previousAtMost * r.newGrowthFactor).toBeLessThanOrEqual(item.count);
      expect(item.previousShare * r.newGrowthFactor).toBeLessThanOrEqual(item.share);
    }
  });
});

describe('the issue\u2019s examples through buildInsights', () => {
  const base = (topTopics: RawEntry[], missed: RawEntry[]) => ({
    conversations: { counts: [], total: 4460 },
    topTopics: topTopics.map((e) => ({ id: e.key, label: e.label, count: e.count })),
    topMisunderstoodMessages: missed.map((e) => ({ id: e.key, label: e.label, count: e.count })),
  });

  it.each([
    {
      name: 'of all 1,500 missed messages',
      missed: 1500 as number | undefined,
      share: 150 / 1500,
      shareOfWhole: true,
      words: '150 times (10% of misunderstood messages)',
    },
    {
      name: 'of the listed ones when ChatDash gives no missed total',
      missed: undefined,
      share: 150 / 1161,
      shareOfWhole: false,
      words: '150 times (12.9% of the listed misunderstood messages)',
    },
  ])(
    'reports the new misunderstood message as an attention item with its numbers, and not the topic noise: $name',
    ({ missed, share, shareOfWhole, words }) => {
      const understood = (m: number | undefined) =>
        m === undefined ? {} : { understoodMessages: { total: 20_000, understood: 20_000 - m, missed: m } };
      const i = buildInsights({
        current: parsed({
          ...base(DEMO_TOPICS_NOW, [...MISSED_BEFORE, ...entries([['how do I use my loyalty points?', 150]])]),
          ...understood(missed),
        }),
        previous: parsed({ ...base(DEMO_TOPICS_BEFORE, MISSED_BEFORE), ...understood(missed === undefined ? undefined : 1400) }),
        period: period(),
      });
      expect(i.highlights).toEqual([
        {
          kind: 'new_misunderstood',
          severity: 'attention',
          label: 'how do I use my loyalty points?',
          count: 150,
          rank: 5,
          share,
          shareOfWhole,
          previousCount: null,
          previousAtMost: 0,
          previousShare: 0,
        },
      ]);
      const line = highlightLine(i.highlights[0]!, createFormatter({ locale: 'en-US' }));
      expect(line).toBe(`:warning: *New misunderstood message:* “how do I use my loyalty points?” — ${words}, none last period`);
    },
  );
});

describe('attention ordering (highlightScore)', () => {
  it.each([
    { name: 'conversations −45 % (30 % threshold)', h: drop(45), score: 1001.5 },
    { name: 'understood rate −10 pts (5 pts threshold)', h: rate(-10), score: 1002 },
    { name: 'cost per conversation +50 % (25 % threshold)', h: cost(50), score: 1002 },
    { name: 'new misunderstood, 150 hits at 11.5 % (floors 20 hits, 5 %)', h: gap(150, 0.115), score: 1002.3 },
    { name: 'new misunderstood, 22 hits at 51 %', h: gap(22, 0.51), score: 1001.1 },
    { name: 'conversations +40 % mover (20 % threshold)', h: mover(40), score: 102 },
    { name: 'new topic, 400 at 10 %', h: topic(400, 0.1), score: 2 },
    { name: 'an absurd move is capped inside its tier', h: cost(1e9), score: 1099 },
  ])('$name scores $score', ({ h, score }) => {
    expect(highlightScore(h)).toBeCloseTo(score, 9);
  });

  it('attention ≥ ATTENTION_SCORE > any mover > any new topic, whatever the sizes', () => {
    expect(highlightScore(drop(31))).toBeGreaterThanOrEqual(ATTENTION_SCORE);
    expect(highlightScore(drop(31))).toBeGreaterThan(highlightScore(mover(1e9)));
    expect(highlightScore(mover(20, 'info'))).toBeGreaterThan(highlightScore(topic(1e9, 1)));
    const sorted = [topic(400, 0.1), mover(40), drop(45), gap(150, 0.115)].sort(compareHighlights);
    expect(sorted.map((h) => h.kind)).toEqual(['new_misunderstood', 'conversations_drop', 'mover', 'new_topic']);
  });

  it('buildInsights returns highlights already in this order (highlights[0] is a project\u2019s most important)', () => {
    const i = buildInsights({
      current: textBot({
        conversations: { counts: [], total: 100 },
        understoodMessages: { total: 1000, understood: 500, missed: 500 },
        averageCost: { counts: [], average: 1, currency: 'EUR' },
      }),
      previous: textBotPrevious(),
      period: period(),
      thresholds: { maxHighlights: 10 },
    });
    const scores = i.highlights.map((h) => highlightScore(h));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(i.highlights[0]?.kind).toBe('cost_per_conversation_rise'); // +1,900 %: capped at 99× its threshold
  });
});
