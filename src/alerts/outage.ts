/**
 * ChatDash failing for a project, as its alert checks see it (pure). While ChatDash fails, every alert of the
 * project is "unknown" (it neither fires nor recovers): right, but silent. Once it has failed
 * OUTAGE_REPORT_AFTER_FAILURES checks in a row, or for OUTAGE_REPORT_AFTER_MS, the admins are told, once per outage;
 * the first check ChatDash answers ends it (and the admins hear that it did).
 *
 * One failure per window: the jobs of one window (hourly and daily alerts, several time zones, a group cut in two)
 * and redeliveries count once, because only a window ending later than the last one counted is counted.
 */
import * as z from 'zod/mini';
import type { TimeRange } from '../periods/period.ts';

/** Failed checks in a row that make an outage worth reporting (6 hours for hourly alerts). */
export const OUTAGE_REPORT_AFTER_FAILURES = 6;
/** …or this long since the first failed check (daily alerts: the second failed day). */
export const OUTAGE_REPORT_AFTER_MS = 24 * 3_600_000;

const isoInstant = z.iso.datetime();

export const ChatDashOutage = z.object({
  /** Start of the first window whose check found ChatDash failing. */
  since: isoInstant,
  /** When that first failed check ran. */
  firstFailedAt: isoInstant,
  /** Failed checks in a row (one per window). */
  failures: z.int().check(z.gte(1)),
  /** End of the latest window counted. */
  lastWindowEnd: isoInstant,
  lastFailedAt: isoInstant,
  /** What the last failure was (the ChatDash client's error kind: `rate_limited`, `unavailable`, `timeout`…). */
  lastError: z.optional(z.string().check(z.regex(/^[a-z_]{1,40}$/))),
  /** When the admins were told: once per outage. */
  reportedAt: z.optional(isoInstant),
});
export type ChatDashOutage = z.infer<typeof ChatDashOutage>;

export interface ChatDashCheck {
  /** Whether ChatDash answered the query for the checked window. */
  ok: boolean;
  window: TimeRange;
  now: Date;
  /** The failure's kind, when it failed. */
  error?: string;
}

/** The outage record after a check: undefined once ChatDash answers (recovery clears it). */
export function recordChatDashCheck(previous: ChatDashOutage | undefined, check: ChatDashCheck): ChatDashOutage | undefined {
  if (check.ok) return undefined;
  if (previous && Date.parse(check.window.end) <= Date.parse(previous.lastWindowEnd)) return previous;
  const now = check.now.toISOString();
  const error = check.error && /^[a-z_]{1,40}$/.test(check.error) ? { lastError: check.error } : {};
  const { lastError: _previousError, ...kept } = previous ?? {
    since: check.window.start,
    firstFailedAt: now,
    failures: 0,
    lastWindowEnd: check.window.end,
    lastFailedAt: now,
  };
  const next: ChatDashOutage = { ...kept, failures: kept.failures + 1, lastWindowEnd: check.window.end, lastFailedAt: now, ...error };
  const long = check.now.getTime() - Date.parse(next.firstFailedAt) >= OUTAGE_REPORT_AFTER_MS;
  if (!next.reportedAt && (next.failures >= OUTAGE_REPORT_AFTER_FAILURES || long)) next.reportedAt = now;
  return next;
}

/** What the admins should hear after an update: that checks are blocked (once), or that they work again. */
export function outageNews(before: ChatDashOutage | undefined, after: ChatDashOutage | undefined): 'blocked' | 'unblocked' | undefined {
  if (after?.reportedAt && !before?.reportedAt) return 'blocked';
  if (before?.reportedAt && !after) return 'unblocked';
  return undefined;
}
