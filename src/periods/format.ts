/**
 * Human text for a period's dates, in the period's time zone. Pure: no clock, no I/O.
 */
import type { TimeRange } from './period.ts';

/** ICU puts thin / narrow no-break spaces around the range dash; plain spaces read the same and survive any font. */
const ICU_SPACES = /[\u2009\u202f]/g;

/** The locale of period labels: short English text, like the rest of the bot's wording. */
export const PERIOD_LABEL_LOCALE = 'en-US';

/**
 * "Nov 16 – 22, 2026", "Oct 28 – Nov 3, 2026", "Dec 29, 2025 – Jan 4, 2026" (en-US) or "16.–22. Nov. 2026" (de-DE):
 * the first and the last *included* day of the range, as calendar dates in `period.timeZone`.
 *
 * `end` is exclusive, so an end at local midnight shows the day before, while an end in the middle of a day
 * (a period that runs until now) shows that day. A one-day or empty range shows a single date.
 *
 * Throws RangeError for an unparseable instant, an unknown time zone or an unsupported locale (caller bugs:
 * periods come from `parsePeriod`, which has already checked them).
 */
export function formatPeriodDates(period: TimeRange & { timeZone: string }, locale: string): string {
  const start = instant(period.start, 'start');
  const end = instant(period.end, 'end');
  const lastIncluded = new Date(Math.max(start.getTime(), end.getTime() - 1));
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: period.timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return format.formatRange(start, lastIncluded).replace(ICU_SPACES, ' ');
}

function instant(iso: string, name: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`period ${name} is not an ISO 8601 instant: ${JSON.stringify(iso)}`);
  return date;
}
