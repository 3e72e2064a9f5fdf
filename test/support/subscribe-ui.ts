/**
 * A person using the subscription UI through the real HTTP handler and the Slack double: `/chatdash subscribe` (the
 * modal Slack opens), changing a menu that reshapes it, submitting it, `/chatdash subscriptions` and its buttons, the
 * App Home and its buttons. Every request is signed as Slack signs it; what Slack would show comes from the double.
 */
import { expect } from 'vitest';
import type { HttpHandler } from '../../src/slack/http-handler.ts';
import { eventsApiEvent, interactionEvent, slashCommandEvent } from '../../src/slack-double/requests.ts';
import type { SlackDouble } from '../../src/slack-double/server.ts';
import { type Answers, formState, viewButtons } from './modal.ts';
import {
  appHomeOpenedPayload,
  blockActionsPayload,
  homeActionPayload,
  modalActionPayload,
  type OpenView,
  viewSubmissionPayload,
} from './payloads.ts';

/** What the UI needs of a test bot: its HTTP handler and its Slack double. */
export interface UiBot {
  http: HttpHandler;
  slack: SlackDouble;
}

export interface Person {
  user?: string;
  channel?: string;
}

type Json = Record<string, unknown>;

async function send(bot: UiBot, event: Parameters<HttpHandler>[0]): Promise<{ status: number; body: string; json: Json | undefined }> {
  const response = (await bot.http(event)) as { statusCode: number; body?: string };
  const body = response.body ?? '';
  let json: Json | undefined;
  try {
    json = body ? (JSON.parse(body) as Json) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, body, json };
}

/** `/chatdash <text>` typed by `who` (Alice in #acme by default); the ack's message. */
export async function slash(bot: UiBot, text: string, who: Person = {}, responseUrlId?: string) {
  const answer = await send(
    bot,
    slashCommandEvent({
      text,
      user_id: who.user ?? 'U0ALICE',
      channel_id: who.channel ?? 'C0ACME',
      channel_name: (who.channel ?? 'C0ACME').toLowerCase(),
      response_url: bot.slack.responseUrl(responseUrlId),
      trigger_id: bot.slack.issueTrigger(),
    }),
  );
  expect(answer.status).toBe(200);
  return answer;
}

/** `/chatdash subscribe …`: the modal Slack opened (the latest one). */
export async function openSubscribe(bot: UiBot, text = 'subscribe', who: Person = {}): Promise<OpenView> {
  const before = bot.slack.views().length;
  const answer = await slash(bot, text, who);
  expect(answer.body, 'the ack of a command that opens a modal is empty').toBe('');
  const views = bot.slack.views();
  expect(views.length).toBe(before + 1);
  return views.at(-1)!;
}

/**
 * The modal after choosing `value` in the menu of `block` (which rebuilds it through views.update); `typed`: what the
 * person had typed in the other fields meanwhile (sent in the view's state, as Slack does).
 */
export async function chooseInModal(
  bot: UiBot,
  open: OpenView,
  block: string,
  value: string,
  who: Person & { typed?: Answers } = {},
): Promise<OpenView> {
  const element = ((open.view.blocks as Json[]).find((b) => b.block_id === block)?.element ?? {}) as Json;
  const values = formState(open, { ...who.typed, [block]: value });
  const answer = await send(
    bot,
    interactionEvent(
      modalActionPayload({
        view: open,
        values,
        action: { block_id: block, action_id: String(element.action_id), selected: value },
        ...(who.user ? { user: who.user } : {}),
      }),
    ),
  );
  expect(answer.status).toBe(200);
  const updated = bot.slack.views().find((v) => v.id === open.id)!;
  expect(updated.hash, 'views.update replaced the modal').not.toBe(open.hash);
  return updated;
}

/** Submits the modal with `answers` over its initial values; the ack's body (undefined: the modal closes). */
export async function submitModal(bot: UiBot, open: OpenView, answers: Answers = {}, who: Person = {}): Promise<Json | undefined> {
  const answer = await send(
    bot,
    interactionEvent(viewSubmissionPayload({ view: open, values: formState(open, answers), ...(who.user ? { user: who.user } : {}) })),
  );
  expect(answer.status).toBe(200);
  return answer.json;
}

/** A click on a list message's button (the list is ephemeral: its buttons carry a response_url). */
export async function clickInList(
  bot: UiBot,
  button: { action_id: string; value: string },
  who: Person & { responseUrlId?: string; actionTs?: string } = {},
) {
  const answer = await send(
    bot,
    interactionEvent(
      blockActionsPayload({
        button,
        messageTs: '1790000000.000100',
        channel: who.channel ?? 'C0ACME',
        user: who.user ?? 'U0ALICE',
        responseUrl: bot.slack.responseUrl(who.responseUrlId),
        ephemeral: true,
        ...(who.actionTs ? { actionTs: who.actionTs } : {}),
      }),
    ),
  );
  expect(answer.status).toBe(200);
  return answer;
}

/** A click on a button of someone's App Home. */
export async function clickOnHome(bot: UiBot, button: { action_id: string; value: string }, who: Person & { actionTs?: string } = {}) {
  const answer = await send(
    bot,
    interactionEvent(
      homeActionPayload({
        button,
        user: who.user ?? 'U0ALICE',
        triggerId: bot.slack.issueTrigger(),
        ...(who.actionTs ? { actionTs: who.actionTs } : {}),
      }),
    ),
  );
  expect(answer.status).toBe(200);
  return answer;
}

/** Opens the App Home tab as `user`; the view published for them. */
export async function openHome(bot: UiBot, user = 'U0ALICE') {
  const answer = await send(bot, eventsApiEvent(appHomeOpenedPayload({ user })));
  expect(answer.status).toBe(200);
  return bot.slack.home(user);
}

/** The buttons of a message or view whose value names `subscription` (its row), by their text. */
export function rowButtons(message: Json | undefined, subscription: string): Record<string, { action_id: string; value: string }> {
  const rows = viewButtons(message ?? {}).filter((b) => b.value.includes(`"${subscription}"`));
  return Object.fromEntries(rows.map((b) => [b.text, { action_id: b.action_id, value: b.value }]));
}
