/**
 * What the subscription UI does once a listener has Slack's request: save the modal (or say inline what to fix),
 * list a channel's subscriptions, act on their buttons (pause, resume, delete, open the edit modal), publish the App
 * Home, connect and disconnect channels; then tell the channel (one short announcement), refresh what the person
 * was looking at (the list message through its response_url, or their App Home) and, when the channel can't be told
 * (the bot isn't in it), tell the person instead.
 *
 * Loaded with `import()` by the listeners, never on the HTTP function's cold start: it brings the subscriptions
 * service (croner, the period parser, the configuration schema) and reaches the state store (whose code, and the
 * AWS SDK, load on its first call). Permissions, validation and the audit log are the service's and the store's.
 */
import type { WebClient } from '@slack/web-api';
import { textMessage } from '../../digest/blocks.ts';
import type { Requester } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import { checkChannelAccess } from '../../store/channel-access.ts';
import type { StateStore } from '../../store/store.ts';
import { fromRuntime, type Subscription } from '../../subscriptions/model.ts';
import { canManage, canSendNow, POLICY_MESSAGES, policyActor } from '../../subscriptions/policy.ts';
import { createSubscriptionService, SERVICE_MESSAGES, type ServiceResult } from '../../subscriptions/service.ts';
import { withRecommendButton } from '../alerts/recommend-button.ts';
import { HOME_CHANNEL_ID } from '../home/page.ts';
import type { ListenerContext } from '../listeners/context.ts';
import { type EphemeralMessage, notice } from '../messages.ts';
import { ACK_PATH_MS, withinMs } from '../time-limit.ts';
import { home, postTo, respondTo, tellClicker } from '../ui-replies.ts';
import { announcement, bindingAnnouncement, confirmation, type SubscriptionChange } from './announce.ts';
import { BLOCK, blockErrors, defaultFormValues, formInput, formValuesOf, readFormState } from './form.ts';
import type { SubscriptionOp } from './ids.ts';
import { channelListMessage, LIST_ROWS, type ListedSubscription } from './list.ts';
import { notAnnounced, UI_MESSAGES } from './messages.ts';
import { noticeModal, subscriptionForm } from './modal.ts';
import { projectLabel } from './rows.ts';
import { type ButtonValue, decodeFormMetadata, encodeFormMetadata, type FormMetadata } from './values.ts';

/** A view_submission's answer: inline errors, another view, or nothing (the modal closes); then what comes after. */
export type FormAck =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: ReturnType<typeof noticeModal> };

export interface FormOutcome {
  ack?: FormAck;
  /** Run after the ack (in Socket Mode the modal is already closed by then): announce, refresh the list or the Home. */
  after?: () => Promise<void>;
}

export interface FormSubmission {
  /** The team Slack says the person is in (payload `team.id` / `user.team_id`). */
  teamId?: string | undefined;
  userId: string;
  view: { private_metadata?: string | undefined; state?: { values?: unknown } | undefined };
}

function serviceOf(ctx: ListenerContext, store: StateStore) {
  return createSubscriptionService({ config: ctx.config, store, log: ctx.log, now: ctx.now });
}

const notSaved = (message: string): FormOutcome => ({ ack: { response_action: 'update', view: noticeModal('Not saved', message) } });

/** The subscribe/edit modal submitted: saved (the modal closes), or what to fix under each field, or why not. */
export async function submitForm(ctx: ListenerContext, client: WebClient, submission: FormSubmission): Promise<FormOutcome> {
  const meta = decodeFormMetadata(submission.view.private_metadata);
  if (!meta || (submission.teamId !== undefined && submission.teamId !== meta.team)) return notSaved(UI_MESSAGES.staleForm);
  const { store } = ctx;
  if (!store) return notSaved(UI_MESSAGES.noStore);
  const values = readFormState(submission.view.state?.values, defaultFormValues({ timeZone: ctx.config.defaults.timeZone }));
  const input = formInput(values);
  const requester: Requester = { teamId: meta.team, channelId: meta.channel, userId: submission.userId, isDirectMessage: false };
  const service = serviceOf(ctx, store);
  let result: ServiceResult<Subscription>;
  try {
    result = meta.edit
      ? await service.update(requester, meta.edit.id, input, meta.edit.version)
      : await service.subscribe(requester, input);
  } catch (error) {
    ctx.log('error', 'subscription.save_failed', errorFields(error));
    return notSaved(UI_MESSAGES.storeDown);
  }
  if (!result.ok) {
    ctx.log('info', 'subscription.not_saved', { reason: result.reason, user: submission.userId, channel: meta.channel });
    if (result.reason === 'invalid') {
      const errors = blockErrors(result.errors, values);
      return { ack: { response_action: 'errors', errors: Object.keys(errors).length > 0 ? errors : { [BLOCK.project]: result.message } } };
    }
    // A refusal about what the channel may see belongs under the project field; the rest (not yours, deleted, changed
    // meanwhile) replaces the form.
    if (result.reason === 'refused' && !meta.edit) {
      return {
        ack: { response_action: 'errors', errors: { [values.coverage === 'several' ? BLOCK.projects : BLOCK.project]: result.message } },
      };
    }
    return notSaved(result.message);
  }
  const saved = result.value;
  return {
    after: () =>
      afterChange(ctx, client, store, {
        change: meta.edit ? 'updated' : 'created',
        subscription: saved,
        actor: submission.userId,
        teamId: meta.team,
        origin:
          meta.from === 'home' ? { kind: 'home' } : meta.responseUrl ? { kind: 'list', responseUrl: meta.responseUrl } : { kind: 'dm' },
      }),
  };
}

/** Where the person made a change, and so where they hear how it went. */
type Origin = { kind: 'list'; responseUrl: string } | { kind: 'home' } | { kind: 'dm' };

interface Change {
  change: SubscriptionChange;
  subscription: Subscription;
  actor: string;
  teamId: string;
  origin: Origin;
}

/** Announce a change in its channel, then refresh the person's list or Home; if the channel can't be told, tell them. */
async function afterChange(ctx: ListenerContext, client: WebClient, store: StateStore, done: Change): Promise<void> {
  const { subscription, actor } = done;
  const text = announcement(done.change, subscription, actor, ctx.config);
  // A new digest of one project: the alerts worth having beside it, one click away (when alerts are set up here).
  const offer = done.change === 'created' && ctx.alerts && subscription.project && !subscription.projects;
  const blocks = offer && subscription.project ? withRecommendButton(text, subscription.channel, subscription.project) : undefined;
  const problem = await postTo(ctx, client, subscription.channel, text, blocks ? { blocks } : {});
  const told = confirmation(done.change, subscription, ctx.config);
  const warning = problem ? notAnnounced(subscription.channel, problem, done.change !== 'deleted') : undefined;
  ctx.log('info', 'subscription.changed', { change: done.change, subscription: subscription.id, by: actor, announced: !problem });
  switch (done.origin.kind) {
    case 'list': {
      const list = await channelList(
        ctx,
        store,
        { teamId: done.teamId, channelId: subscription.channel, userId: actor, isDirectMessage: false },
        {
          changed: done.change === 'deleted' ? { deleted: subscription.id } : { subscription },
        },
      );
      await respondTo(ctx, done.origin.responseUrl, { ...list, replace_original: true });
      if (warning)
        await respondTo(ctx, done.origin.responseUrl, {
          response_type: 'ephemeral',
          replace_original: false,
          ...textMessage(`${told} ${warning}`),
        });
      return;
    }
    case 'home':
      await home(ctx, client, store, { userId: actor, teamId: done.teamId }, { notice: warning ? `${told} ${warning}` : told });
      return;
    case 'dm':
      if (warning) await postTo(ctx, client, actor, `${told} ${warning}`);
      return;
  }
}

interface ListOptions {
  /** A later page of the store's list (no configuration rows on it). */
  cursor?: string | undefined;
  /** Just changed: shown as it is now even if the store's index hasn't caught up yet. */
  changed?: { subscription: Subscription } | { deleted: string };
}

/** `/chatdash subscriptions` in a channel: its subscriptions, each with the buttons this person may use. */
export async function channelList(
  ctx: ListenerContext,
  store: StateStore,
  requester: Requester,
  options: ListOptions = {},
): Promise<EphemeralMessage> {
  if (requester.isDirectMessage) return notice(UI_MESSAGES.dmList);
  const configured = ctx.config.subscriptions.filter((s) => s.channel === requester.channelId).length;
  const limit = options.cursor ? LIST_ROWS : Math.max(1, LIST_ROWS - configured);
  const [listed, access] = await Promise.all([
    serviceOf(ctx, store).listForChannel(requester, { limit, ...(options.cursor ? { cursor: options.cursor } : {}) }),
    checkChannelAccess(ctx.config, ctx.bindings ?? store, requester, ctx.log),
  ]);
  if (!listed.ok) return notice(listed.message);
  const runtime = patched(listed.value.runtime.items, options.changed);
  const actor = policyActor(ctx.config, requester.userId);
  const rows: ListedSubscription[] = [...(options.cursor ? [] : listed.value.fromConfig), ...runtime].map((subscription) => ({
    subscription,
    buttons: {
      sendNow: canSendNow(actor, subscription, requester.channelId, access).ok,
      manage: canManage(actor, subscription).ok,
    },
  }));
  return channelListMessage(
    { channel: requester.channelId, rows, cursor: listed.value.runtime.cursor, continued: options.cursor !== undefined },
    ctx.config,
  );
}

/** The store's page with a change it may not show yet (a listing reads an index that can lag a write). */
function patched(items: Subscription[], changed: ListOptions['changed']): Subscription[] {
  if (!changed) return items;
  if ('deleted' in changed) return items.filter((s) => s.id !== changed.deleted);
  return items.map((s) => (s.id === changed.subscription.id ? changed.subscription : s));
}

/** A button of a subscription row was clicked (not Send now, which goes to the worker). */
export interface ManageClick {
  op: Exclude<SubscriptionOp, 'send_now'>;
  value: ButtonValue;
  userId: string;
  teamId: string;
  /** Opens the edit modal (3 s). */
  triggerId: string;
  /** A list message in a channel (its response_url), or the App Home. */
  where: { kind: 'list'; channel: string; responseUrl?: string | undefined } | { kind: 'home' };
}

/** Pause, resume, delete or edit, if the person may: then the announcement and a fresh list or Home. */
export async function manageClick(ctx: ListenerContext, client: WebClient, click: ManageClick): Promise<void> {
  const { store } = ctx;
  const tell = (text: string) => tellClicker(ctx, client, click, text);
  if (!store) return tell(UI_MESSAGES.noStore);
  if (click.value.s === 'config') return tell(POLICY_MESSAGES.read_only);
  const requester: Requester = {
    teamId: click.teamId,
    channelId: click.where.kind === 'list' ? click.where.channel : HOME_CHANNEL_ID,
    userId: click.userId,
    isDirectMessage: click.where.kind === 'home',
  };
  try {
    if (click.op === 'edit') return await openEdit(ctx, client, store, click);
    const service = serviceOf(ctx, store);
    const id = click.value.id;
    const result =
      click.op === 'pause'
        ? await service.pause(requester, id)
        : click.op === 'resume'
          ? await service.resume(requester, id)
          : await service.remove(requester, id);
    if (!result.ok) {
      ctx.log('info', 'subscription.click_refused', { op: click.op, subscription: id, user: click.userId, reason: result.reason });
      return await tell(result.message);
    }
    const change: SubscriptionChange = click.op === 'pause' ? 'paused' : click.op === 'resume' ? 'resumed' : 'deleted';
    const origin: Origin =
      click.where.kind === 'home'
        ? { kind: 'home' }
        : click.where.responseUrl
          ? { kind: 'list', responseUrl: click.where.responseUrl }
          : { kind: 'dm' };
    await afterChange(ctx, client, store, { change, subscription: result.value, actor: click.userId, teamId: click.teamId, origin });
  } catch (error) {
    ctx.log('error', 'subscription.click_failed', { op: click.op, ...errorFields(error) });
    await tell(UI_MESSAGES.storeDown);
  }
}

/** The edit modal, prefilled with the subscription as it is now (its version: a later change makes the save refuse). */
async function openEdit(ctx: ListenerContext, client: WebClient, store: StateStore, click: ManageClick): Promise<void> {
  const tell = (text: string) => tellClicker(ctx, client, click, text);
  const stored = await store.getSubscription(click.value.id);
  if (!stored) return tell(SERVICE_MESSAGES.notFound);
  const subscription = fromRuntime(stored);
  const permission = canManage(policyActor(ctx.config, click.userId), subscription);
  if (!permission.ok) return tell(permission.message);
  const access = await checkChannelAccess(
    ctx.config,
    ctx.bindings ?? store,
    { teamId: click.teamId, channelId: subscription.channel, userId: click.userId, isDirectMessage: false },
    ctx.log,
  );
  const metadata: FormMetadata = {
    v: 1,
    team: click.teamId,
    channel: subscription.channel,
    edit: { id: subscription.id, version: subscription.version ?? 1 },
    from: click.where.kind,
    ...(click.where.kind === 'list' && click.where.responseUrl ? { responseUrl: click.where.responseUrl } : {}),
  };
  const view = subscriptionForm({
    mode: 'edit',
    channel: subscription.channel,
    projects: access.ok ? access.projects : [],
    values: formValuesOf(subscription),
    metadata: encodeFormMetadata(metadata),
    defaultLocale: ctx.config.defaults.locale,
  });
  try {
    await withinMs(client.views.open({ trigger_id: click.triggerId, view }), ACK_PATH_MS.view, 'views.open');
  } catch (error) {
    ctx.log('warn', 'subscription.edit_modal_failed', errorFields(error));
    await tell(UI_MESSAGES.modalFailed);
  }
}

export { home };

/** `/chatdash connect <project>` (admins): the channel's new binding, announced to it. */
export async function connectChannel(
  ctx: ListenerContext,
  client: WebClient,
  requester: Requester,
  word: string,
): Promise<EphemeralMessage> {
  if (!ctx.store) return notice(UI_MESSAGES.noStore);
  const result = await serviceOf(ctx, ctx.store).connect(requester, word);
  if (!result.ok) return notice(result.message);
  const { project, created } = result.value;
  const name = projectLabel(ctx.config, project);
  if (!created) return notice(`This channel is already connected to *${name}* (\`${project}\`).`);
  const problem = await postTo(ctx, client, requester.channelId, bindingAnnouncement('connected', project, requester.userId, ctx.config));
  const stays = `It is kept beside the configuration\u2019s bindings; \`/chatdash disconnect ${project}\` removes it.`;
  const done = notice(`:white_check_mark: Connected this channel to *${name}*. ${stays}${problem ? ` ${problem}` : ''}`);
  // The alerts worth having on a newly connected project, one click away (when alerts are set up here).
  return ctx.alerts ? { ...done, blocks: withRecommendButton(done.text, requester.channelId, project) } : done;
}

/** `/chatdash disconnect [project]` (admins): a binding made from Slack removed (the configuration's stay). */
export async function disconnectChannel(
  ctx: ListenerContext,
  client: WebClient,
  requester: Requester,
  word: string | undefined,
): Promise<EphemeralMessage> {
  if (!ctx.store) return notice(UI_MESSAGES.noStore);
  const result = await serviceOf(ctx, ctx.store).disconnect(requester, word);
  if (!result.ok) return notice(result.message);
  const { project } = result.value;
  const name = projectLabel(ctx.config, project);
  await postTo(ctx, client, requester.channelId, bindingAnnouncement('disconnected', project, requester.userId, ctx.config));
  return notice(`:white_check_mark: Disconnected this channel from *${name}*.`);
}
