/**
 * The subscribe round trip of `npm run demo`, against the Slack double, through the real HTTP handler, worker and tick
 * sharing one state store in memory: `/chatdash subscribe acme` opens the modal (printed as a form), a submission with
 * a time zone Slack users mistype is answered inline, the corrected one is saved and announced, `/chatdash
 * subscriptions` lists it, Send now posts exactly one digest, the tick posts it at its time, and the App Home shows it.
 * From the tick on, the demo's clock plays the tick's time (the worker stamps the delivery with it, the sandbox answers
 * as of it), so the App Home's "Last" is the tick's delivery time, not the wall clock's.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { View } from '@slack/types';
import type { Config } from '../config/schema.ts';
import type { SlackMessage } from '../digest/blocks.ts';
import { renderForTerminal, renderViewForTerminal } from '../digest/terminal.ts';
import type { LocalQueue } from '../jobs/local-queue.ts';
import type { Log } from '../log.ts';
import { createScheduleHandler } from '../schedule/handler.ts';
import type { HttpHandler } from '../slack/http-handler.ts';
import { eventsApiEvent, interactionEvent, type SignOptions, slashCommandEvent } from '../slack-double/requests.ts';
import type { SlackDouble, StoredView } from '../slack-double/server.ts';
import type { StateStore } from '../store/store.ts';
import type { WorkerHandler } from '../worker/handler.ts';

export interface DemoSubscribeContext {
  config: Config;
  http: HttpHandler;
  worker: WorkerHandler;
  queue: LocalQueue;
  slack: SlackDouble;
  /** The state store the HTTP handler, the worker and the tick share. */
  store: StateStore;
  /** The demo's clock (epoch ms), which the worker, the state store and the sandbox read: set to the tick's time from the tick on. */
  clock: { now: () => number };
  signing: SignOptions;
  log: Log;
  /** Where subscribe-modal.json and home.json are written. */
  out: string;
  step: (text: string) => void;
  indent: (text: string) => string;
}

type Json = Record<string, unknown>;
export type Values = Record<string, Record<string, Record<string, unknown>>>;

/** The modal's state as Slack sends it on submit: each input's initial value, with `answers` (block id → value) over it. */
export function filledIn(open: StoredView, answers: Record<string, Json>): Values {
  const values: Values = {};
  for (const block of (open.view.blocks ?? []) as Json[]) {
    if (block.type !== 'input') continue;
    const element = block.element as Json;
    const id = String(block.block_id);
    const initial: Json =
      element.type === 'static_select'
        ? { selected_option: element.initial_option ?? null }
        : element.type === 'timepicker'
          ? { selected_time: element.initial_time ?? null }
          : element.type === 'checkboxes' || element.type === 'multi_static_select'
            ? { selected_options: element.initial_options ?? [] }
            : { value: element.initial_value ?? null };
    values[id] = { [String(element.action_id)]: { type: element.type, ...initial, ...answers[id] } };
  }
  return values;
}

export function submission(open: StoredView, values: Values) {
  return {
    type: 'view_submission',
    team: { id: 'T0DEMO', domain: 'chatdash-demo' },
    user: { id: 'U0ALICE', team_id: 'T0DEMO' },
    api_app_id: 'A0CHATDASH',
    trigger_id: 'demo.trigger.submit',
    view: { ...open.view, id: open.id, hash: open.hash, state: { values } },
  };
}

/** The button labelled `text` on the row of subscription (or alert) `id` (its value names it). */
export function buttonOf(message: Json, text: string, id: string): { action_id: string; value: string } | undefined {
  for (const block of (message.blocks ?? []) as Json[]) {
    for (const element of (block.elements ?? []) as Json[]) {
      const value = String(element.value ?? '');
      if ((element.text as Json | undefined)?.text === text && value.includes(`"${id}"`))
        return { action_id: String(element.action_id), value };
    }
  }
  return undefined;
}

export async function demoSubscribe(ctx: DemoSubscribeContext): Promise<void> {
  const { http, worker, queue, slack, signing, store } = ctx;
  const post = (text: string) => console.log(ctx.indent(text));

  ctx.step('In #acme, Alice types "/chatdash subscribe acme": the modal opens on the ack path');
  const started = performance.now();
  const ack = await http(
    slashCommandEvent(
      { text: 'subscribe acme', response_url: slack.responseUrl('demo-subscribe'), trigger_id: slack.issueTrigger() },
      signing,
    ),
  );
  const open = slack.views().at(-1);
  console.log(
    `  HTTP ${ack.statusCode} in ${(performance.now() - started).toFixed(0)} ms (users.info for her time zone, then views.open); the modal:`,
  );
  if (!open) return;
  post(renderViewForTerminal(open.view as unknown as View));
  await writeFile(join(ctx.out, 'subscribe-modal.json'), `${JSON.stringify(open.view, null, 2)}\n`);

  ctx.step('She types "Paris" as the time zone and submits: Slack shows the problem under the field');
  const wrong = await http(interactionEvent(submission(open, filledIn(open, { time_zone: { value: 'Paris' } })), signing));
  post(`HTTP ${wrong.statusCode}: ${wrong.body}`);

  ctx.step('She fixes it (Europe/Paris), picks every day at 08:00 and submits: saved, and the channel is told');
  const right = filledIn(open, {
    frequency: { selected_option: { text: { type: 'plain_text', text: 'Every day' }, value: 'daily' } },
    time: { selected_time: '08:00' },
  });
  const saved = await http(interactionEvent(submission(open, right), signing));
  post(`HTTP ${saved.statusCode} (an empty body: the modal closes)`);
  const announced = slack.callsTo('chat.postMessage').at(-1);
  if (announced) post(`#acme: ${String(announced.body.text)}`);
  const [subscription] = (await store.listByChannel('C0ACME')).items;
  if (!subscription) return;

  ctx.step('"/chatdash subscriptions" in #acme: the configuration\u2019s digest and hers, with the buttons she may use');
  const listed = await http(
    slashCommandEvent({ text: 'subscriptions', response_url: slack.responseUrl('demo-list'), trigger_id: slack.issueTrigger() }, signing),
  );
  const list = JSON.parse(listed.body) as Json;
  post(renderForTerminal(list as unknown as SlackMessage));

  ctx.step('She clicks Send now on hers (twice, quickly): the worker posts exactly one digest');
  const send = buttonOf(list, 'Send now', subscription.id);
  if (!send) return;
  const postsBefore = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0ACME' && c.ok).length;
  for (const [n, actionTs] of ['1790000001.000100', '1790000001.000600'].entries()) {
    await http(
      interactionEvent(
        {
          type: 'block_actions',
          team: { id: 'T0DEMO' },
          user: { id: 'U0ALICE', team_id: 'T0DEMO' },
          channel: { id: 'C0ACME' },
          container: { type: 'message', message_ts: '1790000000.000100', channel_id: 'C0ACME', is_ephemeral: true },
          response_url: slack.responseUrl(`demo-send-${n}`),
          trigger_id: slack.issueTrigger(),
          actions: [{ type: 'button', action_id: send.action_id, block_id: 'actions', value: send.value, action_ts: actionTs }],
        },
        signing,
      ),
    );
  }
  await worker(queue.drain());
  const posts = slack
    .callsTo('chat.postMessage')
    .filter((c) => c.body.channel === 'C0ACME' && c.ok)
    .slice(postsBefore);
  post(`Digests posted to #acme: ${posts.length}${posts[0] ? ` (“${String(posts[0].body.text).slice(0, 90)}…”)` : ''}`);
  for (const n of [0, 1]) {
    const told = slack.callsTo('response_url').find((c) => c.body.__responseUrlId === `demo-send-${n}`);
    post(`Click ${n + 1}, she hears: ${String(told?.body.text ?? '(nothing)')}`);
  }

  // Slack takes about one post a second per channel, and the worker keeps that pace: the tick comes a moment later.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const tickAt = subscription.nextRunAt ?? new Date(ctx.clock.now()).toISOString();
  const realClock = ctx.clock.now;
  const ahead = Date.parse(tickAt) - realClock();
  ctx.clock.now = () => realClock() + ahead;
  try {
    await tickAndHome(ctx, subscription.id, tickAt);
  } finally {
    ctx.clock.now = realClock;
  }
}

/** The tick at `tickAt` (the demo's clock is there now), its worker, and the App Home Alice opens then. */
async function tickAndHome(ctx: DemoSubscribeContext, id: string, tickAt: string): Promise<void> {
  const { http, worker, queue, slack, signing, store } = ctx;
  const post = (text: string) => console.log(ctx.indent(text));
  ctx.step(`The every-minute tick at its time (${tickAt}, which the demo's clock now plays): one digest, recorded`);
  const tick = createScheduleHandler({ config: ctx.config, queue, store, log: ctx.log });
  const due = await tick({ time: tickAt });
  const result = await worker(queue.drain());
  const after = await store.getSubscription(id);
  const last = after?.lastDelivery;
  post(
    `Tick: ${due.runtime} runtime subscription due; worker: ${result.batchItemFailures.length} failures; last delivery: ${last?.result} (${last?.trigger}) at ${last?.at}, next run ${after?.nextRunAt}`,
  );

  ctx.step('Alice opens the bot\u2019s App Home: her subscriptions, with the same buttons');
  await http(
    eventsApiEvent(
      {
        token: 'unused',
        team_id: 'T0DEMO',
        api_app_id: 'A0CHATDASH',
        type: 'event_callback',
        event_id: 'Ev0DEMOHOME',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home', event_ts: '1790000000.000100' },
      },
      signing,
    ),
  );
  const home = slack.home('U0ALICE');
  if (home) {
    post(renderViewForTerminal(home.view as unknown as View));
    await writeFile(join(ctx.out, 'home.json'), `${JSON.stringify(home.view, null, 2)}\n`);
    console.log(`\n  Modal and App Home Block Kit JSON: ${join(ctx.out, 'subscribe-modal.json')}, ${join(ctx.out, 'home.json')}`);
  }
}
