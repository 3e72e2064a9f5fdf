/** A person’s own time zone and locale (users.info), so the periods they ask for mean what they mean where they are. */
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { errorFields } from '../log.ts';
import { parsePeriod } from '../periods/parse.ts';
import type { Period } from '../periods/period.ts';
import { RANGE_HELP } from '../slack/messages.ts';
import type { WorkerDeps } from './deps.ts';

/** The asker's Slack time zone and locale (users.info), or the configured defaults if Slack can't tell. */
export async function userPreferences(deps: WorkerDeps, userId: string): Promise<{ timeZone: string; locale: string }> {
  const fallback = { timeZone: deps.config.defaults.timeZone, locale: deps.config.defaults.locale };
  try {
    const info = await deps.slack.users.info({ user: userId, include_locale: true });
    const user = info.user as { tz?: string; locale?: string } | undefined;
    return { timeZone: user?.tz || fallback.timeZone, locale: user?.locale || fallback.locale };
  } catch (error) {
    deps.log('warn', 'slack.users_info_failed', errorFields(error));
    return fallback;
  }
}

/**
 * The period a person's range text means to them (in their Slack time zone, as of when they asked), with their
 * locale; or, for a range that can't be read, the answer to give them (safe mrkdwn, with the range help).
 */
export async function askerPeriod(
  deps: WorkerDeps,
  userId: string,
  rangeText: string,
  requestedAt: string,
): Promise<{ ok: true; period: Period; locale: string } | { ok: false; text: string }> {
  const prefs = await userPreferences(deps, userId);
  const parsed = parsePeriod(rangeText, {
    now: new Date(requestedAt),
    timeZone: prefs.timeZone,
    maxDays: deps.config.defaults.maxRangeDays,
  });
  if (!parsed.ok) return { ok: false, text: `:calendar: ${escapeMrkdwn(parsed.error)}\n${RANGE_HELP}` };
  return { ok: true, period: parsed.period, locale: prefs.locale };
}
