/**
 * Which projects a subscription covers: the one place that answers it. A subscription names one `project` (it
 * posts that project's digest) or `projects`, a list or `all` (it posts the agency overview). Pure.
 */
import { projectsForChannel } from '../config/access.ts';
import { ALL_PROJECTS, type Config, type ProjectConfig, type SubscriptionConfig } from '../config/schema.ts';

/** The subscription posts the overview of its projects rather than one project's digest. */
export function isOverviewSubscription(subscription: SubscriptionConfig): boolean {
  return subscription.projects !== undefined;
}

/**
 * The projects a subscription covers, in configuration order. Only projects bound to its channel ever count
 * (a validated configuration binds every project it names; this holds even if one did not): a post never shows
 * numbers where people could not ask for them. `all` is every project bound to the channel.
 */
export function subscriptionProjects(config: Config, subscription: SubscriptionConfig): ProjectConfig[] {
  const bound = projectsForChannel(config, subscription.channel);
  const { projects } = subscription;
  if (projects === ALL_PROJECTS) return bound;
  const wanted = new Set(projects ?? (subscription.project === undefined ? [] : [subscription.project]));
  return bound.filter((p) => wanted.has(p.key));
}
