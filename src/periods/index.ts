/** Reporting periods: parse what users type into resolved time ranges, and format their dates. */

export { formatPeriodDates } from './format.ts';
export type { ParsePeriodOptions, PeriodResult } from './parse.ts';
export { DEFAULT_MAX_DAYS, DEFAULT_PERIOD, looksLikePeriod, parsePeriod } from './parse.ts';
export type { Period, TimeRange } from './period.ts';
