/** Bounds on command text and on what is quoted back, over generated long, many-word and multibyte inputs. */
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/digest/limits.ts';
import { escapeMrkdwn } from '../../src/digest/mrkdwn.ts';
import {
  boundCommandText,
  COMMAND_LIMITS,
  ephemeralText,
  inlineList,
  moreText,
  quotedWords,
  quoteUserWord,
} from '../../src/slack/replies.ts';
import { hostileTexts, wellFormed } from '../support/hostile-text.ts';

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

describe('boundCommandText', () => {
  it('keeps a real command as it is', () => {
    expect(boundCommandText('  stats   acme\tlast 30 days ')).toEqual({ text: 'stats acme last 30 days', droppedWords: 0 });
    expect(boundCommandText('')).toEqual({ text: '', droppedWords: 0 });
  });

  it.each(hostileTexts('bound', 30).map((c) => [c.name, c.text]))('%s: a bounded, well-formed text and an exact count', (_name, text) => {
    const bounded = boundCommandText(text);
    const kept = wordsOf(bounded.text);
    expect(kept.length).toBeLessThanOrEqual(COMMAND_LIMITS.words);
    for (const word of kept) expect(word.length).toBeLessThanOrEqual(COMMAND_LIMITS.wordChars);
    expect(wellFormed(bounded.text)).toBe(true);
    expect(kept.length + bounded.droppedWords).toBe(wordsOf(text).length);
    expect(bounded.text.length).toBeLessThanOrEqual(COMMAND_LIMITS.words * (COMMAND_LIMITS.wordChars + 1));
  });

  it('cuts a long word on a character boundary with an ellipsis', () => {
    const { text } = boundCommandText('😀'.repeat(100));
    expect(text.endsWith('\u2026')).toBe(true);
    expect(wellFormed(text)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(COMMAND_LIMITS.wordChars);
  });
});

describe('quoting what was typed', () => {
  it('a quoted word is escaped, cut and never splits a character', () => {
    expect(quoteUserWord('<!channel>')).toBe('\u201c&lt;!channel&gt;\u201d');
    for (const word of ['😀'.repeat(100), '&'.repeat(100), `${'a'.repeat(59)}😀`, '👩‍👩‍👧‍👦'.repeat(20)]) {
      const quoted = quoteUserWord(word);
      expect(wellFormed(quoted)).toBe(true);
      expect(quoted.length).toBeLessThanOrEqual(COMMAND_LIMITS.echoedWordChars + 2);
      expect(quoted).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it('lists five words, then "… and N more" counting the unread ones too', () => {
    expect(quotedWords(['a', 'b'])).toBe('\u201ca\u201d, \u201cb\u201d');
    expect(quotedWords(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 1000)).toBe(
      '\u201ca\u201d, \u201cb\u201d, \u201cc\u201d, \u201cd\u201d, \u201ce\u201d \u2026 and 1,002 more',
    );
    expect(quotedWords([], 1)).toBe('1 word past the first 16');
    expect(quotedWords([], 24)).toBe('24 words past the first 16');
  });

  it.each(hostileTexts('quote', 24).map((c) => [c.name, c.text]))('%s: the quoted list is bounded whatever the input', (_name, text) => {
    const words = wordsOf(text);
    const quoted = quotedWords(words, words.length);
    expect(quoted.length).toBeLessThanOrEqual(COMMAND_LIMITS.echoedWords * (COMMAND_LIMITS.echoedWordChars + 4) + 40);
    expect(wellFormed(quoted)).toBe(true);
    expect(quoted).not.toMatch(/<(?![@#!])/);
  });

  it('inline lists end in "… and N more"', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    expect(inlineList(keys, 3)).toBe(`k0, k1, k2 ${moreText(22)}`);
    expect(inlineList(keys.slice(0, 2), 3)).toBe('k0, k1');
  });
});

describe('ephemeralText', () => {
  it('cuts any text to Slack\u2019s limit without breaking an escape', () => {
    const text = ephemeralText(escapeMrkdwn('<&>'.repeat(5000)));
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(text).toMatch(/(&lt;|&amp;|&gt;)*…$/);
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  });
});
