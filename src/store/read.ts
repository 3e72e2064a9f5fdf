/**
 * Reading stored items, the same way in every store: each item is checked against its schema, and an invalid one is
 * logged (`store.invalid_item`, with its key and what is wrong, never its values) and skipped, never thrown.
 */
import type { Log } from '../log.ts';
import { invalidItem } from './binding-item.ts';
import { type Delivery, parseSubscriptionItem, parseSubscriptionStateItem, type RuntimeSubscription } from './subscription-item.ts';

type Item = Record<string, unknown>;

export function subscriptionReader(log: Log) {
  return {
    subscription(item: Item | undefined): RuntimeSubscription | undefined {
      if (!item) return undefined;
      const parsed = parseSubscriptionItem(item);
      if (parsed.ok) return parsed.value;
      invalidItem(log, item, parsed.problem);
      return undefined;
    },
    /** A YAML subscription's last delivery, from its state item. */
    configDelivery(item: Item | undefined): Delivery | undefined {
      if (!item) return undefined;
      const parsed = parseSubscriptionStateItem(item);
      if (parsed.ok) return parsed.value.lastDelivery;
      invalidItem(log, item, parsed.problem);
      return undefined;
    },
  };
}
