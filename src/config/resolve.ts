/**
 * A subscription with the configuration's defaults filled in. Pure.
 */
import { type Config, type CurrencyDisplay, type ProjectConfig, SECTIONS, type Section, type SubscriptionConfig } from './schema.ts';

export interface ResolvedSubscription {
  subscription: SubscriptionConfig;
  project: ProjectConfig;
  timeZone: string;
  locale: string;
  currencyDisplay: CurrencyDisplay;
  /** The sections to show, in the order a digest shows them. */
  sections: Section[];
}

/** Fill in defaults. Returns undefined if the subscription's project is not defined (a validated config never has that). */
export function resolveSubscription(config: Config, subscription: SubscriptionConfig): ResolvedSubscription | undefined {
  const project = config.projects.find((p) => p.key === subscription.project);
  if (!project) return undefined;
  const wanted = new Set<Section>(subscription.sections ?? SECTIONS);
  return {
    subscription,
    project,
    timeZone: subscription.timeZone ?? config.defaults.timeZone,
    locale: subscription.locale ?? config.defaults.locale,
    currencyDisplay: subscription.currencyDisplay ?? config.defaults.currencyDisplay,
    sections: SECTIONS.filter((s) => wanted.has(s)),
  };
}

/** A subscription by name. */
export function findSubscription(config: Config, name: string): SubscriptionConfig | undefined {
  const wanted = name.trim().toLowerCase();
  return config.subscriptions.find((s) => s.name === wanted);
}
