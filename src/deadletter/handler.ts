/**
 * The dead-letter Lambda: a job that failed every try ends here and is reported, never dropped silently.
 * The person who asked hears that it failed (a Send now's failure is also recorded on its subscription and its claim
 * given back); admins hear about digests and alert checks, named as people see them (project, channel, schedule or
 * window in words); every one is logged at error level, marked as counted by DeadLettersAlarm (`dead-job.ts`).
 * If even the report fails, the message stays in the dead-letter queue (kept 14 days) and is tried again.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Config } from '../config/schema.ts';
import { escapeMrkdwn } from '../digest/mrkdwn.ts';
import { parseJob } from '../jobs/parse.ts';
import { lazy } from '../lazy.ts';
import { createLog, errorFields, type Log } from '../log.ts';
import { createSecretsProvider, type SecretsProvider } from '../secrets/secrets.ts';
import { buildDeps } from '../worker/build-deps.ts';
import type { WorkerDeps } from '../worker/deps.ts';
import { tellOverviewAsker } from '../worker/overview-asker.ts';
import { logDeadJob, tellAdminsOfDeadJob } from './dead-job.ts';

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
    await tellAdminsOfDeadJob(
      deps,
      'deadletter.invalid_job',
      `A job message could not be read and was dropped from the queue (message ${escapeMrkdwn(messageId)}).`,
      { messageId },
    );
    return;
  }
  logDeadJob(deps, { kind: job.kind, messageId });
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
      await (await import('./reports.ts')).settleSendNow(job, deps);
      return;
    case 'overview':
      await tellAskerOrAdmins(deps, job.kind, job.requester.userId, () => tellOverviewAsker(deps, job, SORRY));
      return;
    // Loaded on first use: naming a subscription or an alert as people see it needs their models, which the cold
    // start of the other kinds doesn't.
    case 'digest':
      await (await import('./reports.ts')).reportDigest(job, deps);
      return;
    case 'alert_check':
      await (await import('./reports.ts')).reportAlertCheck(job, deps);
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
    await tellAdminsOfDeadJob(
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
