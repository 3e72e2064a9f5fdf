/** English nouns that agree with their count ("1 topic", "2 topics", "0 topics", "n/a topics"). Pure. */

/** The noun for `n` items: singular for exactly 1, plural otherwise (including 0 and an unknown count). */
export function noun(n: number | null, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** A formatted count and its noun: `counted(1, fmt.integer, 'reason')` → "1 reason". */
export function counted(n: number | null, format: (n: number | null) => string, singular: string, plural = `${singular}s`): string {
  return `${format(n)} ${noun(n, singular, plural)}`;
}
