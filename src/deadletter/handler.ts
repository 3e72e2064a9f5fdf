/**
 * The dead-letter Lambda: a job that failed every try ends here and is reported, never dropped silently.
 * The person who asked hears that it failed; admins hear about digests; every one is logged at error level.
 * If even the report fails, the message stays in the dead-letter queue (kept 14 days) and is tried again.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Config } from '../config/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { parseJob } from '../jobs/parse.ts';
import { lazy } from '../lazy.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { createSecretsProvider, type SecretsProvider } from '../secrets/secrets.ts';
import { systemActor } from '../store/store.ts';
import { alertAdmins } from '../worker/alerts.ts';
import { buildDeps } from '../worker/build-deps.ts';
import type { WorkerDeps } from '../worker/deps.ts';
import { tellOverviewAsker } from '../worker/overview-asker.ts';

const SORRY =
  ':warning: Sorry, I tried several times and couldn\u2019t finish this. Please try again in a few minutes; if it keeps failing, tell your admin.';

export interface DeadLetterOptions {
  /** Projects, channels, the admin channel (validated; the build embeds it). Required. */
  config: Config;
  /** Where the secrets' source, `CHATDASH_API_URL`, `SLACK_API_URL` and `STATE_TABLE`/`STATE_FILE` are read. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Replaces the deps built from the secrets and `env` (tests). Default: `buildDeps(config, env, secrets, log)`, built on the first batch (a failure is retried on the next). */
  deps?: WorkerDeps;
  /** Where the secrets come from (the entry point passes the read it started at init). Default: `createSecretsProvider(env)` (Secrets Manager at `SECRET_ID`, else the environment). */
  secrets?: SecretsProvider;
  /** Structured log. Default: JSON lines on stdout (`createLog()`). */
  log?: Log;
}

export function createDeadLetterHandler(options: DeadLetterOptions) {
  const env = options.env ?? process.env;
  const log = options.log ?? createLog();
  // A failed secrets read is not kept: the next invocation tries again (it used to stay cached for good here).
  const deps = options.deps
    ? async () => options.deps!
    : lazy(() => buildDeps(options.config, env, options.secrets ?? createSecretsProvider(env), log));
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const ready = await deps();
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        await report(record.body, record.messageId, ready);
      } catch (error) {
        log('error', 'deadletter.report_failed', { messageId: record.messageId, ...errorFields(error) });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}

async function report(body: string, messageId: string, deps: WorkerDeps): Promise<void> {
  const job = parseJob(body);
  if (!job) {
    await alertAdmins(
      deps,
      'deadletter.invalid_job',
      `A job message could not be read and was dropped from the queue (message ${escapeMrkdwn(messageId)}).`,
      { messageId },
    );
    return;
  }
  deps.log('error', 'deadletter.job', { kind: job.kind, messageId });
  switch (job.kind) {
    case 'stats':
      await tellAskerOrAdmins(deps, job.kind, job.requester.userId, () =>
        deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: true, text: SORRY }),
      );
      return;
    case 'drilldown':
      await tellAskerOrAdmins(deps, job.kind, job.requester.userId, async () => {
        if (job.responseUrl) await deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: false, text: SORRY });
        else
          await deps.slack.chat.postEphemeral({
            channel: job.requester.channelId,
            user: job.requester.userId,
            thread_ts: job.threadTs,
            text: SORRY,
          });
      });
      return;
    case 'send_now':
      await tellAskerOrAdmins(deps, job.kind, job.requester.userId, async () => {
        if (job.responseUrl) await deps.respond(job.responseUrl, { response_type: 'ephemeral', replace_original: false, text: SORRY });
        else await deps.slack.chat.postMessage({ channel: job.requester.userId, text: SORRY });
      });
      return;
    case 'overview':
      await tellAskerOrAdmins(deps, job.kind, job.requester.userId, () => tellOverviewAsker(deps, job, SORRY));
      return;
    case 'digest': {
      const runtime = job.source === 'runtime';
      const byHand = runtime
        ? 'its *Send now* button posts it by hand.'
        : `\`npm run digest -- --subscription ${escapeMrkdwn(job.subscription)}\` posts it by hand.`;
      await alertAdmins(
        deps,
        'deadletter.digest',
        `Digest *${escapeMrkdwn(job.subscription)}* for ${escapeMrkdwn(job.scheduledFor)} failed every try and was not posted. Check the worker logs; ${byHand}`,
        { subscription: job.subscription, scheduledFor: job.scheduledFor },
      );
      // Its last delivery shows the failure in the subscription lists.
      await deps.store
        .recordDelivery(
          { source: runtime ? 'runtime' : 'config', id: job.subscription },
          {
            result: 'failed',
            at: new Date().toISOString(),
            reason: 'retries_exhausted',
            scheduledFor: job.scheduledFor,
            trigger: job.trigger,
          },
          systemActor('deadletter'),
        )
        .catch((error: unknown) => deps.log('error', 'deadletter.record_failed', errorFields(error)));
      return;
    }
    case 'alert_check':
      // Notices still queued in the alerts' state are posted by their next check.
      await alertAdmins(
        deps,
        'deadletter.alert_check',
        `Alert check of *${escapeMrkdwn(job.project)}* for ${escapeMrkdwn(job.window.start)} – ${escapeMrkdwn(job.window.end)} failed every try (${job.alertIds.length} alerts). Any message it could not post will go out with the next check; see the worker logs.`,
        { project: job.project, window: job.window, alerts: job.alertIds.length },
      );
      return;
  }
}

/**
 * The asker may be out of reach (a response_url lives 30 minutes, five uses): then the admins hear of it instead,
 * rather than the message cycling through the dead-letter queue for two weeks.
 */
async function tellAskerOrAdmins(deps: WorkerDeps, kind: string, userId: string, tell: () => Promise<void>): Promise<void> {
  try {
    await tell();
  } catch (error) {
    await alertAdmins(
      deps,
      'deadletter.asker_unreachable',
      `A ${kind} request from <@${userId}> failed every try, and I could not tell them.`,
      {
        kind,
        ...errorFields(error),
      },
    );
  }
}
