import { describe, expect, it } from 'vitest';
import {
  cleanLabel,
  escapeMrkdwn,
  fitLines,
  mrkdwnLabel,
  plainLabel,
  truncate,
  truncateEscaped,
  unescapeMrkdwn,
} from '../../src/digest/mrkdwn.ts';
import { hasBrokenEntity, hasLoneSurrogate } from '../support/slack-limits.ts';

const HOSTILE = ['<!channel>', '<!here>', '<@U123>', '<https://evil.example|click>', '<#C123>', 'a & b', 'x > y < z'];

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so mentions and links become text', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;',
    );
    for (const h of HOSTILE) {
      expect(escapeMrkdwn(h)).not.toMatch(/[<>]/);
      expect(unescapeMrkdwn(escapeMrkdwn(h))).toBe(h);
    }
  });

  it('escapes an existing entity again (what the user typed is shown as typed)', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
    expect(unescapeMrkdwn('&amp;lt;')).toBe('&lt;');
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis within the limit', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 6)).toBe('hello…');
    expect(truncate('hello world', 6).length).toBe(6);
    expect(truncate('abc', 0)).toBe('');
  });

  it('never cuts a surrogate pair or a ZWJ emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
    const text = `ab${family}${family}cd`;
    for (let max = 1; max <= text.length; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(out)).toBe(false);
      // any family present is complete
      const stripped = out.replaceAll(family, '');
      expect(stripped).not.toMatch(/[\u200D\uD83D]/);
    }
  });

  it('cuts a single giant grapheme between code points', () => {
    const zalgo = `e${'\u0301'.repeat(5000)}`;
    const out = truncate(zalgo, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.endsWith('…')).toBe(true);
    const emojiRun = '😀'.repeat(5000);
    const e = truncate(emojiRun, 101);
    expect(e.length).toBeLessThanOrEqual(101);
    expect(hasLoneSurrogate(e)).toBe(false);
  });
});

describe('labels', () => {
  it('collapse newlines, drop controls and bidi overrides', () => {
    expect(cleanLabel('line1\n\nline2\ttab\u0000\u202Eevil')).toBe('line1 line2 tabevil');
    expect(cleanLabel('  \n ')).toBe('(empty)');
  });

  it('mrkdwnLabel escapes after cutting and never splits an entity', () => {
    const label = '&'.repeat(5000);
    for (const max of [1, 2, 5, 6, 7, 11, 80, 150]) {
      const out = mrkdwnLabel(label, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(hasBrokenEntity(out)).toBe(false);
      expect(out.replace(/&amp;/g, '').replace('…', '')).toBe('');
    }
  });

  it('mrkdwnLabel neutralises formatting characters and hostile markup', () => {
    const out = mrkdwnLabel('*bold* _it_ ~s~ `code` <!channel>', 200);
    expect(out).not.toMatch(/[*_~`<>]/);
    expect(out).toContain('&lt;!channel&gt;');
  });

  it('mrkdwnLabel isolates right-to-left text', () => {
    const out = mrkdwnLabel('שלום עולם', 50);
    expect(out.startsWith('\u2068')).toBe(true);
    expect(out.endsWith('\u2069')).toBe(true);
    expect(mrkdwnLabel('שלום'.repeat(2000), 80).length).toBeLessThanOrEqual(80);
  });

  it('plainLabel escapes and fits', () => {
    const out = plainLabel(`<@U123> ${'x'.repeat(5000)}`, 150);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out).not.toMatch(/[<>]/);
  });

  it('truncateEscaped keeps entities whole', () => {
    const escaped = escapeMrkdwn('a<b>c&d'.repeat(100));
    for (let max = 1; max < 40; max++) {
      const out = truncateEscaped(escaped, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(hasBrokenEntity(out)).toBe(false);
    }
  });
});

describe('fitLines', () => {
  it('keeps all lines when they fit and reports hidden ones', () => {
    expect(fitLines(['*T*', 'a', 'b'], 100, (n) => `+${n}`)).toBe('*T*\na\nb');
    expect(fitLines(['*T*', 'a', 'b'], 100, (n) => `+${n}`, 3)).toBe('*T*\na\nb\n+3');
  });

  it('cuts at the limit and counts what was left out', () => {
    const lines = ['*Title*', ...Array.from({ length: 1000 }, (_, i) => `line ${i} ${'x'.repeat(50)}`)];
    const out = fitLines(lines, 3000, (n) => `… and ${n} more`, 5);
    expect(out.length).toBeLessThanOrEqual(3000);
    const kept = out.split('\n').length - 2; // minus title and "more" line
    expect(out.endsWith(`… and ${1000 - kept + 5} more`)).toBe(true);
  });
});
