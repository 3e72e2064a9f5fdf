/**
 * Everything the Slack UI does with subscriptions and channel bindings, in one place: who may (policy.ts), is it
 * valid (input.ts), what the channel may see (runtime bindings), then the store. The UI layer (modals, the
 * `/chatdash subscriptions` list, App Home, connect/disconnect) only turns Slack payloads into these calls and
 * results into messages: every refusal and failure comes back as a result with a sentence, never as a throw
 * (only a store outage throws, for the UI's generic apology).
 */
import { findProject } from '../config/access.ts';
import type { Config } from '../config/schema.ts';
import type { Requester } from '../jobs/schema.ts';
import type { Log } from '../log.ts';
import { checkChannelAccess } from '../store/channel-access.ts';
import { isStoreError, type Page, type PageRequest, type StateStore, type SubscriptionPatch, userActor } from '../store/store.ts';
import { type CheckedInput, checkSubscriptionInput, type FieldErrors, type SubscriptionInput } from './input.ts';
import { SERVICE_MESSAGES } from './messages.ts';
import { fromConfig, fromRuntime, type Subscription } from './model.ts';
import { canBind, canManage, canSeeEverything, canSubscribe, canUnbind, type Permission, policyActor } from './policy.ts';

export type ServiceFailure =
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'invalid'; message: string; errors: FieldErrors }
  | { ok: false; reason: 'not_found' | 'conflict'; message: string };

export type ServiceResult<T> = { ok: true; value: T } | ServiceFailure;

export { SERVICE_MESSAGES };

export interface SubscriptionServiceDeps {
  config: Config;
  store: StateStore;
  log: Log;
  /** The clock (default: the system clock). */
  now?: () => Date;
}

export interface ChannelSubscriptions {
  /** From the configuration file (read-only), with their last delivery. */
  fromConfig: Subscription[];
  /** Made from Slack: one page. */
  runtime: Page<Subscription>;
}

const refused = (permission: Exclude<Permission, { ok: true }>): ServiceFailure => ({
  ok: false,
  reason: 'refused',
  message: permission.message,
});

export function createSubscriptionService(deps: SubscriptionServiceDeps) {
  const { config, store, log } = deps;
  const now = deps.now ?? (() => new Date());

  /** The projects a channel may see (its YAML and runtime bindings), for whoever asks from there. */
  const channelAccess = (requester: Requester, channel: string) =>
    checkChannelAccess(config, store, { ...requester, channelId: channel, isDirectMessage: false }, log);

  function checkInput(input: SubscriptionInput, allowedProjects: string[]): ServiceResult<CheckedInput> {
    const checked = checkSubscriptionInput(input, { allowedProjects, maxRangeDays: config.defaults.maxRangeDays, now: now() });
    return checked.ok ? checked : { ok: false, reason: 'invalid', message: SERVICE_MESSAGES.invalid, errors: checked.errors };
  }

  /** Store refusals as results (a version conflict, a subscription deleted meanwhile). */
  async function guarded<T>(run: () => Promise<T>): Promise<ServiceResult<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (isStoreError(error, 'not_found')) return { ok: false, reason: 'not_found', message: SERVICE_MESSAGES.notFound };
      if (isStoreError(error, 'version_conflict')) return { ok: false, reason: 'conflict', message: SERVICE_MESSAGES.conflict };
      throw error;
    }
  }

  /** A runtime subscription the requester may manage (owner or admin). */
  async function manageable(requester: Requester, id: string): Promise<ServiceResult<Subscription>> {
    const stored = await store.getSubscription(id);
    if (!stored) return { ok: false, reason: 'not_found', message: SERVICE_MESSAGES.notFound };
    const subscription = fromRuntime(stored);
    const permission = canManage(policyActor(config, requester.userId), subscription);
    return permission.ok ? { ok: true, value: subscription } : refused(permission);
  }

  return {
    /** Subscribes the requester's channel (the requester owns it). */
    async subscribe(requester: Requester, input: SubscriptionInput): Promise<ServiceResult<Subscription>> {
      if (requester.isDirectMessage) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.dmSubscribe };
      const access = await checkChannelAccess(config, store, requester, log);
      const permission = canSubscribe(access, { project: input.project?.trim(), projects: input.projects });
      if (!permission.ok) return refused(permission);
      const checked = checkInput(input, access.ok ? access.projects.map((p) => p.key) : []);
      if (!checked.ok) return checked;
      const created = await store.createSubscription(
        { ...checked.value, channel: requester.channelId, owner: requester.userId },
        userActor(requester.userId),
      );
      return { ok: true, value: fromRuntime(created) };
    },

    /** Edits settings (owner or admin), from the version the modal was opened with. */
    async update(
      requester: Requester,
      id: string,
      input: SubscriptionInput,
      expectedVersion: number,
    ): Promise<ServiceResult<Subscription>> {
      const found = await manageable(requester, id);
      if (!found.ok) return found;
      const access = await channelAccess(requester, found.value.channel);
      const checked = checkInput(input, access.ok ? access.projects.map((p) => p.key) : []);
      if (!checked.ok) return checked;
      const v = checked.value;
      const patch: SubscriptionPatch = {
        ...(v.project !== undefined ? { project: v.project } : {}),
        ...(v.projects !== undefined ? { projects: v.projects } : {}),
        schedule: v.schedule,
        timeZone: v.timeZone,
        period: v.period,
        locale: v.locale ?? null,
        currencyDisplay: v.currencyDisplay ?? null,
        sections: v.sections ?? null,
      };
      return guarded(async () => fromRuntime(await store.updateSubscription(id, patch, userActor(requester.userId), expectedVersion)));
    },

    async pause(requester: Requester, id: string, expectedVersion?: number): Promise<ServiceResult<Subscription>> {
      const found = await manageable(requester, id);
      if (!found.ok) return found;
      return guarded(async () => fromRuntime(await store.pauseSubscription(id, 'user', userActor(requester.userId), expectedVersion)));
    },

    async resume(requester: Requester, id: string, expectedVersion?: number): Promise<ServiceResult<Subscription>> {
      const found = await manageable(requester, id);
      if (!found.ok) return found;
      return guarded(async () => fromRuntime(await store.resumeSubscription(id, userActor(requester.userId), expectedVersion)));
    },

    async remove(requester: Requester, id: string, expectedVersion?: number): Promise<ServiceResult<Subscription>> {
      const found = await manageable(requester, id);
      if (!found.ok) return found;
      return guarded(async () => fromRuntime(await store.deleteSubscription(id, userActor(requester.userId), expectedVersion)));
    },

    /** A channel's subscriptions, both kinds, for anyone who may query there (`/chatdash subscriptions`). */
    async listForChannel(requester: Requester, page?: PageRequest): Promise<ServiceResult<ChannelSubscriptions>> {
      const access = await checkChannelAccess(config, store, requester, log);
      if (!access.ok) return { ok: false, reason: 'refused', message: access.message };
      const visible = new Set(access.projects.map((p) => p.key));
      // An overview shows only projects its channel may see, so anyone who may query there may see it listed.
      const declared = config.subscriptions.filter(
        (s) => s.channel === requester.channelId && (s.project === undefined || visible.has(s.project)),
      );
      const fromYaml = await Promise.all(
        declared.map(async (s) => fromConfig(config, s, { now: now(), lastDelivery: await store.configDelivery(s.name) })),
      );
      const runtime = await guarded(() => store.listByChannel(requester.channelId, page));
      if (!runtime.ok) return runtime;
      return {
        ok: true,
        value: { fromConfig: fromYaml, runtime: { ...runtime.value, items: runtime.value.items.map(fromRuntime) } },
      };
    },

    /** The subscriptions a person created (their App Home). */
    async listMine(userId: string, page?: PageRequest): Promise<ServiceResult<Page<Subscription>>> {
      return guarded(async () => {
        const found = await store.listByOwner(userId, page);
        return { ...found, items: found.items.map(fromRuntime) };
      });
    },

    /** Every subscription (admins' App Home): the configuration's on the first page, then runtime ones by project. */
    async listAll(
      requester: Requester,
      page?: PageRequest,
    ): Promise<ServiceResult<{ fromConfig: Subscription[]; runtime: Page<Subscription> }>> {
      const permission = canSeeEverything(policyActor(config, requester.userId));
      if (!permission.ok) return refused(permission);
      const fromYaml = page?.cursor
        ? []
        : await Promise.all(
            config.subscriptions.map(async (s) => fromConfig(config, s, { now: now(), lastDelivery: await store.configDelivery(s.name) })),
          );
      const runtime = await guarded(() => store.listAll(page));
      if (!runtime.ok) return runtime;
      return { ok: true, value: { fromConfig: fromYaml, runtime: { ...runtime.value, items: runtime.value.items.map(fromRuntime) } } };
    },

    /** Connects the requester's channel to a project (admins). Idempotent: `created` is false if it already was. */
    async connect(requester: Requester, projectWord: string): Promise<ServiceResult<{ project: string; created: boolean }>> {
      const permission = canBind(policyActor(config, requester.userId));
      if (!permission.ok) return refused(permission);
      if (requester.isDirectMessage) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.dmConnect };
      const project = findProject(config, projectWord);
      if (!project) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.unknownProject };
      if (config.channels.some((b) => b.channel === requester.channelId && b.projects.includes(project.key))) {
        return { ok: true, value: { project: project.key, created: false } };
      }
      const bound = await store.bindChannel(requester.channelId, project.key, userActor(requester.userId));
      return { ok: true, value: { project: project.key, created: bound.created } };
    },

    /**
     * Disconnects the requester's channel from a project (admins). Without a project word, the channel's only
     * runtime binding. Bindings from the configuration file stay (read-only from Slack). Subscriptions of the
     * channel to that project stop at their next run (the worker pauses them, telling their owners).
     */
    async disconnect(requester: Requester, projectWord?: string): Promise<ServiceResult<{ project: string }>> {
      const actor = policyActor(config, requester.userId);
      if (!actor.isAdmin) return refused(canBind(actor) as Exclude<Permission, { ok: true }>);
      if (requester.isDirectMessage) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.dmConnect };
      const runtime = await store.bindingsOf(requester.channelId);
      let key: string | undefined;
      if (projectWord === undefined || projectWord.trim() === '') {
        if (runtime.length !== 1) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.whichProject };
        key = runtime[0]?.project;
      } else {
        key = findProject(config, projectWord)?.key ?? projectWord.trim().toLowerCase();
      }
      if (key === undefined) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.whichProject };
      const source = config.channels.some((b) => b.channel === requester.channelId && b.projects.includes(key)) ? 'config' : 'runtime';
      if (!canUnbind(actor, source).ok) return { ok: false, reason: 'refused', message: SERVICE_MESSAGES.configBinding };
      const removed = await store.unbindChannel(requester.channelId, key, userActor(requester.userId));
      return removed ? { ok: true, value: { project: key } } : { ok: false, reason: 'refused', message: SERVICE_MESSAGES.notConnected };
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
