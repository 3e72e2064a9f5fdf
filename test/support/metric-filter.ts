/**
 * CloudWatch Logs JSON filter patterns, evaluated on log lines as CloudWatch does for the subset serverless.yml
 * uses: `{ $.field = "text" && $.field NOT EXISTS … }` on top-level fields, joined by `&&`. `= "text"` matches a field
 * that exists and holds exactly that string; `NOT EXISTS` matches a line without the field (one holding `null` has
 * it: that is `IS NULL`). Anything else (`!=`, wildcards, `||`, numbers, nested fields) throws, so a pattern this cannot
 * read fails its test rather than pass unread.
 */

type Term = { field: string; equals: string } | { field: string; absent: true };

const EQUALS = /^\$\.([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"*\\]*)"$/;
const NOT_EXISTS = /^\$\.([A-Za-z_][A-Za-z0-9_]*)\s+NOT EXISTS$/;

function termsOf(pattern: string): Term[] {
  const body = /^\{\s*(.*?)\s*\}$/s.exec(pattern.trim())?.[1];
  if (body === undefined) throw new Error(`not a JSON filter pattern: ${pattern}`);
  return body.split(/\s*&&\s*/).map((text): Term => {
    const equal = EQUALS.exec(text.trim());
    if (equal) return { field: equal[1]!, equals: equal[2]! };
    const absent = NOT_EXISTS.exec(text.trim());
    if (absent) return { field: absent[1]!, absent: true };
    throw new Error(`filter pattern term not understood by this helper: ${text}`);
  });
}

function holds(term: Term, fields: Record<string, unknown>): boolean {
  if ('absent' in term) return !Object.hasOwn(fields, term.field);
  // A comparison on a field the line lacks is false (CloudWatch matches nothing there).
  if (!Object.hasOwn(fields, term.field)) return false;
  const value = fields[term.field];
  if (typeof value !== 'string') throw new Error(`comparing a ${typeof value} field to a string is not modelled: $.${term.field}`);
  return value === term.equals;
}

/** Whether CloudWatch would count `line` (a JSON log line) under `pattern`. A line that is not a JSON object never matches. */
export function filterMatches(pattern: string, line: string): boolean {
  const terms = termsOf(pattern);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const fields = parsed as Record<string, unknown>;
  return terms.every((t) => holds(t, fields));
}
