/** `/chatdash stats`: replaces the "working on it" message through response_url with the stats or a clear failure. */
import { chartsFor } from '../charts/specs.ts';
import { textMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { StatsJob } from '../jobs/schema.ts';
import { insightsForAsker } from './analytics.ts';
import { prepareCharts, sendWithImageFallback, withChartImages } from './charts.ts';
import type { WorkerDeps } from './deps.ts';
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
  prepareCharts(deps, 'digest');
  const fetched = await insightsForAsker(deps, project, parsed.period, DIGEST_METRICS);
  if (!fetched.ok) {
    await reply(textMessage(fetched.userMessage));
    return 'chatdash_failed';
  }
  const { insights } = fetched;
  const options: RenderOptions = {
    project: { id: project.id, name: project.name },
    locale: parsed.locale,
    currencyDisplay: deps.config.defaults.currencyDisplay,
    buttons: true,
    dashboardUrl: project.dashboardUrl,
  };
  // The answer is ephemeral: the chart is the bot's private upload, and if Slack won't show it there the
  // answer goes again with its text sparkline (see README, "Charts").
  const context = { job: 'stats', project: project.key };
  const specs = chartsFor('digest', insights, createFormatter(options));
  const message = await withChartImages(specs, deps, context, (images) => renderDigest(insights, { ...options, images }));
  await sendWithImageFallback(deps, context, message, (m) => reply({ ...m }));
  return 'delivered';
}
