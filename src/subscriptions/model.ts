/**
 * One model of a subscription for both kinds: those declared in the YAML configuration (`source: 'config'`,
 * read-only from Slack, shown as "from configuration") and those made from Slack and kept in the state store
 * (`source: 'runtime'`). Lists, the worker and the UI all speak this model. Pure.
 */
import type { Config, SubscriptionConfig } from '../config/schema.ts';
import { nextRunAfter } from '../schedule/next-run.ts';
import type { Delivery, Pause, RuntimeSubscription, SubscriptionRef, SubscriptionSettings } from '../store/store.ts';

/**
 * The settings (one `project`, or `projects`: a list or `all`, for the agency overview; channel, 5-field cron read in
 * `timeZone`, period, and optional locale, currency display and sections: unset means the configuration's defaults)
 * and, for runtime ones, their state. What it covers is answered by `coveredProjects` (target.ts).
 */
export interface Subscription extends SubscriptionSettings {
  source: 'config' | 'runtime';
  /** Config: the name in the YAML file; runtime: `sub_…`. */
  id: string;
  /** Who may edit, pause and delete it besides admins (runtime only). */
  owner?: string;
  createdAt?: string;
  updatedAt?: string;
  updatedBy?: string;
  /** The version an edit must name (runtime only). */
  version?: number;
  paused?: Pause;
  lastDelivery?: Delivery;
  /** The next run (config: computed from its cron at the time the model was made). */
  nextRunAt?: string;
}

export function refOf(subscription: Pick<Subscription, 'source' | 'id'>): SubscriptionRef {
  return { source: subscription.source, id: subscription.id };
}

export function fromRuntime(stored: RuntimeSubscription): Subscription {
  const { createdBy: _createdBy, ...rest } = stored;
  return { source: 'runtime', ...rest };
}

/** `extra.now`: compute the next run from then (lists show it; the worker doesn't need it). */
export function fromConfig(
  config: Config,
  declared: SubscriptionConfig,
  extra: { now?: Date; lastDelivery?: Delivery | undefined } = {},
): Subscription {
  const timeZone = declared.timeZone ?? config.defaults.timeZone;
  const nextRunAt = extra.now ? nextRunAfter(declared.schedule, timeZone, extra.now) : undefined;
  return {
    source: 'config',
    id: declared.name,
    ...(declared.project !== undefined ? { project: declared.project } : {}),
    ...(declared.projects !== undefined ? { projects: declared.projects } : {}),
    channel: declared.channel,
    schedule: declared.schedule,
    timeZone,
    period: declared.period,
    ...(declared.locale !== undefined ? { locale: declared.locale } : {}),
    ...(declared.currencyDisplay !== undefined ? { currencyDisplay: declared.currencyDisplay } : {}),
    ...(declared.sections !== undefined ? { sections: declared.sections } : {}),
    ...(extra.lastDelivery ? { lastDelivery: extra.lastDelivery } : {}),
    ...(nextRunAt ? { nextRunAt } : {}),
  };
}

/** A YAML subscription by its exact name. */
export function configSubscription(config: Config, name: string): SubscriptionConfig | undefined {
  return config.subscriptions.find((s) => s.name === name);
}
