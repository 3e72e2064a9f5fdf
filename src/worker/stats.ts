/** `/chatdash stats`: replaces the "working on it" message through response_url with the stats or a clear failure. */
import { textMessage } from '../digest/blocks.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { Insights } from '../insights/types.ts';
import type { StatsJob } from '../jobs/schema.ts';
import { fetchInsights } from './analytics.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { asUserFacing } from './failures.ts';
import { askerPeriod } from './user-prefs.ts';

export async function runStats(job: StatsJob, deps: WorkerDeps): Promise<string> {
  const reply = (message: Record<string, unknown>) =>
    deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: true, ...message });

  const project = deps.config.projects.find((p) => p.key === job.projectKey);
  if (!project) {
    await reply(textMessage('That project is no longer configured. `/chatdash projects` lists the ones you can use here.'));
    return 'project_gone';
  }
  const parsed = await askerPeriod(deps, job.requester.userId, job.rangeText, job.requestedAt);
  if (!parsed.ok) {
    await reply(textMessage(parsed.text));
    return 'bad_range';
  }
  let insights: Insights;
  try {
    insights = await fetchInsights(deps.chatdash, project.id, parsed.period, DIGEST_METRICS, chatdashDeadline(deps));
  } catch (error) {
    const failure = asUserFacing(error, escapeMrkdwn(project.name));
    if (!failure) throw error;
    await reply(textMessage(failure.userMessage));
    return 'chatdash_failed';
  }
  const message = renderDigest(insights, {
    project: { id: project.id, name: project.name },
    locale: parsed.locale,
    currencyDisplay: deps.config.defaults.currencyDisplay,
    buttons: true,
    dashboardUrl: project.dashboardUrl,
  });
  await reply({ ...message });
  return 'delivered';
}
