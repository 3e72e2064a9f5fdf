/** What we say back stays bounded: quoted words escaped, cut and listed five at a time, lists capped, notices cut. */
import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/digest/limits.ts';
import { escapeMrkdwn } from '../../src/digest/mrkdwn.ts';
import { inlineList, moreText, notice, quotedWords, quoteUserWord, REPLY_LIMITS } from '../../src/slack/messages.ts';
import { hostileTexts } from '../support/hostile-text.ts';
import { hasBrokenEntity, hasLoneSurrogate } from '../support/slack-limits.ts';

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

describe('quoting what was typed', () => {
  it('a quoted word is escaped, cut and never splits a character', () => {
    expect(quoteUserWord('<!channel>')).toBe('\u201c&lt;!channel&gt;\u201d');
    for (const word of ['😀'.repeat(100), '&'.repeat(100), `${'a'.repeat(59)}😀`, '👩‍👩‍👧‍👦'.repeat(20)]) {
      const quoted = quoteUserWord(word);
      expect(hasLoneSurrogate(quoted)).toBe(false);
      expect(quoted.length).toBeLessThanOrEqual(REPLY_LIMITS.echoedWordChars + 2);
      expect(quoted).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it('lists five words, then "… and N more" counting the others too', () => {
    expect(quotedWords(['a', 'b'])).toBe('\u201ca\u201d, \u201cb\u201d');
    expect(quotedWords(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 1000)).toBe(
      '\u201ca\u201d, \u201cb\u201d, \u201cc\u201d, \u201cd\u201d, \u201ce\u201d \u2026 and 1,002 more',
    );
  });

  it.each(hostileTexts('quote', 24).map((c) => [c.name, c.text]))('%s: the quoted list is bounded whatever the input', (_name, text) => {
    const words = wordsOf(text);
    const quoted = quotedWords(words, words.length);
    expect(quoted.length).toBeLessThanOrEqual(REPLY_LIMITS.echoedWords * (REPLY_LIMITS.echoedWordChars + 4) + 40);
    expect(hasLoneSurrogate(quoted)).toBe(false);
    expect(quoted).not.toMatch(/<(?![@#!])/);
  });

  it('inline lists end in "… and N more"', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    expect(inlineList(keys, 3)).toBe(`k0, k1, k2 ${moreText(22)}`);
    expect(inlineList(keys.slice(0, 2), 3)).toBe('k0, k1');
    expect(inlineList(keys)).toBe(`${keys.slice(0, REPLY_LIMITS.listedItems).join(', ')} ${moreText(25 - REPLY_LIMITS.listedItems)}`);
  });
});

describe('notice', () => {
  it('cuts any text to Slack\u2019s limit without breaking an escape', () => {
    const { text, response_type } = notice(escapeMrkdwn('<&>'.repeat(5000)));
    expect(response_type).toBe('ephemeral');
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(text).toMatch(/(&lt;|&amp;|&gt;)*…$/);
    expect(hasBrokenEntity(text)).toBe(false);
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
  });
});
