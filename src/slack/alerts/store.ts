/**
 * The alert store the alerts UI reads and writes: the one the app was handed (tests, `npm run dev`, the demo), else
 * the one the environment names (`STATE_TABLE`: DynamoDB; `STATE_FILE`: the in-memory table kept in that file), made
 * once per environment inside the UI's own bundle, so its code and the AWS SDK never load on the HTTP function's cold
 * start. Neither: none (the UI says it is not set up), as for subscriptions.
 */
import type { AlertStore } from '../../alerts/store.ts';
import type { Log } from '../../log.ts';
import { alertStoresFromEnv } from '../../store/alerts-from-env.ts';

const made = new WeakMap<NodeJS.ProcessEnv, AlertStore>();

export function alertUiStore(given: AlertStore | undefined, env: NodeJS.ProcessEnv, log: Log): AlertStore | undefined {
  if (given) return given;
  if (!env.STATE_TABLE && !env.STATE_FILE) return undefined;
  let store = made.get(env);
  if (!store) {
    store = alertStoresFromEnv(env, log).store;
    made.set(env, store);
  }
  return store;
}
