/**
 * Fakes for testing one Slack listener callback alone: a listener context on a local queue with a recording log and
 * a fixed clock, Bolt's `ack`, `respond` and `client` that record what they were given, and a Bolt App stand-in that
 * records what is registered on it.
 */

import type { WebClient } from '@slack/web-api';
import type { AlertStore } from '../../src/alerts/store.ts';
import type { Config, ProjectConfig } from '../../src/config/schema.ts';
import { createLocalQueue, type LocalQueue } from '../../src/jobs/local-queue.ts';
import type { JobQueue } from '../../src/jobs/queue.ts';
import type { Job } from '../../src/jobs/schema.ts';
import type { ButtonClickArgs } from '../../src/slack/listeners/actions/button-click.ts';
import type { SubcommandRequest } from '../../src/slack/listeners/commands/chatdash/subcommand.ts';
import type { BoltApp, ListenerContext } from '../../src/slack/listeners/context.ts';
import type { StateStore } from '../../src/store/store.ts';
import { demoConfig } from './config.ts';
import { type RecordingLog, recordingLog } from './log.ts';
import { type Answers, formState } from './modal.ts';
import { blockActionsPayload, type OpenView, requester, viewSubmissionPayload } from './payloads.ts';

export const FIXED_NOW = new Date('2026-11-25T10:00:00.000Z');

export interface FakeListenerContext extends ListenerContext {
  /** The jobs sent, in order (nothing when the queue was replaced by `failingQueue`). */
  jobs(): Job[];
  logged: RecordingLog;
}

/**
 * The demo configuration, a local queue (or `queue`), a recording log and a clock fixed at FIXED_NOW; with `store`,
 * that state store (as the bindings too), else none.
 */
export function listenerContext(
  options: { config?: Config; queue?: JobQueue; store?: StateStore; alerts?: AlertStore } = {},
): FakeListenerContext {
  const local: LocalQueue = createLocalQueue();
  const logged = recordingLog();
  return {
    config: options.config ?? demoConfig,
    queue: options.queue ?? local,
    log: logged.log,
    now: () => FIXED_NOW,
    ...(options.store ? { store: options.store, bindings: options.store } : {}),
    ...(options.alerts ? { alerts: options.alerts } : {}),
    jobs: () => local.drain().Records.map((r) => JSON.parse(r.body) as Job),
    logged,
  };
}

/** A queue that refuses every job, as SQS does when it is down. */
export const failingQueue: JobQueue = {
  send: async () => {
    throw new Error('queue down');
  },
};

/** Bolt's `ack` or `respond`: records each argument it is called with. */
export interface Recorder<T = unknown> {
  (arg?: T): Promise<void>;
  calls: Array<T | undefined>;
}

export function recorder<T = unknown>(): Recorder<T> {
  const calls: Array<T | undefined> = [];
  const fn = (async (arg?: T) => {
    calls.push(arg);
  }) as Recorder<T>;
  fn.calls = calls;
  return fn;
}

/**
 * A Web API client whose every method (`client.chat.postEphemeral`, `client.views.open`…) records its call and
 * answers `{ ok: true }`, or what `answers[method]` returns.
 */
export function fakeClient(answers: Record<string, (args: Record<string, unknown>) => unknown> = {}): {
  client: WebClient;
  calls: Array<{ method: string; args: Record<string, unknown> }>;
} {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = [];
  const node = (path: string[]): unknown =>
    new Proxy(() => {}, {
      // Not a promise: `then` stays undefined so that the client can be awaited or returned from async code.
      get: (_target, key) => (typeof key === 'string' && key !== 'then' ? node([...path, key]) : undefined),
      apply: async (_target, _this, [args]: [Record<string, unknown>]) => {
        const method = path.join('.');
        calls.push({ method, args });
        return answers[method]?.(args) ?? { ok: true };
      },
    });
  return { client: node([]) as WebClient, calls };
}

/**
 * A modal's submission as Bolt hands it to a `view_submission` listener (`args`: `ack`, `body`, `view`, `client`), with
 * `answers` typed into `view`; records the acks, the Web API calls, and the order of ack and channel announcement.
 */
export function modalSubmission(view: OpenView, answers: Answers) {
  const order: string[] = [];
  const { client, calls } = fakeClient({
    'chat.postMessage': () => {
      order.push('announce');
      return { ok: true };
    },
  });
  const body = viewSubmissionPayload({ view, values: formState(view, answers) });
  const acks: unknown[] = [];
  const ack = async (answer?: unknown) => {
    order.push('ack');
    acks.push(answer);
  };
  return { args: { ack, body, view: body.view, client }, acks, calls, order };
}

/**
 * What the dispatcher hands a subcommand for `/chatdash <sub> <words>` typed by Alice in #agency (C0AGENCY), which
 * may see `visible`; trigger `trig.7`, response_url `https://hooks.slack.test/r/7`; `unreadWords` past those read
 * (default 0). Its `help(lead)` answers `HELP <lead>`, so a test sees what led the usage text.
 */
export function subcommandRequest(words: string, visible: readonly ProjectConfig[], unreadWords = 0): SubcommandRequest {
  return {
    words: words.split(' ').filter(Boolean),
    unreadWords,
    requester: requester({ channelId: 'C0AGENCY' }),
    projects: visible,
    triggerId: 'trig.7',
    responseUrl: 'https://hooks.slack.test/r/7',
    client: fakeClient().client,
    help: (lead) => ({ response_type: 'ephemeral', text: `HELP ${lead ?? ''}` }),
  };
}

/**
 * Bolt's arguments for a click on `button` of message 1732550000.000100 in #acme (response_url
 * https://hooks.slack.test/a/1, unless `options` say otherwise), with a recording `ack` and `respond`.
 */
export function buttonClick(
  button: { action_id: string; value: string },
  options: Partial<Parameters<typeof blockActionsPayload>[0]> = {},
): { ack: Recorder; respond: Recorder<Record<string, unknown>>; args: ButtonClickArgs } {
  const body = blockActionsPayload({ button, messageTs: '1732550000.000100', responseUrl: 'https://hooks.slack.test/a/1', ...options });
  const ack = recorder();
  const respond = recorder<Record<string, unknown>>();
  return { ack, respond, args: { ack, respond, body, action: body.actions[0]! } as unknown as ButtonClickArgs };
}

/** One listener registered on a `recordingApp`: its kind (command, action, event, view), constraint and callback. */
export interface Registered {
  kind: string;
  constraint: unknown;
  listener: (args: unknown) => Promise<void>;
}

/** A Bolt App stand-in that records every `command`/`action`/`event`/`view` registration, in order. */
export function recordingApp(): { app: BoltApp; registered: Registered[] } {
  const registered: Registered[] = [];
  const on =
    (kind: string) =>
    (constraint: unknown, listener: Registered['listener']): void => {
      registered.push({ kind, constraint, listener });
    };
  return { app: { command: on('command'), action: on('action'), event: on('event'), view: on('view') } as unknown as BoltApp, registered };
}
