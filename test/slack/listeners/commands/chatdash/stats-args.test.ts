import { describe, expect, it } from 'vitest';
import { parseStatsArgs } from '../../../../../src/slack/listeners/commands/chatdash/stats-args.ts';

const KEYS = ['acme', 'bella'];
const args = (text: string) => parseStatsArgs(text.split(/\s+/).filter(Boolean), KEYS);

describe('parseStatsArgs', () => {
  it('takes project and range in either order, ranges of several words included', () => {
    expect(args('acme 30d')).toEqual({ projectWord: 'acme', rangeText: '30d', unknownWords: [] });
    expect(args('30d ACME')).toEqual({ projectWord: 'acme', rangeText: '30d', unknownWords: [] });
    expect(args('last week bella')).toEqual({ projectWord: 'bella', rangeText: 'last week', unknownWords: [] });
    expect(args('since 2026-10-01')).toEqual({ rangeText: 'since 2026-10-01', unknownWords: [] });
    expect(args('2026-11-01..2026-11-15 acme')).toMatchObject({ projectWord: 'acme', rangeText: '2026-11-01..2026-11-15' });
    expect(args('last 14 days')).toMatchObject({ rangeText: 'last 14 days', unknownWords: [] });
    expect(args('')).toEqual({ rangeText: '', unknownWords: [] });
  });

  it('keeps the range words as typed', () => {
    expect(args('Last Week')).toEqual({ rangeText: 'Last Week', unknownWords: [] });
  });

  it('treats one unknown word as a (mistyped) project, so the answer can say "did you mean"', () => {
    expect(args('acmee 7d')).toEqual({ projectWord: 'acmee', rangeText: '7d', unknownWords: [] });
  });

  it('reports several words it cannot place', () => {
    expect(args('acme foo bar')).toMatchObject({ projectWord: 'acme', unknownWords: ['foo', 'bar'] });
  });
});
