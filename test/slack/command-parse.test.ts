import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/slack/command/parse.ts';

const KEYS = ['acme', 'bella'];

describe('parseCommand', () => {
  it('reads help in every spelling, and bare /chatdash as help', () => {
    expect(parseCommand('', KEYS)).toEqual({ kind: 'help' });
    expect(parseCommand('   ', KEYS)).toEqual({ kind: 'help' });
    expect(parseCommand('HELP', KEYS)).toEqual({ kind: 'help' });
    expect(parseCommand('?', KEYS)).toEqual({ kind: 'help' });
  });

  it('reads projects', () => {
    expect(parseCommand('projects', KEYS)).toEqual({ kind: 'projects' });
  });

  it('takes project and range in either order, ranges of several words included', () => {
    expect(parseCommand('stats acme 30d', KEYS)).toEqual({ kind: 'stats', projectWord: 'acme', rangeText: '30d', unknownWords: [] });
    expect(parseCommand('stats 30d ACME', KEYS)).toEqual({ kind: 'stats', projectWord: 'acme', rangeText: '30d', unknownWords: [] });
    expect(parseCommand('stats last week bella', KEYS)).toEqual({
      kind: 'stats',
      projectWord: 'bella',
      rangeText: 'last week',
      unknownWords: [],
    });
    expect(parseCommand('stats since 2026-10-01', KEYS)).toEqual({ kind: 'stats', rangeText: 'since 2026-10-01', unknownWords: [] });
    expect(parseCommand('stats 2026-11-01..2026-11-15 acme', KEYS)).toMatchObject({
      projectWord: 'acme',
      rangeText: '2026-11-01..2026-11-15',
    });
    expect(parseCommand('stats last 14 days', KEYS)).toMatchObject({ rangeText: 'last 14 days', unknownWords: [] });
    expect(parseCommand('stats', KEYS)).toEqual({ kind: 'stats', rangeText: '', unknownWords: [] });
  });

  it('treats one unknown word as a (mistyped) project, so the answer can say "did you mean"', () => {
    expect(parseCommand('stats acmee 7d', KEYS)).toEqual({ kind: 'stats', projectWord: 'acmee', rangeText: '7d', unknownWords: [] });
  });

  it('reports several words it cannot place', () => {
    expect(parseCommand('stats acme foo bar', KEYS)).toMatchObject({ kind: 'stats', projectWord: 'acme', unknownWords: ['foo', 'bar'] });
  });

  it('returns the unknown subcommand as typed', () => {
    expect(parseCommand('stast acme', KEYS)).toEqual({ kind: 'unknown', word: 'stast' });
  });
});
