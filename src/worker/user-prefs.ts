import { errorFields } from '../log.ts';
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
