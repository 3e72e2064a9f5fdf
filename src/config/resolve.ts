/** A YAML subscription by the name someone typed (`npm run digest -- --subscription NAME`). Pure. */
import type { Config, SubscriptionConfig } from './schema.ts';

/** A subscription by name (trimmed, any case). */
export function findSubscription(config: Config, name: string): SubscriptionConfig | undefined {
  const wanted = name.trim().toLowerCase();
  return config.subscriptions.find((s) => s.name === wanted);
}
