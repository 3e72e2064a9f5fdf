/** How much of a `/chatdash` text is read, over generated long, many-word and multibyte inputs. */
import { describe, expect, it } from 'vitest';
import { COMMAND_LIMITS, notUnderstood, readCommandWords } from '../../../../../src/slack/listeners/commands/chatdash/command-text.ts';
import { hostileTexts } from '../../../../support/hostile-text.ts';
import { hasLoneSurrogate } from '../../../../support/slack-limits.ts';

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

describe('readCommandWords', () => {
  it('keeps a real command as it is', () => {
    expect(readCommandWords('  stats   acme\tlast 30 days ')).toEqual({ words: ['stats', 'acme', 'last', '30', 'days'], unread: 0 });
    expect(readCommandWords('')).toEqual({ words: [], unread: 0 });
  });

  it.each(hostileTexts('bound', 30).map((c) => [c.name, c.text]))('%s: bounded, well-formed words and an exact count', (_name, text) => {
    const { words, unread } = readCommandWords(text);
    expect(words.length).toBeLessThanOrEqual(COMMAND_LIMITS.words);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(COMMAND_LIMITS.wordChars);
      expect(word).toMatch(/^\S+$/);
      expect(hasLoneSurrogate(word)).toBe(false);
    }
    expect(words.length + unread).toBe(wordsOf(text).length);
  });

  it('cuts a long word on a character boundary with an ellipsis', () => {
    const [word] = readCommandWords('😀'.repeat(100)).words;
    expect(word?.endsWith('\u2026')).toBe(true);
    expect(hasLoneSurrogate(word!)).toBe(false);
    expect(word!.length).toBeLessThanOrEqual(COMMAND_LIMITS.wordChars);
  });
});

describe('notUnderstood', () => {
  it('quotes the words, counting the unread ones in "… and N more"', () => {
    expect(notUnderstood(['a'], 2)).toBe('\u201ca\u201d \u2026 and 2 more');
  });

  it('with only unread words, says how many came past those read', () => {
    expect(notUnderstood([], 1)).toBe('1 word past the first 16');
    expect(notUnderstood([], 2400)).toBe('2,400 words past the first 16');
  });
});
