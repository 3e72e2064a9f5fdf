/** What Slack and SQS send, built for tests: block_actions clicks, app_mention events, SQS events, jobs, slash commands. */
import type { SQSEvent } from 'aws-lambda';
import { sqsRecord } from '../../src/jobs/local-queue.ts';
import type { DigestJob, Job, Requester, SendNowJob, StatsJob } from '../../src/jobs/schema.ts';

/** One message of an SQS event: a raw body, a job (sent as JSON), or either with its message id and receive count. */
export type SqsItem = string | Job | { body: string | Job; id?: string; receiveCount?: number };

let messages = 0;

/** An SQS event carrying these messages (fresh message ids `msg-N` unless given). */
export function sqsEvent(...items: SqsItem[]): SQSEvent {
  return {
    Records: items.map((item) => {
      const { body, id, receiveCount } =
        typeof item === 'string' || 'kind' in item ? { body: item, id: undefined, receiveCount: undefined } : item;
      return sqsRecord(typeof body === 'string' ? body : JSON.stringify(body), id ?? `msg-${++messages}`, receiveCount);
    }),
  };
}

export function digestJob(subscription: string, scheduledFor: string, trigger: DigestJob['trigger'] = 'schedule'): DigestJob {
  return { kind: 'digest', subscription, scheduledFor, trigger };
}

/** `/chatdash stats acme` asked now by `requester()`, answered at `responseUrl`; `overrides` change the rest. */
export function statsJob(key: string, responseUrl: string, overrides: Partial<StatsJob> = {}): StatsJob {
  return {
    kind: 'stats',
    idempotencyKey: key,
    requester: requester(),
    projectKey: 'acme',
    rangeText: '',
    responseUrl,
    requestedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A click on a runtime subscription's Send now (by `requester()`), `key` its idempotency key, made `agoMs` before now. */
export function sendNowJob(subscription: string, key: string, agoMs: number, overrides: Partial<SendNowJob> = {}): SendNowJob {
  return {
    kind: 'send_now',
    idempotencyKey: key,
    subscription,
    source: 'runtime',
    requester: requester(),
    requestedAt: new Date(Date.now() - agoMs).toISOString(),
    ...overrides,
  };
}

/** Alice (U0ALICE) in #acme (C0ACME) of the demo workspace, the requester most tests ask as; `overrides` change that. */
export function requester(overrides: Partial<Requester> = {}): Requester {
  return { teamId: 'T0DEMO', channelId: 'C0ACME', userId: 'U0ALICE', isDirectMessage: false, ...overrides };
}

/** A slash command payload as Bolt hands it to a listener (`command`), in C0ACME by U0ALICE unless given. */
export function slashCommandPayload(text: string, extra: Record<string, string> = {}) {
  return {
    token: 'verification-token-unused',
    command: '/chatdash',
    text,
    team_id: 'T0DEMO',
    team_domain: 'chatdash-demo',
    channel_id: 'C0ACME',
    channel_name: 'acme',
    user_id: 'U0ALICE',
    user_name: 'alice',
    api_app_id: 'A0CHATDASH',
    response_url: 'https://hooks.slack.test/commands/T0DEMO/1/abc',
    trigger_id: 'trigger.1',
    ...extra,
  };
}

/** Who sent an interaction (team and user as Slack puts them in every interaction payload), and the app. */
function sender(team: string, user: string) {
  return {
    api_app_id: 'A0CHATDASH',
    token: 'verification-token-unused',
    team: { id: team, domain: 'chatdash-demo' },
    user: { id: user, username: 'alice', name: 'alice', team_id: team },
  };
}

const newTrigger = () => `trigger.${Math.random().toString(36).slice(2)}`;

/** The `actions` of a button click. */
function buttonActions(button: { action_id: string; value: string; block_id?: string }, actionTs: string) {
  return [
    {
      type: 'button' as const,
      action_id: button.action_id,
      block_id: button.block_id ?? 'actions',
      value: button.value,
      action_ts: actionTs,
      text: { type: 'plain_text' as const, text: 'button' },
    },
  ];
}

/** A block_actions payload as Slack sends it for a click on a button of a message in a channel. */
export function blockActionsPayload(options: {
  button: { action_id: string; value: string; block_id?: string };
  messageTs: string;
  channel?: string;
  user?: string;
  team?: string;
  responseUrl: string;
  ephemeral?: boolean;
  actionTs?: string;
}) {
  const channel = options.channel ?? 'C0ACME';
  const team = options.team ?? 'T0DEMO';
  return {
    type: 'block_actions' as const,
    ...sender(team, options.user ?? 'U0ALICE'),
    channel: { id: channel, name: channel.toLowerCase() },
    container: { type: 'message', message_ts: options.messageTs, channel_id: channel, is_ephemeral: options.ephemeral ?? false },
    message: { type: 'message', ts: options.messageTs, text: 'digest' },
    response_url: options.responseUrl,
    trigger_id: newTrigger(),
    actions: buttonActions(options.button, options.actionTs ?? '1732550001.000200'),
  };
}

/** An Events API `app_mention` callback. */
export function mentionPayload(options: {
  eventId: string;
  text: string;
  ts: string;
  threadTs?: string;
  channel?: string;
  user?: string;
  team?: string;
}) {
  const team = options.team ?? 'T0DEMO';
  return {
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A0CHATDASH',
    type: 'event_callback' as const,
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_mention' as const,
      user: options.user ?? 'U0ALICE',
      text: options.text,
      ts: options.ts,
      channel: options.channel ?? 'C0ACME',
      event_ts: options.ts,
      team,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
  };
}

/** A view as Slack sends it back in interaction payloads: what was opened, with its id and hash. */
export interface OpenView {
  id: string;
  hash: string;
  view: Record<string, unknown>;
}

/** `view.state.values` as Slack would send it: `[block_id][action_id] → the element's current value`. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

function viewOf(open: OpenView, values: StateValues, team: string) {
  return {
    ...open.view,
    id: open.id,
    hash: open.hash,
    team_id: team,
    state: { values },
    private_metadata: String(open.view.private_metadata ?? ''),
    callback_id: String(open.view.callback_id ?? ''),
    root_view_id: open.id,
    app_id: 'A0CHATDASH',
  };
}

/** A `view_submission` of a modal (as the Slack double stored it) with these state values, by U0ALICE unless given. */
export function viewSubmissionPayload(options: { view: OpenView; values: StateValues; user?: string; team?: string }) {
  const team = options.team ?? 'T0DEMO';
  return {
    type: 'view_submission' as const,
    ...sender(team, options.user ?? 'U0ALICE'),
    trigger_id: newTrigger(),
    view: viewOf(options.view, options.values, team),
    response_urls: [],
  };
}

/** A `block_actions` from an element inside a modal (a menu with `dispatch_action`), with the modal's current state. */
export function modalActionPayload(options: {
  view: OpenView;
  values: StateValues;
  action: { block_id: string; action_id: string; selected?: string };
  user?: string;
  team?: string;
}) {
  const team = options.team ?? 'T0DEMO';
  const { block_id, action_id, selected } = options.action;
  return {
    type: 'block_actions' as const,
    ...sender(team, options.user ?? 'U0ALICE'),
    container: { type: 'view', view_id: options.view.id },
    trigger_id: newTrigger(),
    view: viewOf(options.view, options.values, team),
    actions: [
      {
        type: 'static_select' as const,
        action_id,
        block_id,
        selected_option: { text: { type: 'plain_text' as const, text: selected ?? '' }, value: selected ?? '' },
        action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
      },
    ],
  };
}

/** A `block_actions` from a button on a person's App Home (no channel, no response_url). */
export function homeActionPayload(options: {
  button: { action_id: string; value: string; block_id?: string };
  viewId?: string;
  user?: string;
  team?: string;
  actionTs?: string;
  triggerId?: string;
}) {
  const team = options.team ?? 'T0DEMO';
  const viewId = options.viewId ?? 'V0HOME0001';
  return {
    type: 'block_actions' as const,
    ...sender(team, options.user ?? 'U0ALICE'),
    container: { type: 'view', view_id: viewId },
    trigger_id: options.triggerId ?? newTrigger(),
    view: { id: viewId, type: 'home', hash: 'home-hash', team_id: team, private_metadata: '', callback_id: '', state: { values: {} } },
    actions: buttonActions(options.button, options.actionTs ?? '1732550002.000300'),
  };
}

/** An Events API `app_home_opened` callback (the Home tab unless `tab` says `messages`). */
export function appHomeOpenedPayload(options: { user?: string; tab?: 'home' | 'messages'; team?: string; eventId?: string } = {}) {
  const team = options.team ?? 'T0DEMO';
  const ts = `${Math.floor(Date.now() / 1000)}.000100`;
  return {
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A0CHATDASH',
    type: 'event_callback' as const,
    event_id: options.eventId ?? `Ev0HOME${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_home_opened' as const,
      user: options.user ?? 'U0ALICE',
      channel: 'D0APPHOME',
      tab: options.tab ?? 'home',
      event_ts: ts,
    },
  };
}
