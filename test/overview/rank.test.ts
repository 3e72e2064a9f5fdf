/** The overview's ranking, table-driven: attention first (more rules firing first), then no data, active, quiet; then size, name, key. */
import { describe, expect, it } from 'vitest';
import { buildInsights } from '../../src/insights/build.ts';
import { compareRows, rankRows } from '../../src/overview/rank.ts';
import type { DataStatus, OverviewRow } from '../../src/overview/types.ts';
import { period, textBot, textBotPrevious } from '../digest/fixtures.ts';

const insights = buildInsights({ current: textBot(), previous: textBotPrevious(), period: period() });

function data(name: string, status: DataStatus, level: number, size: number, key = name.toLowerCase()): OverviewRow {
  return { status, project: { key, id: `id_${key}`, name }, insights, attention: { level, top: undefined, notable: level > 0 }, size };
}

function noData(name: string, key = name.toLowerCase()): OverviewRow {
  return { status: 'no_data', project: { key, id: `id_${key}`, name }, reason: 'unavailable' };
}

const names = (rows: readonly OverviewRow[]) => rows.map((r) => r.project.name);

describe('rankRows', () => {
  it.each<[string, OverviewRow[], string[]]>([
    [
      'groups: attention, no data, active, quiet — whatever the sizes',
      [data('Quiet', 'quiet', 0, 9), data('Big', 'active', 0, 90_000), noData('Down'), data('Small', 'attention', 1, 12)],
      ['Small', 'Down', 'Big', 'Quiet'],
    ],
    [
      'more attention rules firing rank first, even when smaller',
      [data('One', 'attention', 1, 5_000), data('Three', 'attention', 3, 40), data('Two', 'attention', 2, 900)],
      ['Three', 'Two', 'One'],
    ],
    [
      'the same attention: the bigger project first',
      [data('Mid', 'attention', 1, 500), data('Huge', 'attention', 1, 50_000), data('Tiny', 'attention', 1, 12)],
      ['Huge', 'Mid', 'Tiny'],
    ],
    ['active projects by size', [data('B', 'active', 0, 10), data('A', 'active', 0, 1_000), data('C', 'active', 0, 100)], ['A', 'C', 'B']],
    ['no data: by name', [noData('Zeta'), noData('alpha'), noData('Mu')], ['alpha', 'Mu', 'Zeta']],
    [
      'ties in size: by name, then by key',
      [data('Same', 'active', 0, 10, 'same-b'), data('Other', 'active', 0, 10), data('Same', 'active', 0, 10, 'same-a')],
      ['Other', 'Same', 'Same'],
    ],
  ])('%s', (_, rows, expected) => {
    expect(names(rankRows(rows))).toEqual(expected);
    // The order does not depend on the order the projects came in.
    expect(names(rankRows([...rows].reverse()))).toEqual(expected);
  });

  it('is a total order: ties broken down to the key', () => {
    const a = data('Same', 'active', 0, 10, 'same-a');
    const b = data('Same', 'active', 0, 10, 'same-b');
    expect(compareRows(a, b)).toBeLessThan(0);
    expect(compareRows(b, a)).toBeGreaterThan(0);
    expect(compareRows(a, a)).toBe(0);
    expect(rankRows([b, a]).map((r) => r.project.key)).toEqual(['same-a', 'same-b']);
  });
});
