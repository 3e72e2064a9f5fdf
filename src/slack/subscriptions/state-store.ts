/**
 * The state store the subscription UI reads and writes: the one the app was handed (tests, `npm run dev`, the demo),
 * else the one the environment names (`STATE_TABLE`: DynamoDB; `STATE_FILE`: a JSON file), made once per environment
 * inside the subscription UI's own bundle, so its code and the AWS SDK never load on the HTTP function's cold start.
 * Neither: none (the UI says it is not set up).
 */
import type { Log } from '../../log.ts';
import { stateStoreFromEnv } from '../../store/from-env.ts';
import type { StateStore } from '../../store/store.ts';

const made = new WeakMap<NodeJS.ProcessEnv, StateStore>();

export function subscriptionUiStore(given: StateStore | undefined, env: NodeJS.ProcessEnv, log: Log): StateStore | undefined {
  if (given) return given;
  if (!env.STATE_TABLE && !env.STATE_FILE) return undefined;
  let store = made.get(env);
  if (!store) {
    store = stateStoreFromEnv(env, log);
    made.set(env, store);
  }
  return store;
}
