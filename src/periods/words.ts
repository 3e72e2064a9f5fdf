/**
 * Telling a period from other words in a command, without parsing it: light (no date library), for the HTTP
 * function's ack path, where `/chatdash stats acme 30d` is split into a project and a range. `parse.ts` reads them.
 */

/** `7d`, `7 days`, `last 7 days`, `past 30 days`. */
export const LAST_N_DAYS = /^(?:(?:last|past) )?(\d+) ?(?:d|days?)$/;

/**
 * True when a single command word is a period keyword or starts a period expression (`7d`, `today`, `yesterday`,
 * `this`, `last`, `since`, `last-week`, `2026-11-01..2026-11-15`, `2026-11-01`, or a bare day count of up to 3 digits as in `7 days`),
 * so a slash-command parser can tell a period from a project name.
 */
export function looksLikePeriod(word: string): boolean {
  const w = word.trim().toLowerCase();
  if (w === '' || /\s/.test(w)) return false;
  if (/^\d{4}-\d{2}-\d{2}(\.\..*)?$/.test(w)) return true;
  if (/^since[_-]\d{4}-\d{2}-\d{2}$/.test(w)) return true;
  const words = w.replace(/[-_]+/g, ' ').trim();
  if (/^(today|yesterday|this|last|past|since)$/.test(words)) return true;
  if (/^(this|last) (week|month)$/.test(words)) return true;
  // A bare count of up to 3 digits starts `7 days`; longer numbers (`2026`) are more likely names.
  return /^\d{1,3}$/.test(words) || LAST_N_DAYS.test(words);
}
