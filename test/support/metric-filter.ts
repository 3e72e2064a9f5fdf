/**
 * CloudWatch Logs JSON filter patterns, evaluated on log lines as CloudWatch does for the subset serverless.yml
 * uses: `{ $.field = "text" && $.field != "text" … }` (string equality and inequality of top-level fields, joined
 * by `&&`). Anything else throws, so a pattern this cannot read fails its test rather than pass unread.
 */

interface Term {
  field: string;
  equal: boolean;
  value: string;
}

const TERM = /^\$\.([A-Za-z_][A-Za-z0-9_]*)\s*(=|!=)\s*"([^"*]*)"$/;

function termsOf(pattern: string): Term[] {
  const body = /^\{\s*(.*?)\s*\}$/s.exec(pattern.trim())?.[1];
  if (body === undefined) throw new Error(`not a JSON filter pattern: ${pattern}`);
  return body.split(/\s*&&\s*/).map((text) => {
    const match = TERM.exec(text.trim());
    if (!match) throw new Error(`filter pattern term not understood by this helper: ${text}`);
    return { field: match[1]!, equal: match[2] === '=', value: match[3]! };
  });
}

/** Whether CloudWatch would count `line` (a JSON log line) under `pattern`. A line that is not JSON never matches. */
export function filterMatches(pattern: string, line: string): boolean {
  const terms = termsOf(pattern);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  const fields = parsed as Record<string, unknown>;
  // A comparison on a field the line lacks is false, `!=` included (CloudWatch matches nothing there).
  return terms.every((t) => t.field in fields && (String(fields[t.field]) === t.value) === t.equal);
}
