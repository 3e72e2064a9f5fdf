/**
 * Seeded generators of hostile text for property-style tests: long words, many words, multibyte and combining
 * characters, emoji sequences, right-to-left and bidi controls, mrkdwn and escape characters, words that look like
 * ranges or project keys. The same seed always gives the same inputs, so a failure names a reproducible case.
 */
import { seeded } from '../../src/sandbox/prng.ts';

/** Pieces a word is made of, from harmless to nasty. */
const PIECES = [
  'a',
  'stats',
  'acme',
  '7d',
  '30',
  'days',
  'last',
  'since',
  '2026-11-01',
  '..',
  'Café',
  'e\u0301',
  '日本語',
  'مرحبا',
  '\u202Eevil\u202C',
  '👩‍👩‍👧‍👦',
  '🇫🇷',
  '😀',
  '<!channel>',
  '<@U0ALICE>',
  '<https://evil.example|click>',
  '&amp;',
  '&',
  '<',
  '>',
  '*bold*',
  '_it_',
  '~s~',
  '`code`',
  '\u200B',
  '\u0000',
  '%',
  '+',
  '=',
] as const;

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '\u00A0', '\u3000'] as const;

export interface TextCase {
  /** What the case is, for failure messages. */
  name: string;
  text: string;
}

export function hostileTexts(seed: string, count: number): TextCase[] {
  const random = seeded('hostile-text', seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (max: number) => Math.floor(random() * (max + 1));
  const word = (maxPieces: number) => Array.from({ length: 1 + int(maxPieces - 1) }, () => pick(PIECES)).join('');
  const shapes: Array<[string, () => string]> = [
    ['a few words', () => Array.from({ length: 1 + int(6) }, () => word(3)).join(pick(SEPARATORS))],
    ['many short words', () => Array.from({ length: 50 + int(20_000) }, () => pick(PIECES)).join(pick(SEPARATORS))],
    [
      'one long word',
      () =>
        word(2)
          .repeat(100 + int(20_000))
          .slice(0, 200_000),
    ],
    ['long words', () => Array.from({ length: 2 + int(40) }, () => word(400)).join(' ')],
    ['a real command, then noise', () => `acme 30d ${Array.from({ length: int(3_000) }, () => word(2)).join(' ')}`],
    ['combining marks', () => `x${'\u0301'.repeat(1 + int(20_000))}`],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [name, make] = shapes[i % shapes.length]!;
    return { name: `${seed}#${i} ${name}`, text: make() };
  });
}
