/**
 * A resolved reporting period. Instants are ISO 8601 UTC strings so a period travels unchanged through
 * SQS jobs and Slack button values.
 */
export interface TimeRange {
  /** Inclusive start instant, ISO 8601 UTC (`2026-11-16T23:00:00.000Z`). */
  start: string;
  /** Exclusive end instant, ISO 8601 UTC. */
  end: string;
}

export interface Period extends TimeRange {
  /** The period before this one, of equal length in calendar days, for comparison. */
  previous: TimeRange;
  /** IANA time zone the period was computed in (`Europe/Paris`). */
  timeZone: string;
  /** Number of calendar days the period covers, in its time zone (a partial day counts as one). */
  days: number;
  /** Short human name: "Last 7 days", "Last week", "Nov 1 – Nov 15, 2026". */
  label: string;
}
