/**
 * What the alerts UI does once a listener has Slack's request: open the alert modal, reshape it when the metric or
 * the condition changes, save it (or say inline what to fix), list a channel's alerts, act on their buttons (mute, unmute, pause,
 * resume, delete, open the edit modal), add the recommended alerts; then tell the channel (one short announcement),
 * refresh what the person was looking at (the list through its response_url, or their App Home) and, when the
 * channel can't be told, tell the person.
 *
 * Permissions are the subscriptions' (`src/subscriptions/policy.ts`): anyone who may query a project in a channel may
 * set up an alert there on it; changing one belongs to its owner and admins. Validation is the alert model's (zod,
 * on write and on read in the store), and every change is logged by the store (actor, action, before/after). Edits
 * and clicks carry the definition version they started from: a change made meanwhile is refused, and said so.
 *
 * Loaded with `import()` by the listeners (`load-alert-ui.ts`), never on the HTTP function's cold start.
 */
import type { WebClient } from '@slack/web-api';
import { editAlert, muteAlert, newAlert, setPaused } from '../../alerts/lifecycle.ts';
import type { AlertDefinition, StoredAlert } from '../../alerts/model.ts';
import type { AlertPage, AlertStore } from '../../alerts/store.ts';
import { findProject } from '../../config/access.ts';
import type { ProjectConfig } from '../../config/schema.ts';
import { textMessage } from '../../digest/blocks.ts';
import type { Requester } from '../../jobs/schema.ts';
import { errorFields } from '../../log.ts';
import { checkChannelAccess } from '../../store/channel-access.ts';
import { canManage, canSubscribe, policyActor } from '../../subscriptions/policy.ts';
import type { ListenerContext } from '../listeners/context.ts';
import { type EphemeralMessage, notice } from '../messages.ts';
import { notAnnounced } from '../subscriptions/messages.ts';
import { noticeModal } from '../subscriptions/modal.ts';
import { ACK_PATH_MS, withinMs } from '../time-limit.ts';
import { type ClickPlace, home, postTo, respondTo, tellClicker } from '../ui-replies.ts';
import { userTimeZone } from '../user-time-zone.ts';
import { type AlertChange, alertAnnouncement, alertConfirmation, recommendedAnnouncement } from './announce.ts';
import {
  ALERT_BLOCK,
  type AlertFormErrors,
  alertBlockErrors,
  alertFormInput,
  alertFormValuesOf,
  defaultAlertValues,
  placeAlertErrors,
  readAlertForm,
} from './form.ts';
import type { AlertOp } from './ids.ts';
import { ALERT_LIST_ROWS, alertListMessage } from './list.ts';
import { ALERT_UI_MESSAGES } from './messages.ts';
import { alertForm } from './modal.ts';
import { recommendedAlertId, recommendedAlerts } from './recommended.ts';
import { reshapeValues } from './reshape.ts';
import {
  type AlertButtonValue,
  type AlertFormMetadata,
  decodeAlertFormMetadata,
  encodeAlertFormMetadata,
  type RecommendValue,
} from './values.ts';

/** Mute 24 h. */
export const MUTE_HOURS = 24;

/** A view_submission's answer: inline errors, another view, or nothing (the modal closes); then what comes after. */
export interface AlertFormOutcome {
  ack?: { response_action: 'errors'; errors: Record<string, string> } | { response_action: 'update'; view: ReturnType<typeof noticeModal> };
  after?: () => Promise<void>;
}

const notSaved = (message: string): AlertFormOutcome => ({ ack: { response_action: 'update', view: noticeModal('Not saved', message) } });

/**
 * The store refused a change made from an older version (`AlertConflictError`). By name as well as class: this UI is
 * a bundle of its own, and the store it is handed may throw another bundle's class.
 */
export const isAlertConflict = (error: unknown): boolean => error instanceof Error && error.name === 'AlertConflictError';
const isAlertExists = (error: unknown): boolean => error instanceof Error && error.name === 'AlertExistsError';

/** The projects `requester`'s channel may see. */
async function channelAccess(ctx: ListenerContext, requester: Requester) {
  return checkChannelAccess(ctx.config, ctx.bindings ?? ctx.store, requester, ctx.log);
}

/** `/chatdash alert [project]`: the modal, opened within the trigger's 3 s; an ephemeral answer only when it can't be. */
export async function openAlertModal(
  ctx: ListenerContext,
  request: { requester: Requester; projects: readonly ProjectConfig[]; word?: string | undefined; triggerId: string; client: WebClient },
): Promise<EphemeralMessage | undefined> {
  const { requester } = request;
  if (requester.isDirectMessage) return notice(ALERT_UI_MESSAGES.dmAlert);
  if (!ctx.alerts) return notice(ALERT_UI_MESSAGES.noStore);
  if (request.projects.length === 0) return notice(ALERT_UI_MESSAGES.noProjects);
  const named = request.word === undefined ? undefined : findProject(ctx.config, request.word, request.projects);
  const timeZone = await userTimeZone(request.client, requester.userId, ctx.config.defaults.timeZone, ctx.log);
  const view = alertForm({
    mode: 'create',
    channel: requester.channelId,
    projects: request.projects,
    values: defaultAlertValues({ timeZone, project: named?.key ?? request.projects[0]?.key }),
    metadata: encodeAlertFormMetadata({ v: 1, team: requester.teamId, channel: requester.channelId, from: 'command' }),
  });
  try {
    await withinMs(request.client.views.open({ trigger_id: request.triggerId, view }), ACK_PATH_MS.view, 'views.open');
  } catch (error) {
    ctx.log('warn', 'alert.modal_failed', errorFields(error));
    return notice(ALERT_UI_MESSAGES.modalFailed);
  }
  ctx.log('info', 'alert.modal_opened', { channel: requester.channelId, user: requester.userId });
  return undefined;
}

export interface AlertFormSubmission {
  /** The team Slack says the person is in. */
  teamId?: string | undefined;
  userId: string;
  /** The view as Slack sends it back (`blocks`: what it showed, so errors land under blocks it has). */
  view: { private_metadata?: string | undefined; state?: { values?: unknown } | undefined; blocks?: unknown };
}

/** The input block ids a submitted view shows, or undefined when it doesn't say (untrusted: read defensively). */
function shownBlocks(blocks: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const ids = new Set<string>();
  for (const block of blocks.slice(0, 100)) {
    const id: unknown = typeof block === 'object' && block !== null ? (block as { block_id?: unknown }).block_id : undefined;
    if (typeof id === 'string') ids.add(id.slice(0, 255));
  }
  return ids;
}

/** The modal in which a menu that reshapes it (metric, condition) changed (a `block_actions` from inside the view). */
export interface AlertFormChange {
  teamId?: string | undefined;
  userId: string;
  view: { id: string; hash?: string | undefined; private_metadata?: string | undefined; state?: { values?: unknown } | undefined };
}

/**
 * A new metric or condition chosen in the alert modal: the modal rebuilt in that shape from what it holds now and put
 * back with `views.update` and the view's hash (an out-of-date update fails instead of undoing a newer one). The
 * fields that stay keep their block and action ids and get what was typed as their initial values, so Slack keeps
 * them; what was typed in fields that go is kept in the metadata and put back when they return (reshape.ts). No
 * store, no ChatDash call: only the channel's bindings (the projects menu), as when it was opened.
 */
export async function reshapeAlertForm(ctx: ListenerContext, client: WebClient, change: AlertFormChange): Promise<void> {
  const { view } = change;
  const meta = decodeAlertFormMetadata(view.private_metadata);
  let next: ReturnType<typeof alertForm>;
  if (!meta || !change.teamId || change.teamId !== meta.team) {
    next = noticeModal('ChatDash', ALERT_UI_MESSAGES.staleForm);
  } else {
    const access = await channelAccess(ctx, { teamId: meta.team, channelId: meta.channel, userId: change.userId, isDirectMessage: false });
    const { values, kept } = reshapeValues(view.state?.values, meta.kept, defaultAlertValues({ timeZone: ctx.config.defaults.timeZone }));
    next = alertForm({
      mode: meta.edit ? 'edit' : 'create',
      channel: meta.channel,
      // As the edit modal: a channel that lost its projects still shows the chosen one; saving re-checks.
      projects: access.ok ? access.projects : [],
      values,
      metadata: encodeAlertFormMetadata({ ...meta, kept }),
    });
    ctx.log('info', 'alert.modal_reshaped', { metric: values.metric, condition: values.condition, user: change.userId });
  }
  try {
    await withinMs(
      client.views.update({ view_id: view.id, ...(view.hash ? { hash: view.hash } : {}), view: next }),
      ACK_PATH_MS.view,
      'views.update',
    );
  } catch (error) {
    // hash_conflict: a newer update is on its way (the person changed the menu again meanwhile).
    ctx.log('info', 'alert.modal_update_failed', errorFields(error));
  }
}

/** The alert modal submitted: saved (the modal closes), or what to fix under each field, or why not. */
export async function submitAlertForm(ctx: ListenerContext, client: WebClient, submission: AlertFormSubmission): Promise<AlertFormOutcome> {
  const meta = decodeAlertFormMetadata(submission.view.private_metadata);
  if (!meta || (submission.teamId !== undefined && submission.teamId !== meta.team)) return notSaved(ALERT_UI_MESSAGES.staleForm);
  const { alerts } = ctx;
  if (!alerts) return notSaved(ALERT_UI_MESSAGES.noStore);
  const values = readAlertForm(submission.view.state?.values, defaultAlertValues({ timeZone: ctx.config.defaults.timeZone }));
  const requester: Requester = { teamId: meta.team, channelId: meta.channel, userId: submission.userId, isDirectMessage: false };
  const actor = submission.userId;
  const now = ctx.now();
  const shown = shownBlocks(submission.view.blocks);
  const fix = (errors: AlertFormErrors): AlertFormOutcome => ({
    ack: { response_action: 'errors', errors: placeAlertErrors(errors, shown) },
  });
  let saved: StoredAlert;
  try {
    const permission = canSubscribe(await channelAccess(ctx, requester), { project: values.project });
    if (!permission.ok) return { ack: { response_action: 'errors', errors: { [ALERT_BLOCK.project]: permission.message } } };
    const form = alertFormInput(values, { teamId: meta.team, channelId: meta.channel });
    if (!form.ok) return fix(form.errors);
    if (meta.edit) {
      const stored = await alerts.get(meta.edit.id);
      if (!stored) return notSaved(ALERT_UI_MESSAGES.notFound);
      const may = canManage(policyActor(ctx.config, actor), { source: 'runtime', owner: stored.definition.createdBy });
      if (!may.ok) return notSaved(may.message);
      const edited = editAlert(stored, form.input, { actor, now });
      if (!edited.ok) return fix(alertBlockErrors(edited.issues));
      const updated = await alerts.updateDefinition(meta.edit.id, edited.value.definition, actor, {
        expectedVersion: meta.edit.version,
        ...(edited.value.state ? { state: edited.value.state } : {}),
      });
      if (!updated) return notSaved(ALERT_UI_MESSAGES.notFound);
      saved = updated;
    } else {
      const made = newAlert(form.input, { actor, now });
      if (!made.ok) return fix(alertBlockErrors(made.issues));
      saved = await alerts.create(made.value.definition, made.value.state, actor);
    }
  } catch (error) {
    if (isAlertConflict(error)) return notSaved(ALERT_UI_MESSAGES.conflict);
    ctx.log('error', 'alert.save_failed', errorFields(error));
    return notSaved(ALERT_UI_MESSAGES.storeDown);
  }
  return {
    after: () =>
      afterChange(ctx, client, alerts, {
        change: meta.edit ? 'updated' : 'created',
        stored: saved,
        actor,
        teamId: meta.team,
        origin: originOf(meta),
      }),
  };
}

/** Where the person made a change, and so where they hear how it went. */
type Origin = { kind: 'list'; responseUrl: string } | { kind: 'home' } | { kind: 'dm' };

function originOf(where: Pick<AlertFormMetadata, 'from' | 'responseUrl'>): Origin {
  if (where.from === 'home') return { kind: 'home' };
  return where.responseUrl ? { kind: 'list', responseUrl: where.responseUrl } : { kind: 'dm' };
}

interface Change {
  change: AlertChange;
  /** The alert as it is now (as it was, when deleted). */
  stored: StoredAlert;
  actor: string;
  teamId: string;
  origin: Origin;
}

/** Announce a change in its channel, then refresh the person's list or Home; if the channel can't be told, tell them. */
async function afterChange(ctx: ListenerContext, client: WebClient, alerts: AlertStore, done: Change): Promise<void> {
  const { actor } = done;
  const alert = done.stored.definition;
  const problem = await postTo(ctx, client, alert.channelId, alertAnnouncement(done.change, alert, actor, ctx.config), { scope: 'alert' });
  const told = alertConfirmation(done.change, alert, ctx.config);
  const warning = problem ? notAnnounced(alert.channelId, problem, false) : undefined;
  ctx.log('info', 'alert.changed', { change: done.change, alert: alert.id, by: actor, announced: !problem });
  switch (done.origin.kind) {
    case 'list': {
      const requester = { teamId: done.teamId, channelId: alert.channelId, userId: actor, isDirectMessage: false };
      const list = await alertChannelList(ctx, alerts, requester, {
        changed: done.change === 'deleted' ? { deleted: alert.id } : { alert: done.stored },
      });
      await respondTo(ctx, done.origin.responseUrl, { ...list, replace_original: true }, 'alert');
      if (warning) {
        await respondTo(
          ctx,
          done.origin.responseUrl,
          { response_type: 'ephemeral', replace_original: false, ...textMessage(`${told} ${warning}`) },
          'alert',
        );
      }
      return;
    }
    case 'home':
      if (ctx.store)
        await home(ctx, client, ctx.store, { userId: actor, teamId: done.teamId }, { notice: warning ? `${told} ${warning}` : told });
      return;
    case 'dm':
      if (warning) await postTo(ctx, client, actor, `${told} ${warning}`, { scope: 'alert' });
      return;
  }
}

interface AlertListOptions {
  /** A later page (a "Next page" cursor; a refused one throws the store's `bad_cursor`). */
  cursor?: string | undefined;
  /** Just changed: shown as it is now even if the store's index hasn't caught up yet. */
  changed?: { alert: StoredAlert } | { deleted: string };
}

/** `/chatdash alerts` in a channel: a page of its alerts, each with the buttons this person may use. */
export async function alertChannelList(
  ctx: ListenerContext,
  alerts: AlertStore,
  requester: Requester,
  options: AlertListOptions = {},
): Promise<EphemeralMessage> {
  if (requester.isDirectMessage) return notice(ALERT_UI_MESSAGES.dmList);
  const { changed } = options;
  // A page of the store (one index Query, bound to this channel: another channel's cursor is refused), with a row
  // left free for an alert just changed that the index may not show yet.
  const limit = changed && 'alert' in changed ? ALERT_LIST_ROWS - 1 : ALERT_LIST_ROWS;
  const page = patched(
    await alerts.listByChannel(requester.teamId, requester.channelId, { limit, ...(options.cursor ? { cursor: options.cursor } : {}) }),
    changed,
    options.cursor === undefined,
  );
  const actor = policyActor(ctx.config, requester.userId);
  const rows = page.items.map((alert) => ({
    alert,
    manage: canManage(actor, { source: 'runtime', owner: alert.definition.createdBy }).ok,
  }));
  return alertListMessage(
    { channel: requester.channelId, rows, now: ctx.now(), cursor: page.cursor, continued: options.cursor !== undefined },
    ctx.config,
  );
}

/**
 * The store's page with a change it may not show yet (it reads an index that can lag a write): a deleted alert left
 * out, a changed one shown as it is now, one the first page lacks added where it belongs (within the page's ids).
 */
function patched(page: AlertPage, changed: AlertListOptions['changed'], first: boolean): Pick<AlertPage, 'items' | 'cursor'> {
  if (!changed) return page;
  if ('deleted' in changed) return { ...page, items: page.items.filter((a) => a.definition.id !== changed.deleted) };
  const { alert } = changed;
  const id = alert.definition.id;
  if (page.items.some((a) => a.definition.id === id))
    return { ...page, items: page.items.map((a) => (a.definition.id === id ? alert : a)) };
  const last = page.items.at(-1)?.definition.id;
  if (!first || (page.cursor !== undefined && (last === undefined || id > last))) return page;
  return { ...page, items: [...page.items, alert].sort((a, b) => (a.definition.id < b.definition.id ? -1 : 1)) };
}

/** A button of an alert row was clicked. */
export interface AlertClick {
  op: Exclude<AlertOp, 'recommend'>;
  value: AlertButtonValue;
  userId: string;
  teamId: string;
  /** Opens the edit modal (3 s). */
  triggerId: string;
  where: ClickPlace;
}

/** Mute, unmute, pause, resume, delete or edit, if the person may: then the announcement and a fresh list or Home. */
export async function manageAlertClick(ctx: ListenerContext, client: WebClient, click: AlertClick): Promise<void> {
  const tell = (text: string) => tellClicker(ctx, client, click, text, 'alert');
  const { alerts } = ctx;
  if (!alerts) return tell(ALERT_UI_MESSAGES.noStore);
  const actor = click.userId;
  try {
    const stored = await alerts.get(click.value.id);
    if (!stored) return await tell(ALERT_UI_MESSAGES.notFound);
    const may = canManage(policyActor(ctx.config, actor), { source: 'runtime', owner: stored.definition.createdBy });
    if (!may.ok) {
      ctx.log('info', 'alert.click_refused', { op: click.op, alert: click.value.id, user: actor });
      return await tell(may.message);
    }
    if (click.op === 'edit') return await openEdit(ctx, client, stored, click);
    const expectedVersion = click.value.v ?? stored.definitionVersion;
    const options = expectedVersion === undefined ? {} : { expectedVersion };
    const now = ctx.now();
    let change: AlertChange;
    let after: StoredAlert;
    if (click.op === 'delete') {
      if (!(await alerts.delete(stored.definition.id, actor, options))) return await tell(ALERT_UI_MESSAGES.notFound);
      change = 'deleted';
      after = stored;
    } else {
      const next =
        click.op === 'mute' || click.op === 'unmute'
          ? { definition: muteAlert(stored, click.op === 'mute' ? MUTE_HOURS : 0, { actor, now }) }
          : setPaused(stored, click.op === 'pause', { actor, now });
      const updated = await alerts.updateDefinition(stored.definition.id, next.definition, actor, {
        ...options,
        ...('state' in next && next.state ? { state: next.state } : {}),
      });
      if (!updated) return await tell(ALERT_UI_MESSAGES.notFound);
      change = ({ mute: 'muted', unmute: 'unmuted', pause: 'paused', resume: 'resumed' } as const)[click.op];
      after = updated;
    }
    await afterChange(ctx, client, alerts, {
      change,
      stored: after,
      actor,
      teamId: click.teamId,
      origin:
        click.where.kind === 'home'
          ? { kind: 'home' }
          : click.where.responseUrl
            ? { kind: 'list', responseUrl: click.where.responseUrl }
            : { kind: 'dm' },
    });
  } catch (error) {
    if (isAlertConflict(error)) return tell(ALERT_UI_MESSAGES.conflict);
    ctx.log('error', 'alert.click_failed', { op: click.op, ...errorFields(error) });
    await tell(ALERT_UI_MESSAGES.storeDown);
  }
}

/** The edit modal, prefilled with the alert as it is now (its version: a later change makes the save refuse). */
async function openEdit(ctx: ListenerContext, client: WebClient, stored: StoredAlert, click: AlertClick): Promise<void> {
  const { definition } = stored;
  const access = await channelAccess(ctx, {
    teamId: click.teamId,
    channelId: definition.channelId,
    userId: click.userId,
    isDirectMessage: false,
  });
  const projects = access.ok ? access.projects : [];
  const metadata: AlertFormMetadata = {
    v: 1,
    team: click.teamId,
    channel: definition.channelId,
    edit: { id: definition.id, version: stored.definitionVersion ?? 1 },
    from: click.where.kind,
    ...(click.where.kind === 'list' && click.where.responseUrl ? { responseUrl: click.where.responseUrl } : {}),
  };
  const view = alertForm({
    mode: 'edit',
    channel: definition.channelId,
    projects,
    values: alertFormValuesOf(definition),
    metadata: encodeAlertFormMetadata(metadata),
  });
  try {
    await withinMs(client.views.open({ trigger_id: click.triggerId, view }), ACK_PATH_MS.view, 'views.open');
  } catch (error) {
    ctx.log('warn', 'alert.edit_modal_failed', errorFields(error));
    await tellClicker(ctx, client, click, ALERT_UI_MESSAGES.modalFailed, 'alert');
  }
}

/**
 * "Add recommended alerts" (on a connect or subscribe confirmation): each recommended alert this channel doesn't have
 * yet, created with a stable id, so clicking again (or Slack retrying) adds nothing more. Anyone who may query the
 * project in the channel may; the alerts are theirs.
 */
export async function addRecommended(
  ctx: ListenerContext,
  client: WebClient,
  click: { value: RecommendValue; userId: string; teamId: string; responseUrl?: string | undefined },
): Promise<string> {
  const { alerts } = ctx;
  if (!alerts) return ALERT_UI_MESSAGES.noStore;
  const requester: Requester = { teamId: click.teamId, channelId: click.value.channel, userId: click.userId, isDirectMessage: false };
  const permission = canSubscribe(await channelAccess(ctx, requester), { project: click.value.project });
  if (!permission.ok) return permission.message;
  const timeZone = await userTimeZone(client, click.userId, ctx.config.defaults.timeZone, ctx.log);
  const where = { teamId: click.teamId, channelId: click.value.channel, project: click.value.project };
  const added: AlertDefinition[] = [];
  const now = ctx.now();
  for (const recommendation of recommendedAlerts({ ...where, timeZone })) {
    const id = recommendedAlertId(where, recommendation.key);
    if (await alerts.get(id)) continue;
    const made = newAlert(recommendation.input, { actor: click.userId, now, id });
    if (!made.ok) {
      ctx.log('error', 'alert.recommended_invalid', { key: recommendation.key, issues: made.issues.length });
      continue;
    }
    try {
      added.push((await alerts.create(made.value.definition, made.value.state, click.userId)).definition);
    } catch (error) {
      if (!isAlertExists(error)) throw error;
    }
  }
  ctx.log('info', 'alert.recommended', { channel: where.channelId, project: where.project, by: click.userId, added: added.length });
  if (added.length === 0) return 'This channel already has the recommended alerts. `/chatdash alerts` lists them.';
  const problem = await postTo(ctx, client, where.channelId, recommendedAnnouncement(added, where.project, click.userId, ctx.config), {
    scope: 'alert',
  });
  const done = `:white_check_mark: Added ${added.length === 1 ? 'the recommended alert' : `${added.length} recommended alerts`}. \`/chatdash alerts\` lists them, to mute, pause, edit or delete.`;
  return problem ? `${done} ${notAnnounced(where.channelId, problem, false)}` : done;
}
