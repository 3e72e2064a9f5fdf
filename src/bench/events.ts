/**
 * The two events each cold-start sample sends (a cold one, then a warm one), and how to tell that the answers
 * are real: a slash command acked after its job reached SQS, a stats job delivered to its response_url, a
 * schedule tick that queued its digest, a dead job reported.
 */
import type { SQSEvent } from 'aws-lambda';
import type { FunctionName } from '../build/bundle.ts';
import { sqsRecord } from '../jobs/local-queue.ts';
import type { DigestJob, StatsJob } from '../jobs/schema.ts';
import { interactionEvent, SIGNING_SECRET, slashCommandEvent } from '../slack-double/requests.ts';
import type { BaselineName } from './baselines.ts';
import { BASELINE_ACK_TEXT } from './baselines.ts';

/**
 * `http-sdk`: the HTTP function reading runtime bindings through the AWS SDK instead of a signed request;
 * `http-subscribe`: the HTTP function saving the subscribe modal (its subscription UI bundle and the state store's
 * SDK loaded on that first request); `http-alert`: the same saving the alert modal (its alerts UI bundle); `worker-charts`: the worker bundle answering a stats job with its chart (render +
 * upload); `worker` has CHARTS=off.
 */
export type VariantName = FunctionName | BaselineName | 'http-sdk' | 'http-subscribe' | 'http-alert' | 'worker-charts';

export interface SampleEvents {
  first: unknown;
  second: unknown;
}

/** Monday 2025-01-06 09:00 Europe/Paris: the demo configuration's `acme-weekly` digest falls due on this tick. */
export const DUE_TICKS = ['2025-01-06T08:00:00.000Z', '2025-01-13T08:00:00.000Z'] as const;

export const BENCH_SIGNING_SECRET = SIGNING_SECRET;

/** The slash command every HTTP variant answers: `/chatdash stats 30d` from the channel bound to `acme`. */
export function slashCommand(responseUrl: string, trigger: string) {
  return slashCommandEvent({
    text: 'stats 30d',
    channel_id: 'C0ACME',
    channel_name: 'acme',
    user_id: 'U0ALICE',
    response_url: responseUrl,
    trigger_id: trigger,
  });
}

/** A static select as Slack reports it in a submitted view's state. */
const selected = (value: string) => ({ type: 'static_select', selected_option: { text: { type: 'plain_text', text: value }, value } });
const typed = (value: string) => ({ type: 'plain_text_input', value });

/** A modal submitted by Alice from #acme, opened by a command: the envelope Slack sends around a view's state. */
function modalSubmission(trigger: string, view: { id: string; callbackId: string; values: Record<string, Record<string, unknown>> }) {
  return interactionEvent({
    type: 'view_submission',
    team: { id: 'T0DEMO', domain: 'chatdash-demo' },
    user: { id: 'U0ALICE', team_id: 'T0DEMO' },
    api_app_id: 'A0CHATDASH',
    trigger_id: trigger,
    view: {
      id: view.id,
      type: 'modal',
      callback_id: view.callbackId,
      hash: 'bench',
      private_metadata: JSON.stringify({ v: 1, team: 'T0DEMO', channel: 'C0ACME', from: 'command' }),
      state: { values: view.values },
    },
  });
}

/**
 * The subscribe modal submitted from #acme (weekly on Mondays at 09:00, the form's defaults, for acme): what Slack
 * sends once the person clicks Subscribe. Built by hand, as Slack would send it, not with the UI's own code.
 */
export function subscribeSubmission(trigger: string) {
  return modalSubmission(trigger, {
    id: 'V0BENCH',
    callbackId: 'subscription:form',
    values: {
      project: { 'form:project': selected('acme') },
      frequency: { 'form:frequency': selected('weekly') },
      weekday: { value: selected('MON') },
      time: { value: { type: 'timepicker', selected_time: '09:00' } },
      time_zone: { value: typed('Europe/Paris') },
      period: { value: selected('last week') },
    },
  });
}

/**
 * The alert modal submitted from #acme (the understood rate below 80 %, hourly, Europe/Paris): what Slack sends once
 * the person clicks Create alert. Built by hand, as Slack would send it, not with the UI's own code.
 */
export function alertSubmission(trigger: string) {
  return modalSubmission(trigger, {
    id: 'V0BENCHALERT',
    callbackId: 'alert:form',
    values: {
      alert_project: { value: selected('acme') },
      alert_metric: { value: selected('understood_rate') },
      alert_condition: { value: selected('below') },
      alert_threshold: { value: typed('80') },
      alert_frequency: { value: selected('hourly') },
      alert_time_zone: { value: typed('Europe/Paris') },
    },
  });
}

export function statsJob(responseUrl: string, key: string): StatsJob {
  return {
    kind: 'stats',
    idempotencyKey: key,
    requester: { teamId: 'T0DEMO', channelId: 'C0ACME', userId: 'U0ALICE', isDirectMessage: false },
    projectKey: 'acme',
    rangeText: '30d',
    responseUrl,
    requestedAt: new Date().toISOString(),
  };
}

export function sqsEvent(bodies: readonly (StatsJob | DigestJob)[], prefix: string): SQSEvent {
  return { Records: bodies.map((job, i) => sqsRecord(JSON.stringify(job), `${prefix}-${i}`)) };
}

/** Two events for one sample of `variant`; `responseUrl(n)` gives a fresh response_url on the Slack double. */
export function sampleEvents(variant: VariantName, sample: string, responseUrl: (id: string) => string): SampleEvents {
  const url = (n: number) => responseUrl(`${variant}-${sample}-${n}`);
  switch (variant) {
    case 'http':
    case 'http-sdk':
    case 'naive-bolt':
    case 'slim-bolt':
    case 'floor':
      return { first: slashCommand(url(1), `${sample}.1`), second: slashCommand(url(2), `${sample}.2`) };
    case 'http-subscribe':
      return { first: subscribeSubmission(`${sample}.1`), second: subscribeSubmission(`${sample}.2`) };
    case 'http-alert':
      return { first: alertSubmission(`${sample}.1`), second: alertSubmission(`${sample}.2`) };
    case 'worker':
    case 'worker-charts':
      return {
        first: sqsEvent([statsJob(url(1), `stats:${sample}.1`)], `${sample}-1`),
        second: sqsEvent([statsJob(url(2), `stats:${sample}.2`)], `${sample}-2`),
      };
    case 'schedule':
      return { first: { time: DUE_TICKS[0] }, second: { time: DUE_TICKS[1] } };
    case 'deadletter':
      return {
        first: sqsEvent([statsJob(url(1), `stats:${sample}.1`)], `${sample}-1`),
        second: sqsEvent([statsJob(url(2), `stats:${sample}.2`)], `${sample}-2`),
      };
  }
}

/** Why an answer is not the one `variant` should give, or undefined when it is. */
export function answerProblem(variant: VariantName, answer: unknown): string | undefined {
  const a = (answer ?? {}) as { statusCode?: unknown; body?: unknown; batchItemFailures?: unknown; due?: unknown };
  const body = typeof a.body === 'string' ? a.body : '';
  switch (variant) {
    case 'http':
    case 'http-sdk':
      if (a.statusCode !== 200) return `HTTP ${String(a.statusCode)}`;
      return body.includes('Getting the numbers') ? undefined : `unexpected ack ${body.slice(0, 120)}`;
    case 'http-subscribe':
    case 'http-alert':
      // An empty ack closes the modal: saved.
      if (a.statusCode !== 200) return `HTTP ${String(a.statusCode)}`;
      return body === '' ? undefined : `unexpected ack ${body.slice(0, 120)}`;
    case 'naive-bolt':
    case 'slim-bolt':
      if (a.statusCode !== 200) return `HTTP ${String(a.statusCode)}`;
      return body.includes(BASELINE_ACK_TEXT) ? undefined : `unexpected ack ${body.slice(0, 120)}`;
    case 'floor':
      return a.statusCode === 200 ? undefined : `HTTP ${String(a.statusCode)}`;
    case 'worker':
    case 'worker-charts':
    case 'deadletter':
      return Array.isArray(a.batchItemFailures) && a.batchItemFailures.length === 0
        ? undefined
        : `batch failures ${JSON.stringify(a.batchItemFailures)}`;
    case 'schedule':
      return a.due === 1 ? undefined : `due ${String(a.due)}, expected 1`;
  }
}
