/** Shared set-up for the digest tests: the ChatDash sandbox, the Slack double and the worker's real deps. */
import type { SQSEvent } from 'aws-lambda';
import type { Config } from '../../src/config/schema.ts';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { DigestJob } from '../../src/jobs/schema.ts';
import type { Log, LogFields, LogLevel } from '../../src/log.ts';
import type { Sandbox } from '../../src/sandbox/index.ts';
import type { SlackCall, SlackDouble } from '../../src/slack-double/server.ts';
import { buildDeps } from '../../src/worker/build-deps.ts';
import type { WorkerDeps } from '../../src/worker/deps.ts';

export const SLACK_TOKEN = 'xoxb-test-token';

export interface LogLine extends LogFields {
  level: LogLevel;
  event: string;
}

export function recordingLog(): { log: Log; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { log: (level, event, fields = {}) => lines.push({ level, event, ...fields }), lines };
}

export function workerEnv(sandbox: Sandbox, slack: SlackDouble): NodeJS.ProcessEnv {
  return { CHATDASH_API_URL: sandbox.url, SLACK_API_URL: slack.apiUrl };
}

/** The worker's deps as production builds them (buildDeps), pointed at the sandbox and the Slack double. */
export function depsFor(
  config: Config,
  sandbox: Sandbox,
  slack: SlackDouble,
  log: Log,
  overrides: { chatdashApiKey?: string } = {},
): Promise<WorkerDeps> {
  return buildDeps(
    config,
    workerEnv(sandbox, slack),
    async () => ({ slackSigningSecret: 'unused', slackBotToken: SLACK_TOKEN, chatdashApiKey: overrides.chatdashApiKey ?? sandbox.apiKey }),
    log,
  );
}

export function digestJob(subscription: string, scheduledFor: string, trigger: DigestJob['trigger'] = 'schedule'): DigestJob {
  return { kind: 'digest', subscription, scheduledFor, trigger };
}

let counter = 0;
/** An SQS event carrying these jobs (fresh message ids unless given). */
export function sqsEvent(...records: Array<DigestJob | { job: DigestJob; messageId: string; receiveCount?: number }>): SQSEvent {
  return {
    Records: records.map((r) =>
      'job' in r ? sqsRecord(JSON.stringify(r.job), r.messageId, r.receiveCount) : sqsRecord(JSON.stringify(r), `msg-${++counter}`),
    ),
  };
}

/** Successful chat.postMessage calls to a channel. */
export function postsTo(slack: SlackDouble, channel: string): SlackCall[] {
  return slack.callsTo('chat.postMessage').filter((c) => c.ok && c.body.channel === channel);
}

/** Text of every message posted to a channel (alerts are text-only). */
export function textsIn(slack: SlackDouble, channel: string): string[] {
  return postsTo(slack, channel).map((c) => String(c.body.text ?? ''));
}
