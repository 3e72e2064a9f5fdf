/**
 * A subscription with the configuration's defaults filled in. Pure.
 */
import { type DigestTarget, resolveDigestTarget } from '../subscriptions/target.ts';
import type { Config, SubscriptionConfig } from './schema.ts';

export interface ResolvedSubscription extends Omit<DigestTarget, 'channel'> {
  subscription: SubscriptionConfig;
}

/** Fill in defaults. Returns undefined if the subscription's project is not defined (a validated config never has that). */
export function resolveSubscription(config: Config, subscription: SubscriptionConfig): ResolvedSubscription | undefined {
  const target = resolveDigestTarget(config, subscription);
  if (!target) return undefined;
  const { channel: _channel, ...rest } = target;
  return { subscription, ...rest };
}

/** A subscription by name. */
export function findSubscription(config: Config, name: string): SubscriptionConfig | undefined {
  const wanted = name.trim().toLowerCase();
  return config.subscriptions.find((s) => s.name === wanted);
}
