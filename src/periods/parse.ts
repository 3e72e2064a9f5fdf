/**
 * Reporting-period grammar: turns what a user (or a config file) types into a resolved `Period`.
 * Pure: the clock comes in as `options.now`; no I/O.
 *
 * Accepted forms (case-insensitive; extra spaces are fine; outside dates, hyphens and underscores count as spaces
 * so config files can write `last-week`):
 *   today · yesterday · 7d / 7 days / last 7 days · this week · last week (weeks start Monday) · this month ·
 *   last month · 2026-11-01..2026-11-15 (both dates inclusive) · since 2026-10-03 · empty text = 7d
 *
 * Boundaries are local midnights in the time zone, computed with calendar arithmetic (a DST day is 23 or 25 hours),
 * and stored as UTC instants.
 */
import { DateTime, IANAZone } from 'luxon';
import { formatPeriodDates, PERIOD_LABEL_LOCALE } from './format.ts';
import type { Period, TimeRange } from './period.ts';
import { LAST_N_DAYS } from './words.ts';

export { looksLikePeriod } from './words.ts';

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: string };

export interface ParsePeriodOptions {
  /** The current instant; "until now" periods end here. */
  now: Date;
  /** IANA time zone whose calendar days the period follows (`Europe/Paris`). */
  timeZone: string;
  /** Longest accepted period in calendar days (default 366). */
  maxDays?: number;
}

export const DEFAULT_MAX_DAYS = 366;
/** What empty text means. */
export const DEFAULT_PERIOD = '7d';

/** Longest piece of user text echoed back in an error. */
const ECHO_LIMIT = 40;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Something the user probably meant as a date but did not write as YYYY-MM-DD. */
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const RANGE = /^(.*?)\s*\.\.\s*(.*)$/;
const SINCE = /^since[\s_-]+(.+)$/;

/** A period before the length check and the previous-period computation. */
interface Draft {
  start: DateTime;
  end: DateTime;
  /** Ends at `now` (the previous period then ends at the same time of day, `days` calendar days earlier). */
  untilNow: boolean;
  label: string;
  /** How the period is named in a "too long" error. */
  name: string;
  /** What to type instead when the period is too long. */
  shorter: (maxDays: number) => string;
  /**
   * For calendar periods running until now: compare with the same stretch of the previous week or month
   * ("this week" on a Wednesday vs last Monday to Wednesday), when that fits without overlapping.
   */
  alignDays?: number;
}

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parse a period expression. Returns `{ ok: false, error }` for anything the user got wrong (unknown text,
 * impossible or future dates, reversed or too long ranges, unknown time zone), with a message saying why and what
 * to type instead. The error may quote (truncated) user text: escape it before putting it in Slack mrkdwn.
 *
 * Throws RangeError only for caller bugs: an invalid `now` or a `maxDays` that is not a positive integer.
 */
export function parsePeriod(text: string, options: ParsePeriodOptions): PeriodResult {
  const maxDays = options.maxDays ?? DEFAULT_MAX_DAYS;
  if (!Number.isInteger(maxDays) || maxDays < 1) throw new RangeError(`maxDays must be a positive integer, got ${maxDays}`);
  if (Number.isNaN(options.now.getTime())) throw new RangeError('now is an invalid Date');

  const { timeZone } = options;
  if (!IANAZone.isValidZone(timeZone)) {
    return {
      ok: false,
      error: `Unknown time zone ${echo(timeZone)}: use an IANA time zone name such as Europe/Paris, America/New_York or UTC.`,
    };
  }
  const now = DateTime.fromJSDate(options.now, { zone: timeZone });
  const input = text.trim().replace(/\s+/g, ' ').toLowerCase() || DEFAULT_PERIOD;

  const draft = readDraft(input, now, maxDays);
  if (!draft.ok) return draft;
  return finish(draft.value, now, timeZone, maxDays);
}

function readDraft(input: string, now: DateTime, maxDays: number): Step<Draft> {
  const today = now.startOf('day');

  const range = RANGE.exec(input);
  if (range) return rangeDraft(range[1] ?? '', range[2] ?? '', now);
  const since = SINCE.exec(input);
  if (since) return sinceDraft(since[1] ?? '', now);

  const words = input.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  const byDays = (n: number) => `${n}d`;
  switch (words) {
    case 'today':
      return draft(today, now, true, 'Today', 'Today', byDays);
    case 'yesterday':
      return draft(dayStart(today, -1), today, false, 'Yesterday', 'Yesterday', byDays);
    case 'this week': {
      const start = today.startOf('week'); // luxon weeks are ISO weeks: Monday first
      return aligned(draft(start, now, true, 'This week', 'This week', byDays), 7);
    }
    case 'last week': {
      const end = today.startOf('week');
      return draft(end.minus({ weeks: 1 }), end, false, 'Last week', 'Last week', byDays);
    }
    case 'this month':
      return aligned(
        draft(today.startOf('month'), now, true, 'This month', 'This month', byDays),
        today.minus({ months: 1 }).daysInMonth ?? 0,
      );
    case 'last month': {
      const end = today.startOf('month');
      return draft(end.minus({ months: 1 }), end, false, 'Last month', 'Last month', byDays);
    }
  }

  const lastDays = LAST_N_DAYS.exec(words);
  if (lastDays) {
    const digits = (lastDays[1] ?? '').replace(/^0+(?=\d)/, '');
    // Check the length as text first: a huge count must not reach Number/luxon arithmetic.
    if (digits.length > 7) return fail(`That is more than 9999999 days; the longest range is ${maxDays} days. Try ${maxDays}d.`);
    const n = Number(digits);
    if (n === 0) return fail('A period of 0 days is empty: use today for today so far, or 1d for yesterday.');
    if (n > maxDays) return fail(`${n}d is ${n} days; the longest range is ${maxDays} days. Try ${maxDays}d.`);
    const label = n === 1 ? 'Yesterday' : `Last ${n} days`;
    return draft(dayStart(today, -n), today, false, label, `${n}d`, byDays);
  }

  if (DATE.test(input)) {
    const date = readDate(input, now);
    if (!date.ok) return date;
    return fail(
      `${input} is a single date, not a period. For that day type ${input}..${input}; ` +
        `for everything from that day on type since ${input}.`,
    );
  }
  if (DATE_LIKE.test(input)) {
    const date = today.toISODate() ?? '';
    return fail(`${echo(input)} is not a date I can read: write dates as YYYY-MM-DD, for example ${date}..${date} or since ${date}.`);
  }
  return fail(`I don't understand the period ${echo(input)}. ${acceptedForms(today)}`);
}

function rangeDraft(fromText: string, toText: string, now: DateTime): Step<Draft> {
  const today = now.startOf('day');
  const from = readDate(fromText, now);
  if (!from.ok) return from;
  if (toText === '') return sinceDraft(fromText, now); // `2026-10-03..` is open-ended
  const to = readDate(toText, now);
  if (!to.ok) return to;

  const [fromIso, toIso] = [from.value.toISODate() ?? '', to.value.toISODate() ?? ''];
  if (to.value < from.value) {
    return fail(`The range ${fromIso}..${toIso} ends before it starts: did you mean ${toIso}..${fromIso}?`);
  }
  const future = notInFuture(from.value, today);
  if (!future.ok) return future;

  const start = from.value;
  const requestedEnd = dayStart(to.value, 1);
  const dates = formatPeriodDates({ start: iso(start), end: iso(requestedEnd), timeZone: now.zoneName ?? '' }, PERIOD_LABEL_LOCALE);
  const clamped = requestedEnd > now;
  const shorter = (maxDays: number) => {
    const lastDay = clamped ? today : to.value;
    return `${lastDay.minus({ days: maxDays - 1 }).toISODate()}..${toIso}`;
  };
  return draft(start, clamped ? now : requestedEnd, clamped, clamped ? `${dates} (so far)` : dates, `${fromIso}..${toIso}`, shorter);
}

function sinceDraft(dateText: string, now: DateTime): Step<Draft> {
  const today = now.startOf('day');
  const from = readDate(dateText, now);
  if (!from.ok) return from;
  const future = notInFuture(from.value, today);
  if (!future.ok) return future;
  const fromIso = from.value.toISODate() ?? '';
  const dates = formatPeriodDates({ start: iso(from.value), end: iso(from.value), timeZone: now.zoneName ?? '' }, PERIOD_LABEL_LOCALE);
  const shorter = (maxDays: number) => `since ${today.minus({ days: maxDays - 1 }).toISODate()}`;
  return draft(from.value, now, true, `Since ${dates}`, `since ${fromIso}`, shorter);
}

/** A YYYY-MM-DD date as its local midnight (the first instant of that day, if midnight falls in a DST gap). */
function readDate(text: string, now: DateTime): Step<DateTime> {
  const match = DATE.exec(text);
  if (!match) {
    return fail(`${echo(text)} is not a date: write dates as YYYY-MM-DD, for example ${now.toISODate()}.`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return fail(`${text} is not a date: there is no month ${match[2]} (months are 01 to 12).`);
  const monthStart = DateTime.fromObject({ year, month, day: 1 }, { zone: now.zone });
  const daysInMonth = monthStart.daysInMonth ?? 31;
  if (!monthStart.isValid || day < 1 || day > daysInMonth) {
    const monthName = monthStart.isValid ? monthStart.setLocale(PERIOD_LABEL_LOCALE).toFormat('LLLL yyyy') : `month ${match[2]}`;
    return fail(`${text} is not a date: ${monthName} has ${daysInMonth} days.`);
  }
  return { ok: true, value: monthStart.set({ day }).startOf('day') };
}

function notInFuture(start: DateTime, today: DateTime): Step<null> {
  if (start <= today) return { ok: true, value: null };
  return fail(
    `${start.toISODate()} is in the future (today is ${today.toISODate()} in ${today.zoneName}): ` +
      `pick a start date up to today, for example since ${today.minus({ days: 7 }).toISODate()}.`,
  );
}

function aligned(step: Step<Draft>, alignDays: number): Step<Draft> {
  return step.ok ? { ok: true, value: { ...step.value, alignDays } } : step;
}

function draft(
  start: DateTime,
  end: DateTime,
  untilNow: boolean,
  label: string,
  name: string,
  shorter: (maxDays: number) => string,
): Step<Draft> {
  return { ok: true, value: { start, end, untilNow, label, name, shorter } };
}

function finish(d: Draft, now: DateTime, timeZone: string, maxDays: number): PeriodResult {
  const days = touchedDays(d.start, d.end);
  if (days > maxDays) {
    return fail(`${d.name} is ${days} days; the longest range is ${maxDays} days. Try ${d.shorter(maxDays)}.`);
  }
  // Equal length in calendar days. A period that ends at `now` compares with the same stretch `shift` days earlier,
  // ending at the same time of day ("today so far" vs "yesterday up to the same time"; "this week" vs the same
  // weekdays of last week).
  const shift = Math.max(days, d.alignDays ?? 0);
  const previous: TimeRange = {
    start: iso(dayStart(d.start, -shift)),
    end: iso(d.untilNow ? now.minus({ days: shift }) : d.start),
  };
  return {
    ok: true,
    period: { start: iso(d.start), end: iso(d.end), previous, timeZone, days, label: d.label },
  };
}

/**
 * The first instant of the local day `days` calendar days after `dt`'s day: local midnight, or the end of the DST gap
 * where a zone skips midnight (America/Santiago, Asia/Beirut). Normalising after the arithmetic keeps a skipped
 * midnight's 01:00 from leaking into other days.
 */
function dayStart(dt: DateTime, days = 0): DateTime {
  return dt.startOf('day').plus({ days }).startOf('day');
}

/** Calendar days (in the range's zone) that [start, end) touches; at least 1 so it can divide. */
function touchedDays(start: DateTime, end: DateTime): number {
  const lastIncluded = end.minus({ milliseconds: 1 });
  return Math.max(1, dayNumber(lastIncluded) - dayNumber(start) + 1);
}

/** Days since 1970-01-01 of the local calendar date: calendar arithmetic, immune to 23/25-hour days. */
function dayNumber(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
}

function iso(dt: DateTime): string {
  return dt.toUTC().toISO() ?? '';
}

function acceptedForms(today: DateTime): string {
  const lastMonth = today.startOf('month').minus({ months: 1 });
  const example = `${lastMonth.toISODate()}..${lastMonth.endOf('month').toISODate()}`;
  return (
    'Try one of: today, yesterday, 7d (or 30d, last 14 days), this week, last week, this month, last month, ' +
    `${example} (both dates included), since ${today.minus({ days: 30 }).toISODate()}.`
  );
}

function echo(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters from untrusted text are exactly what this removes
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${clean.length > ECHO_LIMIT ? `${clean.slice(0, ECHO_LIMIT)}…` : clean}"`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
