/**
 * "Did you mean …?" by edit distance. Pure.
 */

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, so `shedule`→`schedule` is 1 and
 * `acem`→`acme` is 1).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `word` (case-insensitive), if it is close enough to be a plausible typo: at most one
 * edit for words up to 4 characters, two up to 8, three beyond (and always fewer edits than the word has
 * characters, so `x` does not suggest `y`). Ties go to the earlier candidate. An exact
 * (case-insensitive) match is returned as is. Returns undefined when nothing is close.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.trim().toLowerCase();
  if (needle === '') return undefined;
  const allowed = Math.min(needle.length <= 4 ? 1 : needle.length <= 8 ? 2 : 3, needle.length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
