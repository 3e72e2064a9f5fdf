/**
 * Overview jobs: `/chatdash overview [range]` answered through response_url, and clicks on an overview's buttons,
 * "Full stats" (that project's digest) and "List them" (the projects the message left out), answered in the
 * overview's thread (or ephemerally, for an ephemeral overview), like drill-downs.
 */
import { chartsFor } from '../charts/specs.ts';
import type { ProjectConfig } from '../config/schema.ts';
import { type SlackMessage, textMessage } from '../digest/blocks.ts';
import { createFormatter } from '../digest/format.ts';
import { type RenderOptions, renderDigest } from '../digest/render-digest.ts';
import { DIGEST_METRICS } from '../insights/metrics.ts';
import type { OverviewJob } from '../jobs/schema.ts';
import { buildOverview } from '../overview/build.ts';
import { fetchOverview } from '../overview/fetch.ts';
import { decodeMask, decodeOverviewRef, type ListRef, type ProjectRef, projectsFingerprint } from '../overview/ref.ts';
import { renderOverview } from '../overview/render.ts';
import { renderOverviewList } from '../overview/render-list.ts';
import type { OverviewModel, ProjectOutcome } from '../overview/types.ts';
import type { Period } from '../periods/period.ts';
import { OVERVIEW_PROJECT_NOT_HERE, STALE_BUTTON } from '../slack/messages.ts';
import { checkChannelAccess } from '../store/channel-access.ts';
import { insightsForAsker } from './analytics.ts';
import { type ChartedMessage, prepareCharts, sendWithImageFallback, textOnly, withChartImages } from './charts.ts';
import { deliverClickReply } from './click-reply.ts';
import { chatdashDeadline, type WorkerDeps } from './deps.ts';
import { tellOverviewAsker } from './overview-asker.ts';
import { askerPeriod } from './user-prefs.ts';

type Command = Extract<OverviewJob['request'], { part: 'command' }>;
type Click = Extract<OverviewJob['request'], { part: 'click' }>;

/** Every project's two periods within the worker's ChatDash budget, then the ranked model. */
export async function collectOverview(
  projects: readonly ProjectConfig[],
  period: Period,
  deps: WorkerDeps,
): Promise<{ model: OverviewModel; outcomes: ProjectOutcome[] }> {
  const started = Date.now();
  const outcomes = await fetchOverview(deps.chatdash, projects, period, { deadline: chatdashDeadline(deps), log: deps.log });
  const count = (status: ProjectOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  deps.log('info', 'overview.fetched', {
    projects: projects.length,
    ok: count('ok'),
    failed: count('failed'),
    loading: count('loading'),
    ms: Date.now() - started,
  });
  return { model: buildOverview(outcomes, period), outcomes };
}

export function runOverview(job: OverviewJob, deps: WorkerDeps): Promise<string> {
  return job.request.part === 'command' ? runCommand(job, job.request, deps) : runClick(job, job.request, deps);
}

async function runCommand(job: OverviewJob, request: Command, deps: WorkerDeps): Promise<string> {
  const reply = (message: Record<string, unknown>) =>
    deps.respond(request.responseUrl, { response_type: 'ephemeral', replace_original: true, ...message });
  // The projects are the ones this channel (or this admin's DM) may see, decided again (configuration and runtime bindings).
  const access = await checkChannelAccess(deps.config, deps.store, job.requester, deps.log);
  if (!access.ok) {
    await reply(textMessage(access.message));
    return 'refused';
  }
  const parsed = await askerPeriod(deps, job.requester.userId, request.rangeText, request.requestedAt);
  if (!parsed.ok) {
    await reply(textMessage(parsed.text));
    return 'bad_range';
  }
  const { model } = await collectOverview(access.projects, parsed.period, deps);
  await reply({
    ...renderOverview(model, {
      locale: parsed.locale,
      currencyDisplay: deps.config.defaults.currencyDisplay,
      projectKeys: deps.config.projects.map((p) => p.key),
    }),
  });
  return model.loading.length > 0 ? 'partial' : 'delivered';
}

/** Where a click's answer goes: the overview's thread, or the clicker alone (ephemeral overview, refusals, failures). */
function clickReplies(job: OverviewJob, request: Click, deps: WorkerDeps) {
  return {
    say: async (message: SlackMessage) => {
      if (request.ephemeral && request.responseUrl) {
        await deps.respond(request.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message });
      } else {
        await deps.slack.chat.postMessage({
          channel: job.requester.channelId,
          thread_ts: request.threadTs,
          unfurl_links: false,
          ...message,
        });
      }
    },
    tellAsker: (text: string) => tellOverviewAsker(deps, job, text),
  };
}

async function runClick(job: OverviewJob, request: Click, deps: WorkerDeps): Promise<string> {
  const { say, tellAsker } = clickReplies(job, request, deps);
  const ref = decodeOverviewRef(request.buttonValue);
  if (!ref) {
    await tellAsker(STALE_BUTTON);
    return 'stale_button';
  }
  const message = ref.o === 'p' ? await projectStats(job, ref, deps) : await leftOutProjects(job, ref, deps);
  if (typeof message === 'string') {
    await tellAsker(message);
    return 'refused_or_failed';
  }
  const context = { job: 'overview', part: ref.o === 'p' ? 'full_stats' : 'list' };
  const target = { channelId: job.requester.channelId, responseUrl: request.responseUrl, event: 'overview.undeliverable' };
  return deliverClickReply(deps, target, () => sendWithImageFallback(deps, context, message, say), tellAsker);
}

/**
 * "Full stats": the project's digest for the overview's period, with its chart like any digest (one project, one
 * chart, drawn while nothing else waits on it); or, as text, why not.
 */
async function projectStats(job: OverviewJob, ref: ProjectRef, deps: WorkerDeps): Promise<ChartedMessage | string> {
  const configured = deps.config.projects.find((p) => p.id === ref.project);
  if (!configured) return STALE_BUTTON;
  const access = await checkChannelAccess(deps.config, deps.store, job.requester, deps.log, configured.key);
  // The person clicked a button, naming no project: say it is the overview's project that isn't here.
  if (!access.ok) return access.reason === 'project_not_bound' ? OVERVIEW_PROJECT_NOT_HERE : access.message;
  prepareCharts(deps, 'digest');
  const options: RenderOptions = {
    project: { id: configured.id, name: configured.name },
    locale: ref.locale ?? deps.config.defaults.locale,
    currencyDisplay: ref.currencyDisplay ?? deps.config.defaults.currencyDisplay,
    buttons: true,
    dashboardUrl: configured.dashboardUrl,
  };
  const fetched = await insightsForAsker(deps, configured, ref.period, DIGEST_METRICS);
  if (!fetched.ok) return fetched.userMessage;
  const { insights } = fetched;
  const specs = chartsFor('digest', insights, createFormatter(options));
  const context = { job: 'overview', part: 'full_stats', project: configured.key };
  return withChartImages(specs, deps, context, (images) => renderDigest(insights, { ...options, images }));
}

/** "List them": every project the button names, one line each (no chart); or, as text, why not. */
async function leftOutProjects(job: OverviewJob, ref: ListRef, deps: WorkerDeps): Promise<ChartedMessage | string> {
  const keys = deps.config.projects.map((p) => p.key);
  if (ref.fp !== projectsFingerprint(keys)) return STALE_BUTTON;
  const wanted = new Set(decodeMask(keys, ref.mask));
  const access = await checkChannelAccess(deps.config, deps.store, job.requester, deps.log);
  if (!access.ok) return access.message;
  const projects = access.projects.filter((p) => wanted.has(p.key));
  // Every project the button names must be visible here; a forged value learns nothing about the others.
  if (wanted.size === 0 || projects.length !== wanted.size) return OVERVIEW_PROJECT_NOT_HERE;
  const { model } = await collectOverview(projects, ref.period, deps);
  return textOnly(renderOverviewList(model, { which: ref.which, locale: ref.locale, currencyDisplay: ref.currencyDisplay }));
}
