/**
 * How the management UIs (subscriptions, alerts) answer after a change: a short post in a channel (or a person's DM
 * with the app), a reply through a click's response_url, and a fresh App Home. Each within the ack path's time
 * budget; a failure is logged (`<scope>.announce_failed`, `<scope>.respond_failed`, `home.publish_failed`) and, for a
 * post, said in words for the person instead.
 */
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AlertStore } from '../alerts/store.ts';
import { textMessage } from '../digest/blocks.ts';
import { errorFields } from '../log.ts';
import type { StateStore } from '../store/store.ts';
import { describeChannelError, slackErrorCode } from '../worker/failures.ts';
import { createResponder } from '../worker/respond.ts';
import { publishHome } from './home/publish.ts';
import type { ListenerContext } from './listeners/context.ts';
import { ACK_PATH_MS, withinMs } from './time-limit.ts';

export type UiScope = 'subscription' | 'alert';

const respond = createResponder();

/** Posts `text` (safe mrkdwn; with `blocks` when given) to a channel or a person; the problem in words, or undefined. */
export async function postTo(
  ctx: Pick<ListenerContext, 'log'>,
  client: WebClient,
  channel: string,
  text: string,
  options: { scope?: UiScope; blocks?: KnownBlock[] } = {},
): Promise<string | undefined> {
  try {
    await withinMs(
      client.chat.postMessage({
        channel,
        ...textMessage(text),
        ...(options.blocks ? { blocks: options.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
      ACK_PATH_MS.message,
      'chat.postMessage',
    );
    return undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    ctx.log('warn', `${options.scope ?? 'subscription'}.announce_failed`, { channel, ...errorFields(error) });
    return code ? describeChannelError(code, channel) : 'Slack didn\u2019t answer in time.';
  }
}

/** A message through a response_url (a list replaced, an ephemeral line beside it). */
export async function respondTo(
  ctx: Pick<ListenerContext, 'log'>,
  responseUrl: string,
  message: Record<string, unknown>,
  scope: UiScope = 'subscription',
): Promise<void> {
  try {
    await withinMs(respond(responseUrl, message), ACK_PATH_MS.message, 'response_url');
  } catch (error) {
    ctx.log('warn', `${scope}.respond_failed`, errorFields(error));
  }
}

/** Publishes a person's App Home (on opening it, after a click, for a "Next page"). */
export async function home(
  ctx: Pick<ListenerContext, 'config' | 'log' | 'now' | 'alerts'>,
  client: WebClient,
  store: StateStore,
  who: { userId: string; teamId: string },
  options: { notice?: string; pages?: Record<string, string> } = {},
): Promise<void> {
  try {
    const alerts: AlertStore | undefined = ctx.alerts;
    await publishHome({ config: ctx.config, store, log: ctx.log, now: ctx.now, ...(alerts ? { alerts } : {}), ...who }, client, options);
  } catch (error) {
    ctx.log('warn', 'home.publish_failed', { user: who.userId, ...errorFields(error) });
  }
}

/** Where a person clicked a management button: a list message in a channel (its response_url), or their App Home. */
export type ClickPlace = { kind: 'list'; channel: string; responseUrl?: string | undefined } | { kind: 'home' };

/** A refusal or failure for whoever clicked: beside the list (ephemeral), on top of their App Home, else in a DM. */
export async function tellClicker(
  ctx: Pick<ListenerContext, 'config' | 'log' | 'now' | 'alerts' | 'store'>,
  client: WebClient,
  click: { where: ClickPlace; userId: string; teamId: string },
  text: string,
  scope: UiScope = 'subscription',
): Promise<void> {
  if (click.where.kind === 'list' && click.where.responseUrl) {
    await respondTo(ctx, click.where.responseUrl, { response_type: 'ephemeral', replace_original: false, ...textMessage(text) }, scope);
  } else if (ctx.store && click.where.kind === 'home') {
    await home(ctx, client, ctx.store, { userId: click.userId, teamId: click.teamId }, { notice: `:warning: ${text}` });
  } else {
    await postTo(ctx, client, click.userId, text, { scope });
  }
}
