/**
 * Making untrusted text safe for Slack: escaping, label clean-up and truncation that never breaks a
 * character, an emoji sequence or an escape.
 */

const ELLIPSIS = '…';

/**
 * Escape Slack's three control characters. This alone defeats `<!channel>`, `<@U123>` and
 * `<https://evil|click>`: Slack shows them as text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undo `escapeMrkdwn` (for terminal output only — never feed the result to Slack). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Split into code points without breaking surrogate pairs. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/**
 * Cut `text` to at most `max` UTF-16 units (as `measure` counts them), adding "…" when cut. Cuts happen only
 * between grapheme clusters (an emoji ZWJ sequence or a letter with its accents stays whole); a single
 * cluster longer than the budget is cut between code points, never inside a surrogate pair.
 */
function cut(text: string, max: number, measure: (piece: string) => number): string {
  const limit = Math.max(0, Math.floor(max));
  if (measure(text) <= limit) return text;
  if (limit === 0) return '';
  const budget = limit - ELLIPSIS.length;
  // Graphemes far beyond the budget cannot matter (every piece measures ≥ its length), so only segment
  // a bounded prefix: boundaries before the slice point do not depend on text after it.
  const head = text.slice(0, budget + 64);
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(head)) {
    const size = measure(segment);
    if (used + size > budget) {
      if (out === '') {
        // One enormous cluster (e.g. thousands of combining marks): fall back to code points.
        for (const cp of codePoints(segment)) {
          const s = measure(cp);
          if (used + s > budget) break;
          out += cp;
          used += s;
        }
      }
      break;
    }
    out += segment;
    used += size;
  }
  return out + ELLIPSIS;
}

/** Truncate plain text to `max` UTF-16 units with an ellipsis, never splitting a character or emoji. */
export function truncate(text: string, max: number): string {
  return cut(text, max, (s) => s.length);
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// C0/C1 controls except the whitespace handled below, plus line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters from untrusted text are exactly what this removes
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const WHITESPACE_RUN = /[\s\u2028\u2029]+/g;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;

/**
 * Normalise an untrusted label for one line of our layout: newlines/tabs collapsed to one space, control
 * and bidi-override characters removed, trimmed. Empty labels become "(empty)".
 */
export function cleanLabel(text: string): string {
  const cleaned = text.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(WHITESPACE_RUN, ' ').trim();
  return cleaned === '' ? '(empty)' : cleaned;
}

/**
 * Slack mrkdwn has no escape for `*`, `_`, `~` and `` ` ``: a label containing them could turn the rest of
 * our line bold or into code. Replace them with look-alikes that Slack does not parse.
 */
export function neutraliseFormatting(text: string): string {
  return text.replace(/\*/g, '∗').replace(/_/g, 'ˍ').replace(/~/g, '∼').replace(/`/g, 'ˋ');
}

function escapedLength(piece: string): number {
  return escapeMrkdwn(piece).length;
}

/** Wrap right-to-left text in a first-strong isolate so it cannot reorder our numbers around it. */
function isolate(text: string): string {
  return RTL.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * An untrusted label ready for mrkdwn: cleaned to one line, formatting neutralised, cut so that its
 * ESCAPED form is at most `max` units (an `&amp;` is never cut), escaped, RTL isolated (+2 units).
 */
export function mrkdwnLabel(text: string, max: number): string {
  const rtl = RTL.test(text);
  const budget = rtl ? max - 2 : max;
  const cutText = cut(neutraliseFormatting(cleanLabel(text)), budget, escapedLength);
  const escaped = escapeMrkdwn(cutText);
  return rtl ? isolate(escaped) : escaped;
}

/** An untrusted label for a plain_text object: one line, cut to `max` after escaping, escaped. */
export function plainLabel(text: string, max: number): string {
  return escapeMrkdwn(cut(cleanLabel(text), max, escapedLength));
}

/** Escape our own (trusted) text and cut it to `max` after escaping. */
export function escapeAndTruncate(text: string, max: number): string {
  return escapeMrkdwn(cut(text, max, escapedLength));
}

/**
 * Cut text that is ALREADY escaped to at most `max` units: entities (`&amp;`) and characters stay whole.
 */
export function truncateEscaped(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  return escapeMrkdwn(cut(unescapeMrkdwn(escaped), max, escapedLength));
}

/**
 * Join lines into one text of at most `max` units. Lines that do not fit are left out and counted with the
 * `hidden` ones the caller already left out; when any are, `more(n)` (safe text) ends the text.
 * The first line (a heading) is always kept, cut if it must be.
 */
export function fitLines(lines: readonly string[], max: number, more: (n: number) => string, hidden = 0): string {
  const kept: string[] = [];
  // Room for the "… and N more" line, measured with the largest possible N.
  const moreRoom = 1 + more(lines.length + hidden).length;
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const add = (kept.length > 0 ? 1 : 0) + line.length;
    const isLast = i === lines.length - 1;
    const reserve = isLast && hidden === 0 ? 0 : moreRoom;
    if (used + add + reserve > max && kept.length > 0) break;
    kept.push(line);
    used += add;
  }
  const left = lines.length - kept.length + hidden;
  if (left > 0) kept.push(more(left));
  return truncateEscaped(kept.join('\n'), max);
}
