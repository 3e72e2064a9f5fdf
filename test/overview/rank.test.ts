/**
 * The overview's ranking, table-driven: attention first, the most urgent first (the `highlightScore` of each
 * project's most important highlight, as the digest orders them), then no data, active, quiet; then size, name, key.
 */
import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/insights/build.ts';
import type { Highlight } from '../../src/insights/types.ts';
import { attentionOf } from '../../src/overview/attention.ts';
import { compareRows, rankRows } from '../../src/overview/rank.ts';
import type { DataStatus, OverviewRow } from '../../src/overview/types.ts';
import { period, textBot, textBotPrevious } from '../support/analytics-fixtures.ts';
import { conversationsDrop, costRise, mover, newMisunderstood, understoodRateDrop } from '../support/highlights.ts';

const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });

/** A row whose most important highlight is `top` (none: nothing changed); its status follows from it. */
function data(name: string, top: Highlight | undefined, size: number, options: { key?: string; status?: DataStatus } = {}): OverviewRow {
  const attention = attentionOf({ ...insights, highlights: top ? [top] : [] });
  const status = options.status ?? (attention.needed ? 'attention' : 'active');
  const key = options.key ?? name.toLowerCase();
  return { status, project: { key, id: `id_${key}`, name }, insights, attention, size };
}

function noData(name: string, key = name.toLowerCase()): OverviewRow {
  return { status: 'no_data', project: { key, id: `id_${key}`, name }, reason: 'unavailable' };
}

const names = (rows: readonly OverviewRow[]) => rows.map((r) => r.project.name);

describe('rankRows', () => {
  it.each<[string, OverviewRow[], string[]]>([
    [
      'groups: attention, no data, active, quiet — whatever the sizes',
      [data('Quiet', undefined, 9, { status: 'quiet' }), data('Big', mover(60), 90_000), noData('Down'), data('Small', costRise(30), 12)],
      ['Small', 'Down', 'Big', 'Quiet'],
    ],
    [
      'the most urgent first (its most important highlight\u2019s score), even when smaller',
      [
        data('Fewer calls', conversationsDrop(45), 5_000), // 1001.5
        data('Training gap', newMisunderstood(150, 0.115), 40), // 1002.3
        data('Worse answers', understoodRateDrop(-14), 900), // 1002.8
      ],
      ['Worse answers', 'Training gap', 'Fewer calls'],
    ],
    [
      'the same urgency: the bigger project first',
      [data('Mid', costRise(50), 500), data('Huge', costRise(50), 50_000), data('Tiny', costRise(50), 12)],
      ['Huge', 'Mid', 'Tiny'],
    ],
    [
      'active projects by size, not by how much they moved',
      [data('B', mover(300), 10), data('A', undefined, 1_000), data('C', mover(25), 100)],
      ['A', 'C', 'B'],
    ],
    ['no data: by name', [noData('Zeta'), noData('alpha'), noData('Mu')], ['alpha', 'Mu', 'Zeta']],
    [
      'ties in size: by name, then by key',
      [data('Same', undefined, 10, { key: 'same-b' }), data('Other', undefined, 10), data('Same', undefined, 10, { key: 'same-a' })],
      ['Other', 'Same', 'Same'],
    ],
  ])('%s', (_, rows, expected) => {
    expect(names(rankRows(rows))).toEqual(expected);
    // The order does not depend on the order the projects came in.
    expect(names(rankRows([...rows].reverse()))).toEqual(expected);
  });

  it('is a total order: ties broken down to the key', () => {
    const a = data('Same', undefined, 10, { key: 'same-a' });
    const b = data('Same', undefined, 10, { key: 'same-b' });
    expect(compareRows(a, b)).toBeLessThan(0);
    expect(compareRows(b, a)).toBeGreaterThan(0);
    expect(compareRows(a, a)).toBe(0);
    expect(rankRows([b, a]).map((r) => r.project.key)).toEqual(['same-a', 'same-b']);
  });
});

describe('attentionOf', () => {
  it('is the most important highlight (highlights[0]) and its score; attention from 1000 up', () => {
    const rows = [
      [[understoodRateDrop(-14), costRise(40)], 1002.8, true],
      [[mover(40)], 102, false],
      [[], 0, false],
    ] as const;
    for (const [highlights, score, needed] of rows) {
      const attention = attentionOf({ ...insights, highlights: [...highlights] });
      expect(attention.score).toBeCloseTo(score, 9);
      expect(attention.needed).toBe(needed);
      expect(attention.top).toBe(highlights[0]);
    }
  });
});
