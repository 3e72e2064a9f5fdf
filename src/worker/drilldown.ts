/**
 * Drill-downs: the full list behind a digest button or an @mention in a digest's thread, posted as a reply in
 * that thread (or, for a click on an ephemeral `/chatdash stats` answer, as an ephemeral reply).
 */
import { chartsFor } from '../charts/specs.ts';
import { type SlackMessage, textMessage } from '../digest/blocks.ts';
import { type DrilldownRef, decodeDrilldownRef } from '../digest/drilldown-ref.ts';
import { DRILLDOWN_VIEWS, VIEW_MENTION_WORDS } from '../digest/drilldown-views.ts';
import { type CurrencyDisplay, createFormatter } from '../digest/format.ts';
import type { RenderOptions } from '../digest/render-digest.ts';
import { renderDrilldown } from '../digest/render-drilldown.ts';
import { DRILLDOWN_METRICS } from '../insights/metrics.ts';
import type { DrilldownJob } from '../jobs/schema.ts';
import type { Period } from '../periods/period.ts';
import { DIGEST_PROJECT_NOT_HERE, STALE_BUTTON, THREAD_HELP } from '../slack/messages.ts';
import { checkChannelAccess } from '../store/channel-access.ts';
import { insightsForAsker } from './analytics.ts';
import { prepareCharts, sendWithImageFallback, withChartImages } from './charts.ts';
import { deliverClickReply } from './click-reply.ts';
import type { WorkerDeps } from './deps.ts';

export async function runDrilldown(job: DrilldownJob, deps: WorkerDeps): Promise<string> {
  const say = async (message: Pick<SlackMessage, 'text'> & Partial<SlackMessage>) => {
    if (job.ephemeral && job.responseUrl) {
      await deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await deps.slack.chat.postMessage({ channel: job.requester.channelId, thread_ts: job.threadTs, unfurl_links: false, ...message });
    }
  };
  const tellAsker = async (safeText: string) => {
    const { text } = textMessage(safeText);
    if (job.responseUrl) return deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: false, text });
    await deps.slack.chat.postEphemeral({ channel: job.requester.channelId, user: job.requester.userId, thread_ts: job.threadTs, text });
  };

  let target: DigestTarget | undefined;
  if (job.buttonValue !== undefined) {
    target = targetOf(decodeDrilldownRef(job.buttonValue), deps);
    if (!target) {
      await tellAsker(STALE_BUTTON);
      return 'stale_button';
    }
  } else {
    target = await digestOfThread(job, deps);
    if (!target) {
      await say(textMessage(`I can drill into a digest from its thread. ${THREAD_HELP}`));
      return 'not_a_digest_thread';
    }
  }
  const access = await checkChannelAccess(deps.config, deps.store, job.requester, deps.log, target.projectKey);
  if (!access.ok) {
    // The person clicked or mentioned a digest, naming no project: say it is the digest's project that isn't here.
    await tellAsker(access.reason === 'project_not_bound' ? DIGEST_PROJECT_NOT_HERE : access.message);
    return 'refused';
  }
  const project = access.projects.find((p) => p.key === target.projectKey)!;
  if (!job.view) {
    await say(
      textMessage(
        `I can show ${DRILLDOWN_VIEWS.map((v) => VIEW_MENTION_WORDS[v]).join(', ')} for this digest: mention me with one of them.`,
      ),
    );
    return 'asked_for_view';
  }
  const view = job.view;
  const options: RenderOptions = {
    project: { id: project.id, name: project.name },
    locale: target.locale ?? deps.config.defaults.locale,
    currencyDisplay: target.currencyDisplay ?? deps.config.defaults.currencyDisplay,
    dashboardUrl: project.dashboardUrl,
  };
  prepareCharts(deps, view);
  const fetched = await insightsForAsker(deps, project, target.period, DRILLDOWN_METRICS[view]);
  if (!fetched.ok) {
    await tellAsker(fetched.userMessage);
    return 'chatdash_failed';
  }
  const { insights } = fetched;
  const context = { job: 'drilldown', view, project: project.key };
  const specs = chartsFor(view, insights, createFormatter(options));
  const charted = await withChartImages(specs, deps, context, (images) => renderDrilldown(view, insights, { ...options, images }));
  // A click carries a response_url, which works even where the bot may not post: the person is told why.
  const where = { channelId: job.requester.channelId, responseUrl: job.responseUrl, event: 'drilldown.undeliverable' };
  return deliverClickReply(deps, where, () => sendWithImageFallback(deps, context, charted, say), tellAsker);
}

/** What a drill-down is about: the digest's project, period and number formatting. */
interface DigestTarget {
  projectKey: string;
  period: Period;
  locale?: string | undefined;
  currencyDisplay?: CurrencyDisplay | undefined;
}

/** A decoded button reference whose project is still configured, as a target; undefined otherwise. */
function targetOf(ref: DrilldownRef | undefined, deps: WorkerDeps): DigestTarget | undefined {
  const project = ref && deps.config.projects.find((p) => p.id === ref.project);
  if (!ref || !project) return undefined;
  return { projectKey: project.key, period: ref.period, locale: ref.locale, currencyDisplay: ref.currencyDisplay };
}

/** For @mentions: project, period and formatting of the digest this thread hangs off, read from the digest's own buttons. */
async function digestOfThread(job: DrilldownJob, deps: WorkerDeps): Promise<DigestTarget | undefined> {
  if (job.inThread === false) return undefined;
  const replies = await deps.slack.conversations.replies({ channel: job.requester.channelId, ts: job.threadTs, limit: 1, inclusive: true });
  const root = replies.messages?.[0] as { blocks?: Array<{ type?: string; elements?: Array<{ value?: string }> }> } | undefined;
  for (const block of root?.blocks ?? []) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      const target = element.value ? targetOf(decodeDrilldownRef(element.value), deps) : undefined;
      if (target) return target;
    }
  }
  return undefined;
}
