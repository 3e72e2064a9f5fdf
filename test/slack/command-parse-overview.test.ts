/** `/chatdash overview [range]` and its alias `/chatdash stats all [range]`. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/slack/command/parse.ts';

const KEYS = ['acme', 'bella'];

describe('parseCommand: the overview', () => {
  it.each([
    ['overview', ''],
    ['OVERVIEW 30d', '30d'],
    ['overview last week', 'last week'],
    ['overview 2026-11-01..2026-11-15', '2026-11-01..2026-11-15'],
    ['stats all', ''],
    ['stats ALL last 30 days', 'last 30 days'],
  ])('%s → range %j', (text, rangeText) => {
    expect(parseCommand(text, KEYS)).toEqual({ kind: 'overview', rangeText, unknownWords: [] });
  });

  it('keeps words that are not a range for the usage text', () => {
    expect(parseCommand('overview acme 7d', KEYS)).toEqual({ kind: 'overview', rangeText: '7d', unknownWords: ['acme'] });
  });

  it('leaves `stats` with a project (or "all" later in the text) as before', () => {
    expect(parseCommand('stats acme all', KEYS)).toMatchObject({ kind: 'stats', projectWord: 'acme', unknownWords: ['all'] });
    expect(parseCommand('overveiw', KEYS)).toEqual({ kind: 'unknown', word: 'overveiw' });
  });
});
