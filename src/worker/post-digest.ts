/**
 * Posting a scheduled message (one project's digest or the agency overview, on schedule or by Send now) to its
 * channel at Slack's pace, without holding a worker slot to wait.
 *
 * Slack allows about one message per second per channel. Every digest post first reserves the channel's next slot
 * in the shared pacer (the state store: all workers see it): a slot at most `MAX_HOLD_MS` away is waited for; a
 * later one sends the job back to the queue with a delay (`RequeueRequested`). Digest posts use a Web API client
 * that does not wait out `ratelimited` answers itself (`rejectRateLimitedCalls`): one that still meets a 429 is
 * re-queued after Slack's `Retry-After` too. Without a queue (local runs, `npm run digest`) the wait happens in place.
 * A message whose chart images Slack refuses goes again without them.
 */
import type { ChatPostMessageResponse, WebClient } from '@slack/web-api';
import type { SlackMessage } from '../digest/blocks.ts';
import { errorFields, type LogFields } from '../log.ts';
import { type ChartedMessage, sendWithImageFallback } from './charts.ts';
import type { WorkerDeps } from './deps.ts';
import { MAX_REQUEUES, RequeueRequested } from './requeue.ts';

/** Spacing of posts to one channel: Slack's one per second, and a margin for network jitter. */
export const POST_INTERVAL_MS = 1050;
/** The longest a digest waits in its slot for the channel's next post slot. */
export const MAX_HOLD_MS = 400;
/** Tries of a rate-limited post when it can't be re-queued. */
const MAX_IN_PLACE_TRIES = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Slack's Retry-After (seconds) of a rate-limited call, or undefined for any other error. */
export function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (e?.code !== 'slack_webapi_rate_limited_error') return undefined;
  return typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
}

/**
 * Before building a digest: if its channel's next post slot is further off than a short wait, the job goes back to
 * the queue now (`RequeueRequested`), before it spends ChatDash requests and rendering on a message it couldn't post
 * yet. Nothing is reserved. Without a queue, or when pacing can't be read, it carries on.
 */
export async function leaveIfChannelBusy(deps: WorkerDeps, channel: string, options: PostOptions = {}): Promise<void> {
  if (deps.queue === undefined || (options.requeues ?? 0) >= MAX_REQUEUES) return;
  let nextFree: number;
  try {
    nextFree = await deps.store.nextFreeSlot(channel);
  } catch (error) {
    deps.log('warn', 'digest.pacer_failed', { channel, ...errorFields(error) });
    return;
  }
  const waitMs = nextFree - Date.now();
  if (waitMs > MAX_HOLD_MS) throw new RequeueRequested(requeueDelay(waitMs));
}

/** Seconds to come back after, so that a slot `waitMs` away is at most MAX_HOLD_MS away then (SQS counts whole seconds). */
function requeueDelay(waitMs: number): number {
  return Math.max(1, Math.ceil((waitMs - MAX_HOLD_MS) / 1000));
}

export interface PostOptions {
  /** How often this job was re-queued already. */
  requeues?: number | undefined;
}

/**
 * Posts `message` at the channel's pace; when Slack refuses its chart images, posts it again without them (in the
 * channel's next slot), so a chart never costs the message. `context` names the post in chart log lines.
 */
export async function postDigest(
  deps: WorkerDeps,
  channel: string,
  message: ChartedMessage,
  options: PostOptions & { context?: LogFields } = {},
): Promise<ChatPostMessageResponse> {
  return sendWithImageFallback(deps, options.context ?? { job: 'digest', channel }, message, (m) => postPaced(deps, channel, m, options));
}

async function postPaced(deps: WorkerDeps, channel: string, message: SlackMessage, options: PostOptions): Promise<ChatPostMessageResponse> {
  const canRequeue = deps.queue !== undefined && (options.requeues ?? 0) < MAX_REQUEUES;
  const client: WebClient = deps.digestSlack ?? deps.slack;
  await waitForSlot(deps, channel, canRequeue);
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      const retryAfter = rateLimitedFor(error);
      if (retryAfter === undefined) throw error;
      deps.log('info', 'digest.rate_limited', { channel, retryAfter, requeue: canRequeue });
      if (canRequeue) throw new RequeueRequested(retryAfter);
      if (attempt >= MAX_IN_PLACE_TRIES) throw error;
      await sleep(retryAfter * 1000);
    }
  }
}

async function waitForSlot(deps: WorkerDeps, channel: string, canRequeue: boolean): Promise<void> {
  for (;;) {
    const nowMs = Date.now();
    let slot: Awaited<ReturnType<WorkerDeps['store']['reserveSlot']>>;
    try {
      slot = await deps.store.reserveSlot(channel, { nowMs, intervalMs: POST_INTERVAL_MS, maxWaitMs: canRequeue ? MAX_HOLD_MS : 60_000 });
    } catch (error) {
      // Pacing is an optimisation: without it Slack's 429 still keeps the pace.
      deps.log('warn', 'digest.pacer_failed', { channel, ...errorFields(error) });
      return;
    }
    if (slot.ok) {
      await sleep(slot.at - nowMs);
      return;
    }
    if (canRequeue) throw new RequeueRequested(requeueDelay(slot.retryInMs));
    await sleep(slot.retryInMs);
  }
}
